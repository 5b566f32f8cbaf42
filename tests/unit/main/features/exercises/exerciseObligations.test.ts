// @vitest-environment node
// An exercise runs the regulatory clocks in game time, and its debrief (screen and PDF, FR and EN) says how many
// notifications were met, missed or still running on the game clock.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRILL_START, drillActor, startDoraDrill } from '../../../../support/doraDrill';
import { invoke } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();

describe('regulatory clocks in the exercise debrief', () => {
  it('count the notifications met and missed in game time', async () => {
    const { core, exerciseId, ws, incidentId, now, advance } = await startDoraDrill(tempDir());
    const exercise = { id: exerciseId };
    const actor = drillActor;
    try {
      const gameNow = () => core.exerciseRuns.gameNow(exercise.id).toISOString();
      const classify = (obligationId: string) => invoke(core, 'clocks:classify', { ...ws, incidentId, obligationId, awarenessAt: gameNow(), actor });
      const dora = await classify('dora-major-ict');
      await classify('board-2h');

      // Thirty real seconds are thirty game minutes: the DORA initial notification goes out well within its 4 h.
      advance(30_000);
      await invoke(core, 'clocks:markSent', { ...ws, clockId: dora.id, stepId: 'initial', what: 'Notification initiale à la FINMA', actor });
      let debrief = await invoke(core, 'exercises:debrief', ws);
      expect(debrief.obligations).toEqual({ met: 1, missed: 0, running: 2 });

      // Game time reaches the end of the two-hour script: the board was never told, its deadline has passed.
      await invoke(core, 'exercises:control', { ...ws, control: { action: 'jump', minute: 120 } });
      debrief = await invoke(core, 'exercises:debrief', ws);
      expect(debrief.obligations).toEqual({ met: 1, missed: 1, running: 1 });
      // Real time barely moved: only the game clock could have made the board's two hours pass.
      expect(now() - DRILL_START).toBe(30_000);

      for (const [language, label, value] of [
        ['fr', 'Notifications réglementaires dans les délais', '1 tenues, 1 manquées, 1 en cours'],
        ['en', 'Regulatory notifications met', '1 met, 1 missed, 1 running'],
      ] as const) {
        const printed = await invoke(core, 'exercises:debriefPdf', { ...ws, language });
        const file = join(tempDir(), printed.fileName);
        writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        const row = text.split('\n').find((l) => l.includes(label));
        expect(row?.replace(/\s+/g, ' ')).toContain(value);
      }
    } finally {
      core.close();
    }
  });
});
