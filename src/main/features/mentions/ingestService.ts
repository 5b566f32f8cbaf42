// The one way mentions enter a workspace: validate, sanitise, canonicalise, enrich, match watches, dedupe,
// store with FTS and rollups in one transaction, then tell listeners. Returns only after the commit.
import { mentionInputSchema, type MentionInput, type SourceKind } from '../../../shared/domain/mention';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { MentionWriteRepository, type MentionRow } from './mentionWriteRepository';
import { minuteOf, RollupDeltas } from './rollups/rollupDeltas';
import { RollupRepository } from './rollups/rollupRepository';
import { SourceRepository } from '../sources';
import { WatchRepository } from '../watches';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace } from '../../platform/workspaces/workspaceStore';
import { canonicalUrl, displayUrl } from './canonicalUrl';
import type { MentionChangeNotifier } from './changeNotifier';
import type { MentionEnricher } from './enricher';
import { toPlainText } from '../../platform/text/plainText';
import { WatchMatcher } from '../watches';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { failure, inEnglish } from '../../platform/i18n/failure';
import { wordedIssues } from '../../platform/i18n/zodIssues';
import type { Wording } from '../../../shared/contract/envelope';

/**
 * Why an item was refused: its catalogue key and values, so each screen words it in its reader's language; the
 * field at fault when a rule of the mention names one; the reason in English for logs and plain-text callers.
 */
export interface IngestRejection {
  readonly index: number;
  readonly reason: string;
  readonly wording: Wording;
  readonly field?: string;
}

export interface IngestResult {
  readonly inserted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Why each rejected item was refused, by its index in the batch. */
  readonly rejections: readonly IngestRejection[];
  readonly mentionIds: readonly number[];
  /** Every valid item of the batch (new or already stored), by its index: the watches it matched and our tone. */
  readonly matches: readonly { readonly index: number; readonly watchIds: readonly number[]; readonly toneClass: string | null }[];
}

export interface CommittedBatch {
  readonly workspaceId: WorkspaceId;
  readonly sourceId: number;
  readonly mentionIds: readonly number[];
  /** Watches that received at least one new mention. */
  readonly watchIds: readonly number[];
}

export interface BulkIngestResult {
  readonly inserted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Watches that received at least one new mention (their rollups were recounted). */
  readonly watchIds: readonly number[];
}

export type CommittedListener = (batch: CommittedBatch) => void;

export interface IngestDeps {
  readonly workspaces: WorkspaceLookup;
  readonly enricher: MentionEnricher;
  readonly clock: Clock;
  readonly notifier?: MentionChangeNotifier;
  readonly onListenerError?: (error: unknown) => void;
}

export class IngestService {
  readonly #writes = perWorkspace((ws) => new MentionWriteRepository(ws.db));
  readonly #rollups = perWorkspace((ws) => new RollupRepository(ws.db));
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  readonly #watches = perWorkspace((ws) => new WatchRepository(ws.db));
  /** Compiled watches per workspace, rebuilt when a watch changes. */
  readonly #matchers = new WeakMap<OpenWorkspace, WatchMatcher>();
  readonly #listeners = new Set<CommittedListener>();

  constructor(private readonly deps: IngestDeps) {}

  /** Called after any watch edit so the next batch matches against the new keywords. */
  watchesChanged(workspaceId: WorkspaceId): void {
    this.#matchers.delete(this.deps.workspaces.get(workspaceId));
  }

