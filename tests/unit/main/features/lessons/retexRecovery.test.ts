// @vitest-environment node
// Recovery on a generated crisis with a known end: the RETEX says when volume and negative share came back to the
// week before, and the PDF report states the recovery time.
import { describe, expect, it } from 'vitest';
import { RECOVERY_WINDOW_HOURS } from '../../../../../src/shared/domain/retex';
import { CRISIS_HOURS as DURATION_HOURS, CRISIS_ONSET as ONSET, DAY, HOUR, openGeneratedCrisis, reportPdfText } from '../../../../support/generatedCrisis';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke } from '../../../../support/testCore';

const WS = 'live';
const newDir = useTempDirs();

describe('recovery of a generated crisis', () => {
  it('finds volume back one window after the crisis ends, negative share back after it, and the report says so', async () => {
    const dir = newDir();
    const actor = { author: 'Sam Carter', authorRole: 'crisisLead' };
    const { core, incidentId } = await openGeneratedCrisis(dir, actor);
    try {
      await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId, status: 'closed', actor });

      const { recovery } = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId });
      expect(recovery.baselineFrom).toBe(new Date(ONSET - 7 * DAY).toISOString());
      expect(recovery.baselineNegativeShare).toBeGreaterThan(0.1);
      expect(recovery.baselineNegativeShare).toBeLessThan(0.2);
      const peak = Date.parse(recovery.peakAt!);
      expect(peak).toBeGreaterThanOrEqual(ONSET);
      expect(peak).toBeLessThan(ONSET + DURATION_HOURS * HOUR);
      // Any window holding a crisis hour is far above the baseline: volume is back exactly one window after the end.
      const backHours = DURATION_HOURS + RECOVERY_WINDOW_HOURS;
      expect(recovery.volume).toEqual({ at: new Date(ONSET + backHours * HOUR).toISOString(), hoursAfterStart: backHours });
      expect(recovery.negativeShare!.hoursAfterStart).toBeGreaterThanOrEqual(backHours);
      expect(recovery.negativeShare!.hoursAfterStart).toBeLessThan(backHours + 12);

      const text = (await reportPdfText(core, dir, incidentId)).raw.replace(/\s+/g, ' ');
      expect(text).toContain(`Recovery time from the start of the crisis: volume ${backHours} h, negative share ${recovery.negativeShare!.hoursAfterStart} h.`);
      expect(text).toContain('Back to baseline');
    } finally {
      core.close();
    }
  }, 180_000);
});
