import { describe, expect, it } from 'vitest';
import type { CrisisPlan } from '../../../../../src/shared/domain/plan';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const live = { workspaceId: 'live' };

function fixedClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

describe('plan service through the contract', () => {
  it('seeds the shipped default plan, then saves edits as new revisions with history', async () => {
    const clock = fixedClock('2026-11-21T10:00:00.000Z');
    const core = makeTestCore(tempDir(), { clock });
    const seen: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'plan:changed' && seen.push(payload));

    const first = await invoke(core, 'plan:get', live);
    expect(first.revision).toBe(1);
    expect(first.origin).toBe('default');
    expect(first.plan.roles).toHaveLength(10);

    clock.set('2026-11-21T11:00:00.000Z');
    const edited: CrisisPlan = structuredClone(first.plan);
    edited.roles[0]!.deputies.push({ name: 'Nouvelle Suppléante', title: '', phone: '+41 79 555 99 99', altPhone: '', email: '' });
    const saved = await invoke(core, 'plan:save', { ...live, baseRevision: 1, plan: edited, note: 'second deputy' });
    expect(saved.revision).toBe(2);
    expect(saved.plan.metadata.updatedAt).toBe('2026-11-21T11:00:00.000Z');
    expect(saved.plan.roles[0]!.deputies.at(-1)?.name).toBe('Nouvelle Suppléante');
    expect(seen).toEqual([{ workspaceId: 'live', revision: 2 }]);

    const stale = await core.dispatch('plan:save', { ...live, baseRevision: 1, plan: edited });
    expect(stale.ok || stale.error.code).toBe('CONFLICT');

    const history = await invoke(core, 'plan:history', live);
    expect(history.map((h) => [h.revision, h.origin, h.note])).toEqual([
      [2, 'edit', 'second deputy'],
      [1, 'default', ''],
    ]);
    core.close();
  });

  it('refuses an edit that breaks a cross-reference, naming the path', async () => {
    const core = makeTestCore(tempDir());
    const current = await invoke(core, 'plan:get', live);
    const broken = structuredClone(current.plan);
    broken.scenarios[0]!.playbookId = 'nowhere';
    const result = await core.dispatch('plan:save', { ...live, baseRevision: 1, plan: broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path)).toContain('plan.scenarios.0.playbookId');
    core.close();
  });
});

describe('plan file import and export (Must show #1)', () => {
  it('exports a plan and imports it into an empty data folder as the identical plan', async () => {
    const source = makeTestCore(tempDir());
    const base = await invoke(source, 'plan:get', live);
    const edited = structuredClone(base.plan);
    edited.metadata.organisation = 'Banque Léman SA';
    edited.contacts.push({
      id: 'finma',
      category: 'regulator',
      name: 'Surveillance des banques',
      organisation: 'Autorité de surveillance',
      phone: '+41 31 555 00 00',
      email: '',
      notes: { fr: 'Annonce sous 24 h', en: 'Report within 24 h' },
    });
    const saved = await invoke(source, 'plan:save', { ...live, baseRevision: 1, plan: edited });
    const exported = await invoke(source, 'plan:export', live);
    expect(exported.fileName).toBe('crisis-plan-banque-leman-sa-2026.1.json');
    source.close();

    const target = makeTestCore(tempDir());
    const imported = await invoke(target, 'plan:import', { ...live, content: exported.content });
    expect(imported.origin).toBe('import');
    const reread = await invoke(target, 'plan:get', live);
    expect(reread.plan).toEqual(saved.plan);
    expect((await invoke(target, 'plan:export', live)).content).toBe(exported.content);
    target.close();
  });

  it('reports every bad path of a broken file and imports nothing', async () => {
    const core = makeTestCore(tempDir());
    const exported = await invoke(core, 'plan:export', live);
    const file = JSON.parse(exported.content) as CrisisPlan;
    file.roles[2]!.holder!.phone = '';
    (file.roles[3] as { id: string }).id = 'janitor on call';
    file.playbooks[0]!.items[5]!.deadline = 'tomorrow';
    file.scenarios[4]!.templateIds.push('holding-ghost');
    delete (file.metadata as Partial<CrisisPlan['metadata']>).organisation;

    const result = await core.dispatch('plan:import', { ...live, content: JSON.stringify(file) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/nothing was imported/);
    expect(result.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'roles.2.holder.phone',
        'roles.3.id',
        'playbooks.0.items.5.deadline',
        'scenarios.4.templateIds.4',
        'metadata.organisation',
      ]),
    );
    const history = await invoke(core, 'plan:history', live);
    expect(history.map((h) => h.revision)).toEqual([1]);
    core.close();
  });

  it('refuses files from a newer Tocsin, non-plans and non-JSON clearly', async () => {
    const core = makeTestCore(tempDir());
    const exported = await invoke(core, 'plan:export', live);
    const newer = { ...(JSON.parse(exported.content) as object), schemaVersion: 7 };
    const cases: [string, RegExp][] = [
      [JSON.stringify(newer), /newer version of Tocsin \(schemaVersion 7\)/],
      [JSON.stringify({ hello: 'world' }), /not a Tocsin crisis plan/],
      ['{"format": "tocsin-crisis-plan", ', /not valid JSON/],
      ['[]', /not a Tocsin crisis plan/],
    ];
    for (const [content, message] of cases) {
      const result = await core.dispatch('plan:import', { ...live, content });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await invoke(core, 'plan:history', live)).toHaveLength(1);
    core.close();
  });
});
