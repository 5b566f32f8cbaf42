// Background export jobs: each runs as a chain of short steps that yield to the event loop, pushes its
// progress as events, can be cancelled between steps, and keeps its file until it is downloaded or replaced.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/envelope';
import type { ExportJob, ExportKind } from '../../../shared/domain/report';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { failure } from '../../platform/i18n/failure';

export interface JobOutput {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
  readonly pages?: number;
}

/** Reports progress and yields; throws JobCancelled once the job was cancelled. */
export type Checkpoint = (stage: string, progress: number) => Promise<void>;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

interface JobState {
  job: ExportJob;
  cancelled: boolean;
  output: JobOutput | null;
  lastPush: number;
}

const PUSH_INTERVAL_MS = 100;
/** Finished files kept in memory; older ones are forgotten first. */
const KEEP_JOBS = 8;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ExportJobs {
  readonly #jobs = new Map<string, JobState>();

  constructor(
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(kind: ExportKind, workspaceId: string, incidentId: string, run: (checkpoint: Checkpoint) => Promise<JobOutput>): ExportJob {
    const state: JobState = {
      job: { jobId: randomUUID(), workspaceId, incidentId, kind, state: 'running', progress: 0, stage: 'queued', error: null, fileName: null, sizeBytes: null, pages: null },
      cancelled: false,
      output: null,
      lastPush: 0,
    };
    this.#jobs.set(state.job.jobId, state);
    this.#forgetOld();
    const checkpoint: Checkpoint = async (stage, progress) => {
      await yieldToLoop();
      if (state.cancelled) throw new JobCancelled();
      state.job = { ...state.job, stage, progress: Math.min(1, Math.max(state.job.progress, progress)) };
      if (this.now() - state.lastPush >= PUSH_INTERVAL_MS) this.#push(state);
    };
    void (async () => {
      try {
        await yieldToLoop();
        const output = await run(checkpoint);
        if (state.cancelled) throw new JobCancelled();
        state.output = output;
        state.job = { ...state.job, state: 'done', progress: 1, stage: 'done', fileName: output.fileName, sizeBytes: output.bytes.length, pages: output.pages ?? null };
      } catch (error) {
        if (error instanceof JobCancelled || state.cancelled) state.job = { ...state.job, state: 'cancelled' };
        else {
          this.logger.error('export job failed', { kind, error: String(error) });
          const failed = error instanceof AppFailure ? error : failure('INTERNAL', 'reports.failures.exportFailed');
          state.job = { ...state.job, state: 'failed', error: failed.message, ...(failed.wording ? { errorWording: failed.wording } : {}) };
        }
      }
      this.#push(state);
    })();
    return state.job;
  }

  status(jobId: string): ExportJob {
    return this.#get(jobId).job;
  }

  cancel(jobId: string): ExportJob {
    const state = this.#get(jobId);
    if (state.job.state === 'running') state.cancelled = true;
    return state.job;
  }

  output(jobId: string): JobOutput {
    const state = this.#get(jobId);
    if (state.job.state !== 'done' || !state.output) throw failure('CONFLICT', 'reports.failures.exportNotFinished');
    return state.output;
  }

  /** Resolves when the job has ended (tests and scripts; the UI follows reports:exportProgress instead). */
  async settled(jobId: string): Promise<ExportJob> {
    for (;;) {
      const job = this.status(jobId);
      if (job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  #get(jobId: string): JobState {
    const state = this.#jobs.get(jobId);
    if (!state) throw failure('NOT_FOUND', 'reports.failures.noExport');
    return state;
  }

  #push(state: JobState): void {
    state.lastPush = this.now();
    this.events.emit('reports:exportProgress', state.job);
  }

  #forgetOld(): void {
    const ended = [...this.#jobs.values()].filter((s) => s.job.state !== 'running');
    while (this.#jobs.size > KEEP_JOBS && ended.length > 0) this.#jobs.delete(ended.shift()!.job.jobId);
  }
}
