// Sources and mentions across the cell through automerge-repo. Each laptop writes only its own document: the sources
// it created (settings, never secrets), the sources it took over, and the mentions it ingested, in compressed
// batches. Every laptop makes a local copy of each member's source, so the stream names it, and runs every
// member's batches through its own ingestion (the dedupe keys make a batch read twice, or a mention sent by two
// laptops, change nothing), so the stream, the dashboard and detection are the same everywhere. A source is polled
// by its owner only: its creator, until another laptop, having heard nothing of the owner for the failover time,
// takes it over by writing a claim with the next takeover number in its own document. A laptop hears of another
// through a direct link (automerge-repo's peers and messages) or a change of that laptop's own document. Not through
// ephemeral messages: automerge-repo passes them on under their first sender's id, which the mutual-TLS network
// rightly refuses from any other link.
import { randomUUID } from 'node:crypto';
import type { DocHandle, Patch } from '@automerge/automerge-repo';
import type { WorkspaceId } from '../../../../shared/domain/workspace';
import type { Clock } from '../../../platform/clock';
import type { EventBus } from '../../../platform/events/eventBus';
import type { Logger } from '../../../platform/logger';
import { followMemberDocuments, type MemberDocument, type SharedDomain, type SharedDomainContext } from '../../../platform/sync/sharedDomain';
import type { WorkspaceLookup } from '../../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../../platform/workspaces/perWorkspace';
import type { CommittedBatch } from '../../mentions';
import { SourceRepository, type SourceRecord } from '../sourceRepository';
import { CellSourcesRepository, type CellMention } from './cellSourcesRepository';
import {
  batchSchema,
  claimSchema,
  decodeMentions,
  encodeMentions,
  MAX_MENTIONS_PER_BATCH,
  ownerOf,
  sharedSourceSchema,
  type BatchRefusal,
  type Claim,
  type CellSourcesDocument,
  type SharedSource,
} from './cellSourceRecords';

const DOMAIN = 'sources';
/** Mentions ingested in a burst go out together: at most one change of this laptop's document this often. */
const FLUSH_MS = 100;
const READ_CHUNK = 1_000;

export interface CellSourcesTuning {
  /** How long the owner of a source may be unheard of before another laptop takes it over. */
  readonly failoverMs: number;
  /** How often a laptop looks at who is here and who owns what; a fifth of the failover time (30 s at most) if unset. */
  readonly checkMs?: number;
}

const DEFAULT_TUNING: CellSourcesTuning = { failoverMs: 10 * 60_000 };

export interface CellSourcesDeps {
  readonly workspaces: WorkspaceLookup;
  readonly ingest: {
    ingestNow(workspaceId: WorkspaceId, sourceId: number, mentions: readonly unknown[]): { inserted: number; rejected: number };
    onCommitted(listener: (batch: CommittedBatch) => void): () => void;
  };
  /** Sources whose schedule must follow a change of owner. */
  readonly refresh: (workspaceId: WorkspaceId, sourceId: number) => void;
  /** Whether a source kind is polled at all (a feed) rather than pushed or typed in. */
  readonly pollable: (kind: string) => boolean;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'warn'>;
  readonly tuning?: Partial<CellSourcesTuning>;
}

interface CellState {
  readonly context: SharedDomainContext;
  readonly own: DocHandle<CellSourcesDocument>;
  readonly followed: Map<string, MemberDocument<CellSourcesDocument>>;
  /** Batch keys taken in (or refused), per document URL. */
  readonly taken: Map<string, Set<string>>;
  /** When each laptop was last heard from (linked, or its document changed), on this laptop's clock. */
  readonly heard: Map<string, number>;
  readonly attachedAt: number;
  /** This laptop's mentions committed and not yet in its document. */
  readonly pending: number[];
  /** Member batches waiting to be ingested, one per turn of the event loop. */
  readonly queue: { url: string; key: string }[];
  readonly stop: (() => void)[];
  flush?: NodeJS.Timeout;
  draining: boolean;
  intakeSoon: boolean;
  /** Set while a member's batch is ingested: those mentions are the cell's already. */
  receiving: boolean;
  closed: boolean;
}

