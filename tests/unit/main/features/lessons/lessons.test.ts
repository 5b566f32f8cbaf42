import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('lessons-learned answers', () => {
  it('stores named and anonymous answers with actions and owners; an anonymous one keeps no role', async () => {
    const core = makeTestCore(tempDir(), { clock: { now: () => new Date('2026-11-21T12:00:00.000Z') } });
    const exercise = await invoke(core, 'exercises:create', { name: 'RETEX' });
    const ws = { workspaceId: exercise.id };
    const seen: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'lessons:changed' && seen.push(payload));

    await invoke(core, 'lessons:submit', {
      ...ws,
      lesson: { author: 'Léa Rochat', authorRole: 'communityManager', wentWell: 'Réponses rapides', wentBadly: '', actions: [{ action: 'Préparer une FAQ fuite de données', owner: 'communicationLead' }] },
    });
    const anonymous = await invoke(core, 'lessons:submit', {
      ...ws,
      lesson: { author: null, authorRole: 'legal', wentWell: '', wentBadly: 'Validation juridique trop lente', actions: [] },
    });
    expect(anonymous.author).toBeNull();
    expect(anonymous.authorRole).toBeNull();
    const empty = await core.dispatch('lessons:submit', { ...ws, lesson: { wentWell: '', wentBadly: '' } });
    expect(empty.ok || empty.error.code).toBe('INVALID_INPUT');

    const list = await invoke(core, 'lessons:list', ws);
    expect(list.map((l) => [l.author, l.actions.length])).toEqual([
      ['Léa Rochat', 1],
      [null, 0],
    ]);
    expect(list[0]!.submittedAt).toBe('2026-11-21T12:00:00.000Z');
    expect(seen).toHaveLength(2);
    expect(await invoke(core, 'lessons:list', { workspaceId: 'live' })).toEqual([]);
    core.close();
  });
});