  /** Listener runs after each committed batch that inserted something; returns an unsubscribe function. */
  onCommitted(listener: CommittedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Takes back everything one source brought (simulated data only: the demo), recounting the charts of the
   * watches that had matched it. Returns how many mentions went.
   */
  removeSource(workspaceId: WorkspaceId, sourceId: number): number {
    const ws = this.deps.workspaces.get(workspaceId);
    const writes = this.#writes(ws);
    const rollups = this.#rollups(ws);
    const removed = writes.inTransaction(() => {
      const result = writes.removeSource(sourceId);
      const fromMinute = result.firstPublishedAt ? Math.floor(Date.parse(result.firstPublishedAt) / 60_000) : 0;
      for (const watchId of result.watchIds) rollups.rebuild(watchId, fromMinute);
      return result.removed;
    });
    if (removed > 0) this.deps.notifier?.notify(workspaceId, sourceId);
    return removed;
  }

  async ingest(workspaceId: WorkspaceId, sourceId: number, mentions: readonly unknown[]): Promise<IngestResult> {
    return this.ingestNow(workspaceId, sourceId, mentions);
  }

  /** Synchronous form of `ingest`, for callers already inside a synchronous step. */
  ingestNow(workspaceId: WorkspaceId, sourceId: number, mentions: readonly unknown[]): IngestResult {
    const ws = this.deps.workspaces.get(workspaceId);
    const writes = this.#writes(ws);
    const rollups = this.#rollups(ws);
    const { rows, rejections, matches } = this.#prepare(ws, workspaceId, sourceId, mentions);

    const mentionIds: number[] = [];
    const touchedWatches = new Set<number>();
    writes.inTransaction(() => {
      const deltas = new RollupDeltas();
      for (const { row, watchIds } of rows) {
        const id = writes.insert(row, watchIds);
        if (id === null) continue;
        mentionIds.push(id);
        for (const watchId of watchIds) {
          touchedWatches.add(watchId);
          deltas.add(watchId, row);
        }
      }
      rollups.applyDeltas(deltas.values());
    });

    const result: IngestResult = {
      inserted: mentionIds.length,
      duplicates: rows.length - mentionIds.length,
      rejected: rejections.length,
      rejections,
      mentionIds,
      matches,
    };
    if (mentionIds.length > 0) this.#announce({ workspaceId, sourceId, mentionIds, watchIds: [...touchedWatches] });
    return result;
  }

  /**
   * Stores many batches of mentions (an import of history, a benchmark's year) as `ingestNow` would store each
   * mention, one transaction per batch, without the per-batch rollup upserts: the rollups of every watch that
   * received one are recounted once at the end from its earliest new mention. Committed-batch listeners (live
   * detection, response-queue triage) are not called: they judge live flow, not a bulk of history; stream
   * screens are told once at the end. Until the end, the charts do not count the batches already stored.
   */
  ingestBulk(workspaceId: WorkspaceId, sourceId: number, batches: Iterable<readonly unknown[]>): BulkIngestResult {
    const ws = this.deps.workspaces.get(workspaceId);
    const writes = this.#writes(ws);
    const firstMinute = new Map<number, number>();
    let inserted = 0;
    let duplicates = 0;
    let rejected = 0;
    for (const batch of batches) {
      const { rows, rejections } = this.#prepare(ws, workspaceId, sourceId, batch);
      rejected += rejections.length;
      const ids = writes.insertMany(rows);
      ids.forEach((id, k) => {
        if (id === null) {
          duplicates += 1;
          return;
        }
        inserted += 1;
        const { row, watchIds } = rows[k]!;
        const minute = minuteOf(row.publishedAt);
        for (const watchId of watchIds) firstMinute.set(watchId, Math.min(minute, firstMinute.get(watchId) ?? minute));
      });
    }
    const rollups = this.#rollups(ws);
    for (const [watchId, minute] of firstMinute) rollups.rebuild(watchId, minute);
    if (inserted > 0) this.deps.notifier?.notify(workspaceId, sourceId);
    return { inserted, duplicates, rejected, watchIds: [...firstMinute.keys()] };
  }

  #prepare(ws: OpenWorkspace, workspaceId: WorkspaceId, sourceId: number, mentions: readonly unknown[]) {
    const source = this.#sources(ws).get(sourceId);
    if (!source) throw failure('NOT_FOUND', 'mentions.failures.noSourceInWorkspace', { id: sourceId, workspace: workspaceId });
    const matcher = this.#matcher(ws);
    const fetchedAt = this.deps.clock.now().toISOString();
    const rejections: IngestRejection[] = [];
    const rows: { row: MentionRow; watchIds: number[] }[] = [];
    const matches: IngestResult['matches'][number][] = [];
    mentions.forEach((candidate, index) => {
      const prepared = this.#toCandidateRow(candidate, workspaceId, sourceId, source.kind, fetchedAt, matcher);
      if ('wording' in prepared) rejections.push({ index, ...prepared });
      else {
        rows.push(prepared);
        matches.push({ index, watchIds: prepared.watchIds, toneClass: prepared.row.toneClass });
      }
    });
    return { rows, rejections, matches };
  }

