// The cell's own roles: added beside the shipped ten, used in an approval chain and a checklist by id, renamed
// without losing those references, refused removal while in use, and every change named in the history.
import { describe, expect, it } from 'vitest';
import type { CrisisPlan, Role } from '../../../../../src/shared/domain/plan';
import { removeRole, roleUsages } from '../../../../../src/shared/domain/planRoles';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const live = { workspaceId: 'live' };

const marketing: Role = {
  id: 'role-marketing',
  name: { fr: 'Marketing', en: 'Marketing' },
  mission: { fr: 'Geler les campagnes.', en: 'Freeze the campaigns.' },
  instructions: [],
  holder: { name: 'Léa Marchal', title: 'CMO', phone: '+41 79 555 10 10', altPhone: '', email: 'lea@example.test', channels: ['sms', 'email'] },
  deputies: [{ name: 'Noé Bret', title: '', phone: '+41 79 555 10 11', altPhone: '', email: '' }],
  calls: [],
};

describe('custom roles in the plan', () => {
  it('a custom role approves statements and owns a checklist item; renaming keeps both, removal is refused while used', async () => {
    const core = makeTestCore(tempDir());
    const first = await invoke(core, 'plan:get', live);

    const withRole: CrisisPlan = structuredClone(first.plan);
    withRole.roles.push(marketing);
    withRole.approvals.holding = [...withRole.approvals.holding, 'role-marketing'];
    withRole.playbooks[0]!.items[0]!.ownerRole = 'role-marketing';
    const added = await invoke(core, 'plan:save', { ...live, baseRevision: first.revision, plan: withRole, note: '' });
    expect(added.plan.roles).toHaveLength(11);
    expect(added.plan.approvals.holding).toContain('role-marketing');

    const renamed = structuredClone(added.plan);
    renamed.roles.find((r) => r.id === 'role-marketing')!.name = { fr: 'Marketing et marque', en: 'Marketing and brand' };
    const afterRename = await invoke(core, 'plan:save', { ...live, baseRevision: added.revision, plan: renamed, note: '' });
    expect(afterRename.plan.approvals.holding).toContain('role-marketing');
    expect(afterRename.plan.playbooks[0]!.items[0]!.ownerRole).toBe('role-marketing');

    const refused = removeRole(afterRename.plan, 'role-marketing');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.usages.map((u) => u.kind)).toEqual(['approval', 'checklist']);

    // A save that drops the role anyway is refused at every place still naming it; nothing is stored.
    const dropped = structuredClone(afterRename.plan);
    dropped.roles = dropped.roles.filter((r) => r.id !== 'role-marketing');
    const refusedSave = await core.dispatch('plan:save', { ...live, baseRevision: afterRename.revision, plan: dropped });
    expect(refusedSave.ok).toBe(false);
    const paths = refusedSave.ok ? [] : (refusedSave.error.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['plan.approvals.holding.2', 'plan.playbooks.0.items.0.ownerRole']));
    expect((await invoke(core, 'plan:get', live)).revision).toBe(afterRename.revision);

    const freed = structuredClone(afterRename.plan);
    freed.approvals.holding = freed.approvals.holding.filter((r) => r !== 'role-marketing');
    freed.playbooks[0]!.items[0]!.ownerRole = 'crisisLead';
    expect(roleUsages(freed, 'role-marketing')).toEqual([]);
    const removal = removeRole(freed, 'role-marketing');
    expect(removal.ok).toBe(true);
    const afterRemoval = await invoke(core, 'plan:save', { ...live, baseRevision: afterRename.revision, plan: removal.ok ? removal.plan : freed, note: 'marketing merged into communication' });
    expect(afterRemoval.plan.roles.map((r) => r.id)).not.toContain('role-marketing');

    // The history keeps the changes as data, both names of each role, for the reader's catalogue to word.
    const history = await invoke(core, 'plan:history', live);
    expect(history.slice(0, 3).map((h) => [h.note, h.roleChanges])).toEqual([
      ['marketing merged into communication', { added: [], renamed: [], removed: [{ fr: 'Marketing et marque', en: 'Marketing and brand' }] }],
      ['', { added: [], renamed: [{ from: { fr: 'Marketing', en: 'Marketing' }, to: { fr: 'Marketing et marque', en: 'Marketing and brand' } }], removed: [] }],
      ['', { added: [{ fr: 'Marketing', en: 'Marketing' }], renamed: [], removed: [] }],
    ]);
    expect(history.at(-1)!.roleChanges).toBeNull();
    core.close();
  });

  it('names a role used in the call tree, an obligation and the escalation', async () => {
    const core = makeTestCore(tempDir());
    const { plan } = await invoke(core, 'plan:get', live);
    expect(roleUsages(plan, 'crisisLead').map((u) => u.kind)).toEqual(expect.arrayContaining(['approval', 'checklist', 'escalation']));
    const caller = plan.roles.find((r) => r.calls.length > 0)!;
    expect(roleUsages(plan, caller.calls[0]!)).toContainEqual({ kind: 'callTree', role: caller.name });
    const edited = structuredClone(plan);
    edited.escalation.levels.alert.first = [...edited.escalation.levels.alert.first, 'ghost'];
    const result = await core.dispatch('plan:save', { ...live, baseRevision: 1, plan: edited });
    expect(result.ok || result.error.issues?.map((i) => i.path)).toEqual(['plan.escalation.levels.alert.first.4']);
    core.close();
  });
});
