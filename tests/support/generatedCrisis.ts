// A core holding ten days of a generated Harbor Bank crisis with a known onset and end, and the incident opened over
// it; and the incident's English PDF report read back as text. For the tests of what a report says about recovery.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Core } from '../../src/main/app/createCore';
import { generateScenario } from '../../src/main/features/detection/scenarios/scenarioGenerator';
import { invoke, makeTestCore } from './testCore';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const CRISIS_START = Date.UTC(2026, 0, 5);
export const CRISIS_ONSET = CRISIS_START + 8 * DAY + 9 * HOUR;
export const CRISIS_HOURS = 8;
/** When the incident is opened: the end of the generated days. */
export const CRISIS_OPENED = CRISIS_START + 10 * DAY;
const WS = 'live';

/** Opens a core on `dir`, ingests the crisis as it happened and opens the incident over it; the caller closes the core. */
export async function openGeneratedCrisis(dir: string, actor: { author: string; authorRole: string }): Promise<{ core: Core; incidentId: string }> {
  let now = CRISIS_START;
  const core = makeTestCore(dir, { clock: { now: () => new Date(now) } });
  try {
    const scenario = generateScenario({
      seed: 11, kind: 'crisis', language: 'en', brand: 'Harbor Bank', start: CRISIS_START, days: 10,
      peakPerHour: 40, multiplier: 8, onsetOffsetMs: CRISIS_ONSET - CRISIS_START, durationHours: CRISIS_HOURS,
    });
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Harbor Bank', keywords: ['Harbor Bank'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Feed', config: {} } });
    for (let i = 0; i < scenario.mentions.length; i += 2000) {
      const batch = scenario.mentions.slice(i, i + 2000);
      now = Date.parse(batch.at(-1)!.publishedAt) + 60_000;
      core.ingest.ingestNow(WS, source.id, batch);
    }
    now = CRISIS_OPENED;
    const incident = await invoke(core, 'incidents:open', {
      workspaceId: WS,
      incident: { title: 'Harbor Bank data leak', scenarioKind: 'dataBreach', severity: 'high', scope: { watchIds: [watch.id], start: new Date(CRISIS_ONSET).toISOString() }, actor },
    });
    return { core, incidentId: incident.id };
  } catch (error) {
    core.close();
    throw error;
  }
}

/** Generates the incident's English report, writes it to `dir`/report.pdf and reads it back with pdftotext. */
export async function reportPdfText(core: Core, dir: string, incidentId: string): Promise<{ path: string; raw: string }> {
  const job = await invoke(core, 'reports:generate', { workspaceId: WS, incidentId, language: 'en' });
  const settled = await core.reports.jobs.settled(job.jobId);
  expect(settled.state, settled.error ?? '').toBe('done');
  const file = await invoke(core, 'reports:downloadExport', { jobId: job.jobId });
  const path = join(dir, 'report.pdf');
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
  return { path, raw: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}