  #matcher(ws: OpenWorkspace): WatchMatcher {
    let matcher = this.#matchers.get(ws);
    if (!matcher) {
      matcher = new WatchMatcher(this.#watches(ws).list());
      this.#matchers.set(ws, matcher);
    }
    return matcher;
  }

  #toCandidateRow(
    candidate: unknown,
    workspaceId: WorkspaceId,
    sourceId: number,
    sourceKind: SourceKind,
    fetchedAt: string,
    matcher: WatchMatcher,
  ): { row: MentionRow; watchIds: number[] } | Omit<IngestRejection, 'index'> {
    const parsed = mentionInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = wordedIssues(parsed.error)[0];
      if (!issue?.wording) return refusal('mentions.failures.invalidMention');
      return { reason: `${issue.path || 'mention'}: ${issue.message}`, wording: issue.wording, ...(issue.path ? { field: issue.path } : {}) };
    }
    const m: MentionInput = parsed.data;
    const text = toPlainText(m.text);
    const title = m.title === undefined ? null : toPlainText(m.title) || null;
    if (text.length === 0 && title === null) return refusal('mentions.failures.noTextLeft');
    const published = new Date(m.publishedAt);
    const enrichment = this.deps.enricher.enrich({ workspaceId, text, title: title ?? undefined, language: m.language });
    const watchIds = matcher.match({
      sourceId,
      language: enrichment.language,
      text,
      title: title ?? undefined,
      authorHandle: m.author.handle,
    });
    const row: MentionRow = {
      sourceId,
      sourceKind,
      externalId: m.externalId,
      canonicalUrl: canonicalUrl(m.url) ?? null,
      url: displayUrl(m.url) ?? null,
      authorHandle: m.author.handle ?? null,
      authorName: m.author.displayName ?? null,
      authorAudience: m.author.audience ?? null,
      authorKind: m.author.kind,
      sourceName: m.sourceName ?? null,
      title,
      text,
      raw: m.text,
      language: enrichment.language,
      publishedAt: published.toISOString(),
      fetchedAt,
      likes: m.engagement.likes ?? null,
      shares: m.engagement.shares ?? null,
      replies: m.engagement.replies ?? null,
      replyToExternalId: m.replyToExternalId ?? null,
      toneClass: enrichment.toneClass,
      toneScore: enrichment.toneScore,
      agencyTone: m.agencyTone ?? null,
      authorVerified: m.author.verified ?? null,
      hashtags: m.hashtags?.length ? JSON.stringify(m.hashtags) : null,
    };
    return { row, watchIds };
  }

  #announce(batch: CommittedBatch): void {
    for (const listener of this.#listeners) {
      // A failing listener (detection, exercise) must not undo or hide an ingestion that is already committed.
      try {
        listener(batch);
      } catch (error) {
        this.deps.onListenerError?.(error);
      }
    }
    this.deps.notifier?.notify(batch.workspaceId, batch.sourceId);
  }
}

const refusal = (key: string): Omit<IngestRejection, 'index'> => ({ reason: inEnglish(key), wording: { key } });
