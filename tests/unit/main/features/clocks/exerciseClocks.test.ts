// @vitest-environment node
// In an exercise, regulatory clocks run in game time: at ×60 a real second is a game minute, so deadlines and
// reminders come on the game clock. Game time stops at the end of the script (2 h here).
import { describe, expect, it } from 'vitest';
import { drillActor, startDoraDrill } from '../../../../support/doraDrill';
import { invoke } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const HOUR = 3_600_000;

describe('regulatory clocks in an exercise', () => {
  it('count deadlines and give reminders in game time', async () => {
    const { core, exerciseId, ws, incidentId, now, advance } = await startDoraDrill(tempDir());
    const exercise = { id: exerciseId };
    const incident = { id: incidentId };
    const actor = drillActor;
    try {
      advance(30_000); // half a game hour
      const { now: gameNow } = await invoke(core, 'clocks:list', { ...ws, incidentId: incident.id });
      expect(Date.parse(gameNow)).toBe(core.exerciseRuns.gameNow(exercise.id).getTime());
      expect(Date.parse(gameNow)).not.toBe(now());

      const dora = await invoke(core, 'clocks:classify', { ...ws, incidentId: incident.id, obligationId: 'dora-major-ict', awarenessAt: gameNow, actor });
      expect(dora.classifiedAt).toBe(gameNow);
      expect(dora.steps[0]?.dueAt).toBe(new Date(Date.parse(gameNow) + 4 * HOUR).toISOString());

      const board = await invoke(core, 'clocks:classify', { ...ws, incidentId: incident.id, obligationId: 'board-2h', awarenessAt: gameNow, actor });
      expect(board.steps[0]?.dueAt).toBe(new Date(Date.parse(gameNow) + 2 * HOUR).toISOString());

      advance(59_000); // just short of one game hour: half the board's two hours
      expect(core.clocks.remindDue([exercise.id])).toEqual([]);
      advance(1_000);
      expect(core.clocks.remindDue([exercise.id]).map((r) => [r.obligationId, r.fraction])).toEqual([['board-2h', 0.5]]);
      // Half an hour of game time later the board is told: met, in game time.
      advance(30_000);
      const sent = await invoke(core, 'clocks:markSent', { ...ws, clockId: board.id, stepId: 'inform', what: 'Appel au président', actor });
      expect(sent.steps[0]).toMatchObject({ status: 'met', sentAt: core.exerciseRuns.gameNow(exercise.id).toISOString() });
    } finally {
      core.close();
    }
  });
});
