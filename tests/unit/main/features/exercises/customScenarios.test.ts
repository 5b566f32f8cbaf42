import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';
import { repoPath } from '../../../../support/paths';

const tempDir = useTempDirs();
const shipped = JSON.parse(readFileSync(repoPath('resources/scenarios/bank-data-leak.json'), 'utf8')) as Record<string, unknown>;

describe('scenarios of the cell’s own', () => {
  it('imports a YAML scenario, plays it in an exercise, keeps it across restarts and removes it', async () => {
    const dataDir = tempDir();
    const core = makeTestCore(dataDir);
    const own = { ...shipped, id: 'insurer-claims-outage', title: { fr: 'Panne des sinistres', en: 'Claims outage' }, brand: 'Assurances Lac' };
    const imported = await invoke(core, 'exercises:importScript', { content: stringify(own) });
    expect(imported).toMatchObject({ id: 'insurer-claims-outage', custom: true, brand: 'Assurances Lac' });
    expect((await invoke(core, 'exercises:scripts', {})).map((s) => [s.id, s.custom])).toContainEqual(['insurer-claims-outage', true]);

    const exercise = await invoke(core, 'exercises:create', { name: 'Own drill' });
    const run = await invoke(core, 'exercises:start', { workspaceId: exercise.id, scriptId: 'insurer-claims-outage', speed: 60 });
    expect(run).toMatchObject({ scriptId: 'insurer-claims-outage', status: 'running' });
    core.close();

    const again = makeTestCore(dataDir);
    expect((await invoke(again, 'exercises:scripts', {})).some((s) => s.id === 'insurer-claims-outage')).toBe(true);
    expect(await invoke(again, 'exercises:deleteScript', { scriptId: 'insurer-claims-outage' })).toEqual({ deleted: true });
    expect((await invoke(again, 'exercises:scripts', {})).some((s) => s.id === 'insurer-claims-outage')).toBe(false);
    const shippedRemoval = await again.dispatch('exercises:deleteScript', { scriptId: 'bank-data-leak' });
    expect(shippedRemoval.ok || shippedRemoval.error.code).toBe('FORBIDDEN');
    again.close();
  });

  it('refuses broken, foreign and clashing files with every problem by path, and keeps nothing', async () => {
    const core = makeTestCore(tempDir());
    const before = await invoke(core, 'exercises:scripts', {});
    const problems = async (content: string) => {
      const result = await core.dispatch('exercises:importScript', { content });
      if (result.ok) throw new Error('imported');
      return { code: result.error.code, paths: (result.error.issues ?? []).map((i) => i.path) };
    };
    const original = shipped.injects as Record<string, unknown>[];
    const post = original.findIndex((inject) => inject.kind === 'post');
    const injects = original.map((inject, i) => (i === post ? { ...inject, persona: 'nobody' } : inject));
    const found = await problems(JSON.stringify({ ...shipped, id: 'broken', durationMinutes: -5, injects }));
    expect(found.code).toBe('INVALID_INPUT');
    expect(found.paths).toEqual(expect.arrayContaining(['durationMinutes', `injects.${post}.persona`]));
    expect(await problems('{"format": "tocsin-crisis-plan"}')).toEqual({ code: 'INVALID_INPUT', paths: ['format'] });
    expect((await problems('::: not [ yaml')).code).toBe('INVALID_INPUT');
    expect(await problems(JSON.stringify({ ...shipped, formatVersion: 99 }))).toEqual({ code: 'INVALID_INPUT', paths: ['formatVersion'] });
    expect(await problems(JSON.stringify(shipped))).toEqual({ code: 'CONFLICT', paths: ['id'] });
    expect(await invoke(core, 'exercises:scripts', {})).toEqual(before);
    core.close();
  });
});
