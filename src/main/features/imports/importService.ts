// File imports end to end: staged upload → preview (detections + suggested mapping) → run in batches through
// ingestion, with progress pushed after each batch, cancellation between batches and bad rows reported by line.
import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/envelope';
import type { ColumnMapping, Delimiter, ImportPreview, ImportProgress, RowProblem } from '../../../shared/domain/fileImport';
import type { MentionInput } from '../../../shared/domain/mention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import { ImportFormatError } from './jsonRows';
import { detectPreset, suggestMapping } from './presets';
import { readTable, type ImportTable } from './readTable';
import { ImportSummary } from './importSummary';
import { localTimeZone, readDate } from './parseDate';
import { resolveMapping, rowToMention, type RowReading } from './rowToMention';
import type { UploadStaging } from './uploadStaging';
import { failure } from '../../platform/i18n/failure';
import type { IngestRejection } from '../mentions';

/** The slice of IngestService imports need. */
export interface MentionSink {
  ingest(
    workspaceId: WorkspaceId,
    sourceId: number,
    mentions: readonly MentionInput[],
  ): Promise<{
    inserted: number;
    duplicates: number;
    rejected: number;
    rejections: readonly IngestRejection[];
    /** Each valid item by batch index: the watches it matched and the tone we gave it. */
    matches: readonly { index: number; watchIds: readonly number[]; toneClass: string | null }[];
  }>;
}

export interface ImportServiceDeps {
  readonly staging: UploadStaging;
  readonly sink: MentionSink;
  readonly publish: (progress: ImportProgress) => void;
  readonly maxInflatedBytes: number;
  readonly batchSize?: number;
  /** The kind of a saved source, or undefined when there is none: files go only into file sources. */
  readonly sourceKind: (workspaceId: WorkspaceId, sourceId: number) => string | undefined;
}

export interface ReadChoices {
  readonly delimiter?: Delimiter;
  readonly headerLine?: number;
}

export interface RunRequest extends ReadChoices {
  readonly workspaceId: WorkspaceId;
  readonly uploadId: string;
  readonly sourceId: number;
  readonly mapping: ColumnMapping;
  readonly timeZone?: string;
}

const SAMPLE_ROWS = 20;
const MAX_LISTED_PROBLEMS = 500;
const MAX_KEPT_RUNS = 20;
/** Every unmatched row is kept for paging only for the latest runs: a 64 MB file can leave hundreds of thousands. */
const RUNS_WITH_UNMATCHED_ROWS = 3;
/** Rows looked at to tell whether a column holds dates without a zone. */
const ZONE_SNIFF_ROWS = 200;

interface Run {
  progress: ImportProgress;
  cancelled: boolean;
  /** Dropped once the run is no longer among the latest few. */
  summary?: ImportSummary;
}

export class ImportService {
  readonly #runs = new Map<string, Run>();
  #lastTable: { key: string; table: ImportTable } | undefined;

  constructor(private readonly deps: ImportServiceDeps) {}

  begin(fileName: string, sizeBytes: number): { uploadId: string } {
    return { uploadId: this.deps.staging.begin(fileName, sizeBytes) };
  }

  chunk(uploadId: string, offset: number, base64: string): { received: number } {
    return { received: this.deps.staging.append(uploadId, offset, Buffer.from(base64, 'base64')) };
  }