export class CellSources implements SharedDomain {
  readonly #cells = new Map<string, CellState>();
  readonly #tuning: CellSourcesTuning;
  readonly #cellRepos = perWorkspace((ws) => new CellSourcesRepository(ws.db));
  readonly #sourceRepos = perWorkspace((ws) => new SourceRepository(ws.db));

  constructor(private readonly deps: CellSourcesDeps) {
    this.#tuning = { ...DEFAULT_TUNING, ...deps.tuning };
  }

  /** Whether this laptop polls a source: outside a cell, or for a source the cell does not know yet, it does. */
  mayPoll(workspaceId: WorkspaceId, sourceId: number): boolean {
    return this.#repo(workspaceId).owned(sourceId) ?? true;
  }

  /** The source's cell-wide id; a source the cell does not know yet is shared first, once this laptop is in a cell. */
  uidOf(workspaceId: WorkspaceId, sourceId: number): string | undefined {
    const cell = this.#cells.get(workspaceId);
    if (this.#repo(workspaceId).uidOf(sourceId) === undefined && cell) this.#publishSources(cell);
    return this.#repo(workspaceId).uidOf(sourceId);
  }

  /** This laptop's copy of a cell-wide source; undefined until its definition has arrived. */
  sourceOf(workspaceId: WorkspaceId, uid: string): number | undefined {
    return this.#repo(workspaceId).sourceOf(uid);
  }

  async attach(context: SharedDomainContext): Promise<void> {
    const own = await context.ownDocument<CellSourcesDocument>(DOMAIN, () => ({ sources: {}, claims: {}, batches: {} }));
    const cell: CellState = {
      context,
      own,
      followed: new Map(),
      taken: new Map(),
      heard: new Map(),
      attachedAt: this.#now(),
      pending: [],
      queue: [],
      stop: [],
      draining: false,
      intakeSoon: false,
      receiving: false,
      closed: false,
    };
    this.#cells.set(context.workspaceId, cell);
    this.#publishSources(cell);
    this.#publishSince(cell);
    cell.stop.push(
      this.deps.ingest.onCommitted((batch) => {
        if (batch.workspaceId !== context.workspaceId || cell.receiving || cell.closed) return;
        cell.pending.push(...batch.mentionIds);
        cell.flush ??= setTimeout(() => this.#flush(cell), FLUSH_MS);
      }),
      this.deps.events.on('sources:changed', ({ workspaceId }) => {
        if (workspaceId === context.workspaceId) this.#publishSources(cell);
      }),
    );
    const timer = setInterval(() => this.#tick(cell), this.#beat());
    timer.unref();
    const heard = ({ senderId }: { senderId: string }): void => void cell.heard.set(senderId, this.#now());
    context.repo.networkSubsystem.on('message', heard);
    cell.stop.push(() => clearInterval(timer), () => context.repo.networkSubsystem.off('message', heard));
    const found = (handle: DocHandle<CellSourcesDocument>): void => {
      cell.taken.set(handle.url, new Set(this.#repo(context.workspaceId).takenBatches(handle.url)));
      this.#intakeSoon(cell);
    };
    const read = (_doc: CellSourcesDocument, handle: DocHandle<CellSourcesDocument>, deviceId: string, patches: readonly Patch[] | null): void => {
      if (patches && handle !== cell.own) cell.heard.set(deviceId, this.#now());
      this.#intakeSoon(cell);
    };
    followMemberDocuments(context, DOMAIN, { closed: () => cell.closed, found, read }, this.deps.logger, cell.followed);
  }

  detach(workspaceId: string): void {
    const cell = this.#cells.get(workspaceId);
    if (!cell) return;
    cell.closed = true;
    if (cell.flush) clearTimeout(cell.flush);
    for (const stop of cell.stop) stop();
    this.#cells.delete(workspaceId);
  }

  /** The laptops linked now are here; then the owners' failover. */
  #tick(cell: CellState): void {
    if (cell.closed) return;
    for (const peerId of cell.context.repo.peers) cell.heard.set(peerId, this.#now());
    this.#reconcile(cell);
  }

  /** Changes come in bursts while syncing: one intake per turn of the event loop reads them all. */
  #intakeSoon(cell: CellState): void {
    if (cell.intakeSoon || cell.closed) return;
    cell.intakeSoon = true;
    setImmediate(() => {
      cell.intakeSoon = false;
      if (cell.closed) return;
      try {
        this.#takeInSources(cell);
        this.#reconcile(cell);
        this.#queueBatches(cell);
      } catch (error) {
        this.deps.logger.warn('cell sources: intake failed', { workspaceId: cell.context.workspaceId, error: String(error) });
      }
    });
  }

  /** Every member's source definitions, each only from the document of the laptop that created it. */
  #definitions(cell: CellState): Map<string, SharedSource> {
    const out = new Map<string, SharedSource>();
    for (const [url, { deviceId, handle }] of cell.followed) {
      if (!handle?.isReady()) continue;
      for (const [uid, value] of Object.entries(handle.doc().sources ?? {})) {
        const parsed = sharedSourceSchema.safeParse(plain(value));
        if (!parsed.success || parsed.data.uid !== uid || parsed.data.device !== deviceId) {
          this.deps.logger.warn('cell sources: malformed source ignored', { url, uid });
          continue;
        }
        out.set(uid, parsed.data);
      }
    }
    return out;
  }

  /** A local copy of each member's source (settings only: a copy has no secrets), edits by its creator applied. */
  #takeInSources(cell: CellState): void {
    const { workspaceId, deviceId: me } = cell.context;
    const cells = this.#repo(workspaceId);
    const sources = this.#sources(workspaceId);
    const now = new Date(this.#now()).toISOString();
    let changed = false;
    for (const [uid, shared] of this.#definitions(cell)) {
      const sourceId = cells.sourceOf(uid);
      if (sourceId === undefined) {
        cells.inTransaction(() => {
          const id = sources.create({ kind: shared.kind, name: shared.name, config: shared.config, credentials: {}, intervalSeconds: shared.intervalSeconds }, now);
          cells.map(id, uid, false);
        });
        changed = true;
        continue;
      }
      const local = sources.get(sourceId);
      if (!local || shared.device === me || sameSettings(local, shared)) continue;
      sources.update(sourceId, { name: shared.name, config: shared.config, credentials: local.credentials, intervalSeconds: shared.intervalSeconds }, now);
      this.deps.refresh(workspaceId, sourceId);
      changed = true;
    }
    if (changed) this.deps.events.emit('sources:changed', { workspaceId });
  }

  /**
   * Sets who polls each source from the members' claims; takes over, with the next takeover number, each source whose
   * owner has not been heard of for the failover time (or was removed) and that this laptop can poll.
   */
  #reconcile(cell: CellState): void {
    const { workspaceId, deviceId: me } = cell.context;
    const repo = this.#repo(workspaceId);
    const sources = this.#sources(workspaceId);
    const definitions = this.#definitions(cell);
    const claims = this.#claims(cell);
    const taken: Record<string, Claim> = {};
    let changed = false;
    for (const { sourceId, uid, owned } of repo.mappings()) {
      const shared = definitions.get(uid);
      if (!shared) continue;
      const owner = ownerOf(shared, claims.get(uid) ?? []);
      let mine = owner.deviceId === me;
      if (!mine && this.#away(cell, owner.deviceId) && this.#canPoll(sources.get(sourceId), shared)) {
        taken[uid] = { epoch: owner.epoch + 1, at: new Date(this.#now()).toISOString() };
        mine = true;
      }
      if (mine === owned) continue;
      repo.setOwned(sourceId, mine);
      this.deps.refresh(workspaceId, sourceId);
      changed = true;
    }
    if (Object.keys(taken).length > 0) {
      cell.own.change((doc) => {
        for (const [uid, claim] of Object.entries(taken)) doc.claims[uid] = claim;
      });
    }
    if (changed) this.deps.events.emit('sources:changed', { workspaceId });
  }

  #claims(cell: CellState): Map<string, { deviceId: string; claim: Claim }[]> {
    const out = new Map<string, { deviceId: string; claim: Claim }[]>();
    for (const { deviceId, handle } of cell.followed.values()) {
      if (!handle?.isReady()) continue;
      for (const [uid, value] of Object.entries(handle.doc().claims ?? {})) {
        const parsed = claimSchema.safeParse(plain(value));
        if (!parsed.success) continue;
        out.set(uid, [...(out.get(uid) ?? []), { deviceId, claim: parsed.data }]);
      }
    }
    return out;
  }

  /**
   * Removed, or unheard of for the failover time (counted from this laptop's own start in the cell at the least).
   * Each laptop waits one more heartbeat per laptop ranked before it, so the first one's claim usually reaches the
   * others before they would make their own.
   */
  #away(cell: CellState, deviceId: string): boolean {
    const me = cell.context.deviceId;
    if (deviceId === me) return false;
    const others = cell.context.members().map((m) => m.deviceId).filter((id) => id !== deviceId).sort();
    if (others.length === cell.context.members().length) return true;
    const last = Math.max(cell.heard.get(deviceId) ?? 0, cell.attachedAt);
    return this.#now() - last > this.#tuning.failoverMs + Math.max(0, others.indexOf(me)) * this.#beat();
  }

  #beat(): number {
    return this.#tuning.checkMs ?? Math.max(50, Math.min(this.#tuning.failoverMs / 5, 30_000));
  }

  /** A feed this laptop holds every secret of; a pushed or typed source has nothing to poll. */
  #canPoll(local: SourceRecord | undefined, shared: SharedSource): boolean {
    return local !== undefined && !local.paused && this.deps.pollable(shared.kind) && shared.credentialKeys.every((key) => key in local.credentials);
  }

  /** This laptop's sources the cell does not know yet go into its document, with edits of those it created. */
  #publishSources(cell: CellState): void {
    if (cell.closed) return;
    const { workspaceId, deviceId: me } = cell.context;
    const cells = this.#repo(workspaceId);
    const published = cell.own.doc().sources ?? {};
    const out: SharedSource[] = [];
    for (const source of this.#sources(workspaceId).list()) {
      let uid = cells.uidOf(source.id);
      if (uid === undefined) {
        uid = randomUUID();
        cells.map(source.id, uid, true);
      } else if (published[uid] === undefined || sameSettings(source, plain(published[uid]) as SharedSource)) continue;
      const shared: SharedSource = {
        uid,
        kind: source.kind,
        name: source.name,
        config: source.config,
        intervalSeconds: source.intervalSeconds,
        credentialKeys: Object.keys(source.credentials).sort(),
        device: me,
      };
      out.push(shared);
    }
    if (out.length === 0) return;
    cell.own.change((doc) => {
      for (const shared of out) doc.sources[shared.uid] = structuredClone(shared);
    });
  }

  /** Mentions this laptop holds that the cell may not have: those after the mark (all of them on joining). */
  #publishSince(cell: CellState): void {
    const repo = this.#repo(cell.context.workspaceId);
    let after = repo.publishedThrough();
    for (;;) {
      const mentions = repo.mentionsAfter(after, READ_CHUNK * 10);
      if (mentions.length === 0) break;
      this.#publish(cell, mentions);
      after = mentions.at(-1)!.id;
    }
    repo.markPublishedThrough(after);
  }

