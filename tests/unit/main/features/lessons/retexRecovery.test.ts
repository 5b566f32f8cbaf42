// @vitest-environment node
// Recovery on a generated crisis with a known end: the RETEX says when volume and negative share came back to the
// week before, and the PDF report states the recovery time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../../../src/main/features/detection/scenarios/scenarioGenerator';
import { RECOVERY_WINDOW_HOURS } from '../../../../../src/shared/domain/retex';
import { invoke, makeTestCore } from '../../../../support/testCore';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);
const ONSET = START + 8 * DAY + 9 * HOUR;
const DURATION_HOURS = 8;
const WS = 'live';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('recovery of a generated crisis', () => {
  it('finds volume back one window after the crisis ends, negative share back after it, and the report says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-recovery-'));
    dirs.push(dir);
    let now = START;
    const core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
    try {
      const scenario = generateScenario({
        seed: 11, kind: 'crisis', language: 'en', brand: 'Harbor Bank', start: START, days: 10,
        peakPerHour: 40, multiplier: 8, onsetOffsetMs: ONSET - START, durationHours: DURATION_HOURS,
      });
      const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Harbor Bank', keywords: ['Harbor Bank'] } });
      const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Feed', config: {} } });
      for (let i = 0; i < scenario.mentions.length; i += 2000) {
        const batch = scenario.mentions.slice(i, i + 2000);
        now = Date.parse(batch.at(-1)!.publishedAt) + 60_000;
        core.ingest.ingestNow(WS, source.id, batch);
      }
      now = START + 10 * DAY;
      const actor = { author: 'Sam Carter', authorRole: 'crisisLead' };
      const incident = await invoke(core, 'incidents:open', {
        workspaceId: WS,
        incident: { title: 'Harbor Bank data leak', scenarioKind: 'dataBreach', severity: 'high', scope: { watchIds: [watch.id], start: new Date(ONSET).toISOString() }, actor },
      });
      await invoke(core, 'incidents:setStatus', { workspaceId: WS, incidentId: incident.id, status: 'closed', actor });

      const { recovery } = await invoke(core, 'lessons:retex', { workspaceId: WS, incidentId: incident.id });
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

      const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId: incident.id, language: 'en' });
      const settled = await core.reports.jobs.settled(job.jobId);
      expect(settled.state, settled.error ?? '').toBe('done');
      const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
      const path = join(dir, 'report.pdf');
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(`Recovery time from the start of the crisis: volume ${backHours} h, negative share ${recovery.negativeShare!.hoursAfterStart} h.`);
      expect(text).toContain('Back to baseline');
    } finally {
      core.close();
    }
  }, 180_000);
});
