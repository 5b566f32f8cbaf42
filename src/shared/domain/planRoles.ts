// The cell's own roles: where a role is named in the plan (so removing one in use is refused, naming each
// place), and what changed between two revisions' roles (so the history says it).
import { z } from 'zod';
import type { CrisisPlan, LocalizedText, RoleId } from './plan';

/** One place of the plan that names a role by its id. */
export type RoleUsage =
  | { readonly kind: 'approval'; readonly statementKind: string }
  | { readonly kind: 'checklist'; readonly playbook: LocalizedText; readonly item: LocalizedText }
  | { readonly kind: 'callTree'; readonly role: LocalizedText }
  | { readonly kind: 'obligation'; readonly obligation: LocalizedText }
  | { readonly kind: 'escalation'; readonly level: string };

export function roleUsages(plan: CrisisPlan, roleId: RoleId): RoleUsage[] {
  const usages: RoleUsage[] = [];
  for (const [statementKind, roles] of Object.entries(plan.approvals)) {
    if (roles.includes(roleId)) usages.push({ kind: 'approval', statementKind });
  }
  for (const playbook of plan.playbooks) {
    for (const item of playbook.items) if (item.ownerRole === roleId) usages.push({ kind: 'checklist', playbook: playbook.name, item: item.text });
  }
  for (const role of plan.roles) if (role.id !== roleId && role.calls.includes(roleId)) usages.push({ kind: 'callTree', role: role.name });
  for (const obligation of plan.regulatory.obligations) if (obligation.ownerRole === roleId) usages.push({ kind: 'obligation', obligation: obligation.name });
  for (const [level, rule] of Object.entries(plan.escalation.levels)) if (rule.first.includes(roleId)) usages.push({ kind: 'escalation', level });
  return usages;
}

/**
 * A role that nobody names can go; its own call tree goes with it. Returns the plan without the role, or the
 * places that still name it (the plan untouched).
 */
export function removeRole(plan: CrisisPlan, roleId: RoleId): { ok: true; plan: CrisisPlan } | { ok: false; usages: RoleUsage[] } {
  const usages = roleUsages(plan, roleId);
  if (usages.length > 0) return { ok: false, usages };
  return { ok: true, plan: { ...plan, roles: plan.roles.filter((role) => role.id !== roleId) } };
}

const roleNameSchema = z.object({ fr: z.string(), en: z.string() });
export const roleChangesSchema = z.object({
  added: z.array(roleNameSchema),
  renamed: z.array(z.object({ from: roleNameSchema, to: roleNameSchema })),
  removed: z.array(roleNameSchema),
});
export type RoleChanges = z.infer<typeof roleChangesSchema>;

export const hasRoleChanges = ({ added, renamed, removed }: RoleChanges): boolean => added.length + renamed.length + removed.length > 0;

export function roleChanges(before: CrisisPlan, after: CrisisPlan): RoleChanges {
  const previous = new Map(before.roles.map((role) => [role.id, role]));
  const next = new Map(after.roles.map((role) => [role.id, role]));
  return {
    added: after.roles.filter((role) => !previous.has(role.id)).map((role) => role.name),
    renamed: after.roles.flatMap((role) => {
      const old = previous.get(role.id);
      return old && (old.name.fr !== role.name.fr || old.name.en !== role.name.en) ? [{ from: old.name, to: role.name }] : [];
    }),
    removed: before.roles.filter((role) => !next.has(role.id)).map((role) => role.name),
  };
}
