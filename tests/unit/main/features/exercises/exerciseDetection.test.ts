import { describe, expect, it } from 'vitest';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('shipped scenarios through the real detection engine, in game time', () => {
  for (const scriptId of ['bank-data-leak', 'watchmaker-viral-defect', 'energy-site-incident', 'insurance-claims-refusal']) {
    it(`${scriptId}: the first alert opens after onset and within the expected window`, async () => {
      let now = Date.parse('2026-11-21T08:00:00.000Z');
      const core = makeTestCore(tempDir(), { clock: { now: () => new Date(now) } });
      const exercise = await invoke(core, 'exercises:create', { name: scriptId });
      const ws = { workspaceId: exercise.id };
      const run = await invoke(core, 'exercises:start', { ...ws, scriptId, speed: 60 });
      const gameStart = Date.parse(run.gameStartAt);
      // One real second per step at ×60: one game minute at a time, as the timer would play it.
      for (let minute = 1; minute <= 60; minute += 1) {
        now += 1000;
        await invoke(core, 'exercises:control', { ...ws, control: { action: 'speed', speed: 60 } });
      }
      const alerts = await invoke(core, 'detection:listAlerts', ws);
      expect(alerts.length).toBeGreaterThan(0);
      const first = Math.min(...alerts.map((a) => Date.parse(a.openedAt)));
      const minutesAfterOnset = (first - gameStart) / 60_000 - run.onsetMinute;
      expect(minutesAfterOnset).toBeGreaterThan(0);
      expect(minutesAfterOnset).toBeLessThanOrEqual(run.expectedAlertWithinMinutes);
      expect(alerts[0]!.watchName).toBe((await invoke(core, 'watches:list', ws))[0]!.name);
      expect(await invoke(core, 'detection:listAlerts', { workspaceId: 'live' })).toEqual([]);
      core.close();
    });
  }
});
