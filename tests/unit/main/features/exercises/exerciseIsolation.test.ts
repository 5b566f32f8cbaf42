import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { invoke, makeTestCore, workspaceKey } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

/** Row count of every table of a workspace database, read straight from its file. */
function tableCounts(dataDir: string, workspaceId: string): Record<string, number> {
  const db = openDatabase({ path: join(dataDir, 'workspaces', `${workspaceId}.db`), key: workspaceKey(dataDir, workspaceId), readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(tables.map((t) => [t, Number(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())]));
  db.close();
  return counts;
}

describe('exercise workspaces (Must show #3, backend part)', () => {
  it('runs an exercise in its own database and leaves the live database untouched', async () => {
    const dataDir = tempDir();
    const setup = makeTestCore(dataDir);
    await invoke(setup, 'plan:get', { workspaceId: 'live' });
    setup.close();
    const before = tableCounts(dataDir, 'live');

    const core = makeTestCore(dataDir);
    const exercise = await invoke(core, 'exercises:create', { name: 'Exercice fuite de données' });
    expect(exercise.kind).toBe('exercise');
    expect(exercise.id).toMatch(/^exercise-\d{12}-[0-9a-f]{6}$/);
    expect(exercise.settings.displayName).toBe('Exercice fuite de données');
    expect(exercise.settings.sealed).toBe(true);
    const ex = { workspaceId: exercise.id };

    const plan = await invoke(core, 'plan:get', ex);
    expect(plan.note).toBe('copied from live');
    const edited = structuredClone(plan.plan);
    edited.metadata.version = 'exercise';
    await invoke(core, 'plan:save', { ...ex, baseRevision: plan.revision, plan: edited });
    await invoke(core, 'crisisLog:append', {
      ...ex,
      entry: { kind: 'information', body: 'Inject: a journalist calls about leaked data', author: 'Director', occurredAt: new Date().toISOString() },
    });
    const source = await invoke(core, 'sources:create', { ...ex, source: { kind: 'exercise', name: 'Injects' } });
    const result = await core.ingest.ingest(exercise.id, source.id, [
      {
        externalId: 'inject-1',
        author: { handle: '@angry', kind: 'public' },
        text: 'Fuite de données chez Aurore ? Mes coordonnées bancaires circulent #AuroreLeak',
        publishedAt: new Date().toISOString(),
      },
    ]);
    expect(result.inserted).toBe(1);
    const exported = await invoke(core, 'plan:export', ex);
    expect(exported.fileName.startsWith('EXERCISE-')).toBe(true);

    const workspaces = await invoke(core, 'workspaces:list', {});
    expect(workspaces.map((w) => [w.id, w.kind]).sort()).toEqual([[exercise.id, 'exercise'], ['live', 'live']].sort());
    core.close();

    expect(tableCounts(dataDir, 'live')).toEqual(before);
    const exerciseCounts = tableCounts(dataDir, exercise.id);
    expect(exerciseCounts.mentions).toBe(1);
    expect(exerciseCounts.plan_revisions).toBe(2);
    expect(exerciseCounts.crisis_log).toBeGreaterThanOrEqual(1);
  });
});