  #flush(cell: CellState): void {
    cell.flush = undefined;
    if (cell.closed) return;
    const repo = this.#repo(cell.context.workspaceId);
    const ids = cell.pending.splice(0);
    for (let i = 0; i < ids.length; i += READ_CHUNK) this.#publish(cell, repo.mentions(ids.slice(i, i + READ_CHUNK)));
    // Everything up to the newest mention is now in the cell: sent here, or received from it.
    repo.markPublishedThrough(repo.lastMentionId());
  }

  /** One change of this laptop's document: a batch per source and per few thousand mentions. */
  #publish(cell: CellState, mentions: readonly CellMention[]): void {
    const repo = this.#repo(cell.context.workspaceId);
    const bySource = new Map<string, unknown[]>();
    for (const { sourceId, input } of mentions) {
      let uid = repo.uidOf(sourceId);
      if (uid === undefined) {
        this.#publishSources(cell);
        uid = repo.uidOf(sourceId);
      }
      if (uid === undefined) continue;
      bySource.set(uid, [...(bySource.get(uid) ?? []), input]);
    }
    if (bySource.size === 0) return;
    cell.own.change((doc) => {
      for (const [source, inputs] of bySource) {
        for (let i = 0; i < inputs.length; i += MAX_MENTIONS_PER_BATCH) {
          const chunk = inputs.slice(i, i + MAX_MENTIONS_PER_BATCH);
          doc.batches[randomUUID()] = { source, count: chunk.length, data: encodeMentions(chunk) };
        }
      }
    });
  }

  #queueBatches(cell: CellState): void {
    for (const [url, { handle }] of cell.followed) {
      if (!handle?.isReady() || handle === cell.own) continue;
      const taken = cell.taken.get(url) ?? new Set<string>();
      cell.taken.set(url, taken);
      for (const key of Object.keys(handle.doc().batches ?? {})) {
        if (taken.has(key) || cell.queue.some((q) => q.url === url && q.key === key)) continue;
        cell.queue.push({ url, key });
      }
    }
    this.#drain(cell);
  }

  /** Ingests the queued batches one per turn of the event loop, so syncing goes on while a catch-up is read. */
  #drain(cell: CellState): void {
    if (cell.draining || cell.closed) return;
    const next = cell.queue.shift();
    if (!next) return;
    cell.draining = true;
    setImmediate(() => {
      cell.draining = false;
      if (cell.closed) return;
      try {
        this.#ingestBatch(cell, next.url, next.key);
      } catch (error) {
        this.deps.logger.warn('cell sources: batch not taken in', { workspaceId: cell.context.workspaceId, batch: next.key, error: String(error) });
      }
      this.#drain(cell);
    });
  }

  #ingestBatch(cell: CellState, url: string, key: string): void {
    const { workspaceId } = cell.context;
    const handle = cell.followed.get(url)?.handle;
    const taken = cell.taken.get(url);
    if (!handle?.isReady() || !taken || taken.has(key)) return;
    const repo = this.#repo(workspaceId);
    const value = handle.doc().batches?.[key];
    const parsed = batchSchema.safeParse(value && { source: value.source, count: value.count, data: value.data });
    const mentions: unknown[] | BatchRefusal = parsed.success ? decodeMentions(parsed.data) : { refused: 'shape', detail: parsed.error.issues[0]?.message };
    if (!parsed.success || !Array.isArray(mentions)) {
      this.deps.logger.warn('cell sources: malformed mention batch refused', { workspaceId, url, batch: key, ...mentions });
      repo.markTaken(url, key);
      taken.add(key);
      return;
    }
    // A batch of a source whose definition has not arrived yet waits for it: the next change reads it again.
    const sourceId = repo.sourceOf(parsed.data.source);
    if (sourceId === undefined) return;
    cell.receiving = true;
    try {
      const result = this.deps.ingest.ingestNow(workspaceId, sourceId, mentions);
      if (result.rejected > 0) this.deps.logger.warn('cell sources: mentions of a batch refused', { workspaceId, batch: key, rejected: result.rejected });
    } finally {
      cell.receiving = false;
    }
    repo.markTaken(url, key);
    taken.add(key);
    if (cell.pending.length === 0 && !cell.flush) repo.markPublishedThrough(repo.lastMentionId());
  }

  #repo(workspaceId: WorkspaceId): CellSourcesRepository {
    return this.#cellRepos(this.deps.workspaces.get(workspaceId));
  }

  #sources(workspaceId: WorkspaceId): SourceRepository {
    return this.#sourceRepos(this.deps.workspaces.get(workspaceId));
  }

  #now(): number {
    return this.deps.clock.now().getTime();
  }
}

const sameSettings = (local: SourceRecord, shared: SharedSource): boolean =>
  local.kind === shared.kind && local.name === shared.name && local.intervalSeconds === shared.intervalSeconds && canonical(local.config) === canonical(shared.config);

/** Automerge hands a map's keys back sorted: settings compare with their keys in one order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );

/** Automerge hands out proxies; the schemas read a plain copy. */
const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
