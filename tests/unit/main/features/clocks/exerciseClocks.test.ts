// @vitest-environment node
// In an exercise, regulatory clocks run in game time: at ×60 a real second is a game minute, so deadlines and
// reminders come on the game clock. Game time stops at the end of the script (2 h here).
import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

describe('regulatory clocks in an exercise', () => {
  it('count deadlines and give reminders in game time', async () => {
    let now = Date.parse('2026-11-21T08:00:00.000Z');
    const core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
    try {
      const exercise = await invoke(core, 'exercises:create', { name: 'Drill DORA' });
      const ws = { workspaceId: exercise.id };
      await invoke(core, 'exercises:start', { ...ws, scriptId: 'bank-data-leak', speed: 60 });
      const actor = { author: 'Julien Morel', authorRole: 'legal' };
      const incident = await invoke(core, 'incidents:open', { ...ws, incident: { title: 'Exercice fuite', scenarioId: null, scenarioKind: 'dataBreach', severity: 'critical', summary: '', actor } });
      now += 30_000; // half a game hour
      const { now: gameNow } = await invoke(core, 'clocks:list', { ...ws, incidentId: incident.id });
      expect(Date.parse(gameNow)).toBe(core.exerciseRuns.gameNow(exercise.id).getTime());
      expect(Date.parse(gameNow)).not.toBe(now);

      const dora = await invoke(core, 'clocks:classify', { ...ws, incidentId: incident.id, obligationId: 'dora-major-ict', awarenessAt: gameNow, actor });
      expect(dora.classifiedAt).toBe(gameNow);
      expect(dora.steps[0]?.dueAt).toBe(new Date(Date.parse(gameNow) + 4 * HOUR).toISOString());

      const board = await invoke(core, 'clocks:classify', { ...ws, incidentId: incident.id, obligationId: 'board-2h', awarenessAt: gameNow, actor });
      expect(board.steps[0]?.dueAt).toBe(new Date(Date.parse(gameNow) + 2 * HOUR).toISOString());

      now += 59_000; // just short of one game hour: half the board's two hours
      expect(core.clocks.remindDue([exercise.id])).toEqual([]);
      now += 1_000;
      expect(core.clocks.remindDue([exercise.id]).map((r) => [r.obligationId, r.fraction])).toEqual([['board-2h', 0.5]]);
      // Half an hour of game time later the board is told: met, in game time.
      now += 30_000;
      const sent = await invoke(core, 'clocks:markSent', { ...ws, clockId: board.id, stepId: 'inform', what: 'Appel au président', actor });
      expect(sent.steps[0]).toMatchObject({ status: 'met', sentAt: core.exerciseRuns.gameNow(exercise.id).toISOString() });
    } finally {
      core.close();
    }
  });
});
