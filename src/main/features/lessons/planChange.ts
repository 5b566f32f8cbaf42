// Applies a plan change proposed by a RETEX action to a copy of the plan; the plan's own schema then judges it.
import { crisisPlanSchema, type CrisisPlan } from '../../../shared/domain/plan';
import type { PlanChange } from '../../../shared/domain/retex';
import { failure, issue } from '../../platform/i18n/failure';
import { wordedIssues } from '../../platform/i18n/zodIssues';
import { formatIssuePath } from '../plan';

/** `itemId` names a new checklist item so its origin can be read in the plan file. */
export function applyPlanChange(plan: CrisisPlan, change: PlanChange, itemId: string): CrisisPlan {
  const next = structuredClone(plan);
  switch (change.kind) {
    case 'template': {
      const template = next.templates.find((t) => t.id === change.templateId);
      if (!template) throw failure('INVALID_INPUT', 'retex.failures.noTemplate', { id: change.templateId }, [issue('templateId', 'retex.failures.noTemplate', { id: change.templateId })]);
      template.body = change.body;
      break;
    }
    case 'threshold':
      next.thresholds.defaults[change.field][change.level] = change.value;
      break;
    case 'role': {
      const role = next.roles.find((r) => r.id === change.roleId);
      if (!role) throw failure('INVALID_INPUT', 'retex.failures.noRole', { id: change.roleId }, [issue('roleId', 'retex.failures.noRole', { id: change.roleId })]);
      role.instructions.push(change.instruction);
      break;
    }
    case 'checklistItem': {
      const playbook = next.playbooks.find((p) => p.id === change.playbookId);
      if (!playbook) throw failure('INVALID_INPUT', 'retex.failures.noPlaybook', { id: change.playbookId }, [issue('playbookId', 'retex.failures.noPlaybook', { id: change.playbookId })]);
      playbook.items.push({ id: itemId, phase: change.phase, text: change.text, ownerRole: change.ownerRole, deadline: change.deadline });
      break;
    }
  }
  const checked = crisisPlanSchema.safeParse(next);
  if (!checked.success) {
    const issues = wordedIssues(checked.error, formatIssuePath);
    throw failure('INVALID_INPUT', 'retex.failures.planRefused', { count: issues.length }, issues);
  }
  return checked.data;
}