  async preview(uploadId: string, choices: ReadChoices = {}): Promise<ImportPreview> {
    const file = this.deps.staging.get(uploadId);
    const table = await this.#table(uploadId, choices);
    const preset = detectPreset(table.headers);
    return {
      uploadId,
      fileName: file.fileName,
      sizeBytes: file.bytes.byteLength,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headerLine: table.headerLine,
      headers: [...table.headers],
      zoneLessColumns: zoneLessColumns(table),
      preset: preset.id,
      mapping: suggestMapping(preset, table.headers),
      sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => ({
        line: row.line,
        cells: table.headers.map((_, i) => (row.cells[i] ?? '').slice(0, 500)),
      })),
      rowCount: table.rows.length,
    };
  }

  /** Starts the import and returns at once; progress and the final report arrive as `imports:progress` events. */
  async run(request: RunRequest): Promise<ImportProgress> {
    if (!request.mapping.publishedAt || (!request.mapping.text && !request.mapping.title)) {
      throw failure('INVALID_INPUT', 'imports.failures.mapDateAndText');
    }
    // Imported rows would otherwise pass for a feed's or a network's own posts in every count by source.
    const kind = this.deps.sourceKind(request.workspaceId, request.sourceId);
    if (kind === undefined) throw failure('NOT_FOUND', 'imports.failures.noSource', { id: request.sourceId });
    if (kind !== 'file') throw failure('INVALID_INPUT', 'imports.failures.notAFileSource');
    const file = this.deps.staging.get(request.uploadId);
    const table = await this.#table(request.uploadId, request);
    const missing = Object.values(request.mapping).filter((header) => header !== undefined && !table.headers.includes(header));
    if (missing.length > 0) throw failure('INVALID_INPUT', 'imports.failures.missingColumns', { count: missing.length, columns: missing.join(', ') });

    const progress: ImportProgress = {
      runId: randomUUID(),
      workspaceId: request.workspaceId,
      fileName: file.fileName,
      state: 'running',
      total: table.rows.length + table.unreadable.length,
      processed: table.unreadable.length,
      inserted: 0,
      duplicates: 0,
      bad: 0,
      problems: [],
      timeZone: request.timeZone ?? localTimeZone(),
      zoneLessRows: 0,
      watchMatches: [],
      unmatched: 0,
      unmatchedRows: [],
      sentiment: { compared: 0, agreed: 0 },
    };
    const run: Run = { progress, cancelled: false, summary: new ImportSummary() };
    this.#remember(run);
    this.#note(run, table.unreadable, table.unreadable.length);
    void this.#execute(run, table, request, { timeZone: progress.timeZone });
    return { ...progress, problems: [...progress.problems] };
  }

  cancel(runId: string): ImportProgress {
    const run = this.#runs.get(runId);
    if (!run) throw failure('NOT_FOUND', 'imports.failures.noImport');
    run.cancelled = true;
    return run.progress;
  }

  /** The rows no watch took, a page at a time after a file line (keyset), for every row of a recent run. */
  unmatched(runId: string, afterLine: number, limit: number): { rows: { line: number; excerpt: string }[]; nextAfterLine: number | null } {
    const run = this.#runs.get(runId);
    if (!run) throw failure('NOT_FOUND', 'imports.failures.noImport');
    if (!run.summary) throw failure('NOT_FOUND', 'imports.failures.unmatchedNotKept', { count: RUNS_WITH_UNMATCHED_ROWS });
    return run.summary.unmatchedAfter(afterLine, limit);
  }

  status(runId: string): ImportProgress {
    const run = this.#runs.get(runId);
    if (!run) throw failure('NOT_FOUND', 'imports.failures.noImport');
    return run.progress;
  }

  async #execute(run: Run, table: ImportTable, request: RunRequest, reading: RowReading): Promise<void> {
    const columns = resolveMapping(request.mapping, table.headers);
    const batchSize = this.deps.batchSize ?? 500;
    const seen = new Set<string>();
    const summary = run.summary ?? new ImportSummary();
    try {
      for (let start = 0; start < table.rows.length; start += batchSize) {
        // Let calls, events and other sources run between batches: an import never freezes the app.
        await new Promise((resolve) => setImmediate(resolve));
        if (run.cancelled) {
          this.#finish(run, 'cancelled');
          return;
        }
        const rows = table.rows.slice(start, start + batchSize);
        const mentions: MentionInput[] = [];
        const lines: number[] = [];
        const problems: RowProblem[] = [];
        let repeated = 0;
        let zoneLess = 0;
        for (const row of rows) {
          const outcome = rowToMention(row.line, row.cells, columns, reading);
          if (!outcome.ok) problems.push(outcome.problem);
          else if (seen.has(outcome.mention.externalId)) repeated++;
          else {
            seen.add(outcome.mention.externalId);
            mentions.push(outcome.mention);
            lines.push(row.line);
            if (outcome.zoneLess) zoneLess++;
          }
        }
        const result = mentions.length > 0 ? await this.deps.sink.ingest(request.workspaceId, request.sourceId, mentions) : undefined;
        for (const match of result?.matches ?? []) summary.add(mentions[match.index]!, lines[match.index]!, match.watchIds, match.toneClass);
        for (const rejection of result?.rejections ?? []) {
          problems.push({
            line: lines[rejection.index] ?? 1,
            code: 'rejected',
            detail: rejection.reason.slice(0, 300),
            wording: rejection.wording,
            ...(rejection.field ? { field: rejection.field.slice(0, 100) } : {}),
          });
        }
        problems.sort((a, b) => a.line - b.line);
        run.progress = {
          ...run.progress,
          processed: run.progress.processed + rows.length,
          inserted: run.progress.inserted + (result?.inserted ?? 0),
          duplicates: run.progress.duplicates + (result?.duplicates ?? 0) + repeated,
          zoneLessRows: run.progress.zoneLessRows + zoneLess,
          ...summary.figures(),
        };
        this.#note(run, problems, problems.length);
        this.deps.publish(run.progress);
      }
      this.#finish(run, 'done');
    } catch (error) {
      const stopped = error instanceof AppFailure ? error : failure('INTERNAL', 'imports.failures.stopped', { detail: (error as Error).message });
      this.#finish(run, 'failed', error instanceof ImportFormatError ? { error: error.message } : { error: stopped.message, errorWording: stopped.wording });
    } finally {
      // A 60 MB export and its parsed rows are not kept once imported: picking the file again is cheap.
      this.deps.staging.discard(request.uploadId);
      if (this.#lastTable?.key.startsWith(`${request.uploadId}|`)) this.#lastTable = undefined;
    }
  }

  #note(run: { progress: ImportProgress }, problems: readonly RowProblem[], count: number): void {
    const room = MAX_LISTED_PROBLEMS - run.progress.problems.length;
    run.progress = {
      ...run.progress,
      bad: run.progress.bad + count,
      problems: room > 0 ? [...run.progress.problems, ...problems.slice(0, room)] : run.progress.problems,
    };
  }

  #finish(run: { progress: ImportProgress }, state: ImportProgress['state'], error?: Pick<ImportProgress, 'error' | 'errorWording'>): void {
    run.progress = { ...run.progress, state, ...error };
    this.deps.publish(run.progress);
  }

  #remember(run: Run): void {
    this.#runs.set(run.progress.runId, run);
    while (this.#runs.size > MAX_KEPT_RUNS) this.#runs.delete(this.#runs.keys().next().value!);
    [...this.#runs.values()].slice(0, -RUNS_WITH_UNMATCHED_ROWS).forEach((older) => (older.summary = undefined));
  }

  async #table(uploadId: string, choices: ReadChoices): Promise<ImportTable> {
    const key = `${uploadId}|${choices.delimiter ?? ''}|${choices.headerLine ?? ''}`;
    if (this.#lastTable?.key === key) return this.#lastTable.table;
    const file = this.deps.staging.get(uploadId);
    try {
      const table = await readTable(file.fileName, file.bytes, { ...choices, maxInflatedBytes: this.deps.maxInflatedBytes });
      this.#lastTable = { key, table };
      return table;
    } catch (error) {
      if (error instanceof ImportFormatError) throw new AppFailure('INVALID_INPUT', error.message);
      throw error;
    }
  }
}

/** Columns whose readable values are mostly wall-clock dates with no zone, judged on the first rows. */
function zoneLessColumns(table: ImportTable): string[] {
  const rows = table.rows.slice(0, ZONE_SNIFF_ROWS);
  return table.headers.filter((_, column) => {
    let dates = 0;
    let wallClock = 0;
    for (const row of rows) {
      const read = readDate(row.cells[column] ?? '', undefined, 'UTC');
      if (!read) continue;
      dates++;
      if (!read.zoned) wallClock++;
    }
    return dates > 0 && dates >= rows.length / 2 && wallClock > 0;
  });
}
