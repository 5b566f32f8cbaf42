// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/contract/envelope';
import type { EventName } from '../../../../../src/shared/contract/index';
import { EventBus } from '../../../../../src/main/platform/events/eventBus';
import { silentLogger } from '../../../../../src/main/platform/logger';
import { ExportJobs } from '../../../../../src/main/features/reports/exportJobs';
import { failure } from '../../../../../src/main/platform/i18n/failure';

const INCIDENT = '6f1c1a52-3f0e-4f43-9d8e-1d2a52c7b001';

function setup() {
  const events = new EventBus();
  const pushed: { name: EventName; payload: { state: string; progress: number; stage: string } }[] = [];
  events.subscribe((name, payload) => pushed.push({ name, payload: payload as (typeof pushed)[number]['payload'] }));
  let clock = 0;
  return { jobs: new ExportJobs(events, silentLogger, () => (clock += 200)), pushed };
}

describe('export jobs', () => {
  it('pushes progress, keeps the file until downloaded, and never blocks the event loop', async () => {
    const { jobs, pushed } = setup();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const job = jobs.start('logCsv', 'live', INCIDENT, async (checkpoint) => {
      for (let i = 0; i < 50; i += 1) {
        const until = Date.now() + 2;
        while (Date.now() < until);
        await checkpoint('rows', i / 50);
      }
      return { fileName: 'log.csv', mimeType: 'text/csv', bytes: Buffer.from('a,b\n') };
    });
    expect(job.state).toBe('running');
    const done = await jobs.settled(job.jobId);
    clearInterval(timer);
    expect(done).toMatchObject({ state: 'done', progress: 1, fileName: 'log.csv', sizeBytes: 4 });
    expect(jobs.output(job.jobId).bytes.toString()).toBe('a,b\n');
    const progress = pushed.filter((p) => p.name === 'reports:exportProgress');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)?.payload.state).toBe('done');
    // Timers ran between the steps: the work yielded to the event loop.
    expect(ticks).toBeGreaterThan(10);
  });

  it('stops at the next step once cancelled, and says so', async () => {
    const { jobs, pushed } = setup();
    let steps = 0;
    const job = jobs.start('mentionsCsv', 'live', INCIDENT, async (checkpoint) => {
      for (;;) {
        steps += 1;
        await checkpoint('rows', 0.1);
      }
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(jobs.cancel(job.jobId).state).toBe('running');
    const ended = await jobs.settled(job.jobId);
    expect(ended.state).toBe('cancelled');
    const at = steps;
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(at);
    expect(() => jobs.output(job.jobId)).toThrow(AppFailure);
    expect(pushed.at(-1)?.payload.state).toBe('cancelled');
  });

  it('reports a failure with the expected-error message only, and unknown jobs as not found', async () => {
    const { jobs } = setup();
    const expected = jobs.start('report', 'live', INCIDENT, () => Promise.reject(new AppFailure('NOT_FOUND', 'No such incident.')));
    expect(await jobs.settled(expected.jobId)).toMatchObject({ state: 'failed', error: 'No such incident.' });
    const crash = jobs.start('report', 'live', INCIDENT, () => Promise.reject(new Error('disk /secret/path exploded')));
    const failed = await jobs.settled(crash.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).not.toContain('/secret/path');
    // The screens word it in their reader's language from the key; the English text stays for the log.
    expect(failed).toMatchObject({ error: 'The export failed; see the application log.', errorWording: { key: 'reports.failures.exportFailed' } });
    const worded = jobs.start('report', 'live', INCIDENT, () => Promise.reject(failure('NOT_FOUND', 'incidents.failures.noIncident')));
    expect(await jobs.settled(worded.jobId)).toMatchObject({ error: 'No such incident.', errorWording: { key: 'incidents.failures.noIncident' } });
    expect(() => jobs.status('00000000-0000-4000-8000-000000000000')).toThrow(AppFailure);
  });
});
