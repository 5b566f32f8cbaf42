// The crisis log (main courante): append-only, chained with keyed links and anchored outside the database,
// with recorded verification and pin changes.
import { randomUUID } from 'node:crypto';
import { wordSystemEntry } from '../../../shared/crisisLog/wordSystemEntry';
import {
  logFilterSchema,
  newLogEntrySchema,
  VERIFICATION_MOVES,
  type IncidentId,
  type LogChange,
  type LogEntry,
  type LogFilter,
  type LogIntegrity,
  type NewLogEntry,
  type SystemData,
  type VerificationState,
} from '../../../shared/domain/crisisLog';
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import { silentLogger, type Logger } from '../../platform/logger';
import { CrisisLogRepository, type EntryRow, type OriginRow } from './crisisLogRepository';
import { SharedLog } from './sharedLog';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace, WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { syncCommitted } from '../../platform/db/maintenance';
import { link, type StoredRecord, type Unchained } from './chainHash';
import { readAnchor, writeAnchor } from './logAnchor';
import { logKeysFrom } from './logKeys';
import { verifyChain } from './verifyChain';
import { toFtsQuery } from './ftsQuery';
import { failure } from '../../platform/i18n/failure';

export interface LogActor {
  readonly author: string;
  readonly authorRole: string | null;
}

/** What other features record automatically (alert raised, role handed over, statement published…). */
export interface SystemEntry {
  readonly incidentId: IncidentId | null;
  /** Stable code the UI translates, e.g. `incident.opened`; `data` holds its parameters. */
  readonly code: string;
  /**
   * Wording for a code the system-log catalogue does not know. Known codes are worded from the catalogue in
   * the workspace's report language, the text kept in the record itself (exports, audits read it).
   */
  readonly body?: string;
  readonly data?: SystemData;
  readonly occurredAt?: string;
}

export const SYSTEM_AUTHOR = 'Tocsin';

/**
 * How long an appended entry may wait for the anchor to name it. Writing an anchor takes three fsyncs (the database's
 * WAL, the file, its folder) on the main thread: once per turn of the event loop, a cell's steady flow of entries
 * kept the loop blocked on the disk and held back the sync messages behind it.
 */
const ANCHOR_WITHIN_MS = 200;

/** A system entry as stored: worded from the catalogue in `language` when its code is known. */
export function systemRecord(id: string, entry: SystemEntry, now: string, language: Language): Unchained {
  return {
    id,
    record: 'entry',
    incidentId: entry.incidentId,
    kind: 'system',
    occurredAt: entry.occurredAt ?? now,
    enteredAt: now,
    author: SYSTEM_AUTHOR,
    authorRole: null,
    body: wordSystemEntry(entry.code, entry.data ?? null, language) ?? entry.body ?? entry.code,
    source: null,
    verification: 'verified',
    pinned: 0,
    refId: null,
    systemCode: entry.code,
    dataJson: entry.data ? JSON.stringify(entry.data) : null,
  };
}

export class CrisisLogService {
  readonly #repo = perWorkspace((ws) => new CrisisLogRepository(ws.db));
  readonly #keys = perWorkspace((ws) => logKeysFrom(this.store.secret(ws.id), ws.id));
  /** Workspaces appended to since their anchor was last written. */
  readonly #unanchored = new Set<WorkspaceId>();
  #anchorScheduled = false;
  /** The log as the cell shares it, once the workspace's cell session attaches it. */
  readonly shared: SharedLog;

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    /** The workspace's report language, in which system entries are stored. */
    private readonly language: (workspaceId: WorkspaceId) => Language = () => 'en',
    /** Told when an anchor could not be written after appends (it is tried again at the next one). */
    private readonly onAnchorError: (error: unknown) => void = () => {},
    logger: Pick<Logger, 'warn'> = silentLogger,
  ) {
    this.shared = new SharedLog(
      { repository: (id) => this.#repoOf(id), receive: (id, entries) => this.#receive(id, entries), logger },
      () => this.clock.now().getTime(),
    );
  }

  append(workspaceId: WorkspaceId, input: NewLogEntry): LogEntry {
    const entry = newLogEntrySchema.parse(input);
    const repo = this.#repoOf(workspaceId);
    const now = this.clock.now().toISOString();
    const record: Unchained = {
      id: randomUUID(),
      record: 'entry',
      incidentId: entry.incidentId,
      kind: entry.kind,
      occurredAt: entry.occurredAt ?? now,
      enteredAt: now,
      author: entry.author,
      authorRole: entry.authorRole,
      body: entry.body,
      source: entry.source,
      verification: entry.verification,
      pinned: entry.pinned ? 1 : 0,
      refId: entry.correctsId,
      systemCode: null,
      dataJson: null,
    };
    const shared = repo.atomically(() => {
      if (entry.correctsId !== null) {
        const corrected = repo.entry(entry.correctsId);
        if (!corrected) throw failure('NOT_FOUND', 'incidents.logFailures.noEntryToCorrect');
        if (corrected.incidentId !== entry.incidentId) {
          throw failure('INVALID_INPUT', 'incidents.logFailures.correctionOtherIncident');
        }
      }
      this.#chain(workspaceId, repo, record);
      return this.shared.sign(workspaceId, repo, record);
    });
    if (shared) this.shared.publish(workspaceId, shared);
    return this.#changed(workspaceId, repo, record.id);
  }

  /** Records what the application did or saw; system entries are verified by construction. */
  system(workspaceId: WorkspaceId, entry: SystemEntry): LogEntry {
    const repo = this.#repoOf(workspaceId);
    const now = this.clock.now().toISOString();
    const id = randomUUID();
    const record = systemRecord(id, entry, now, this.language(workspaceId));
    repo.atomically(() => this.#chain(workspaceId, repo, record));
    return this.#changed(workspaceId, repo, id);
  }

  setVerification(workspaceId: WorkspaceId, entryId: string, to: VerificationState, actor: LogActor): LogEntry {
    const repo = this.#repoOf(workspaceId);
    repo.atomically(() => {
      const entry = this.#existing(repo, entryId);
      const from = entry.currentVerification as VerificationState;
      if (!VERIFICATION_MOVES[from].includes(to)) {
        throw failure('CONFLICT', 'incidents.logFailures.verificationMove', { from, to });
      }
      this.#change(workspaceId, repo, entry, actor, { verification: to, pinned: 0, record: 'verification' });
    });
    return this.#changed(workspaceId, repo, entryId);
  }

  setPinned(workspaceId: WorkspaceId, entryId: string, pinned: boolean, actor: LogActor): LogEntry {
    const repo = this.#repoOf(workspaceId);
    repo.atomically(() => {
      const entry = this.#existing(repo, entryId);
      if (entry.currentPinned === (pinned ? 1 : 0)) return;
      this.#change(workspaceId, repo, entry, actor, { verification: null, pinned: pinned ? 1 : 0, record: 'pin' });
    });
    return this.#changed(workspaceId, repo, entryId);
  }

  list(workspaceId: WorkspaceId, filter: LogFilter): LogEntry[] {
    const f = logFilterSchema.parse(filter);
    const repo = this.#repoOf(workspaceId);
    const match = f.text ? toFtsQuery(f.text) : undefined;
    return withHistory(repo, repo.entries({ ...f, match }));
  }

  /** Every entry of an incident, oldest first: reports and exports carry the whole log, not a screenful. */
  listAll(workspaceId: WorkspaceId, incidentId: string): LogEntry[] {
    const repo = this.#repoOf(workspaceId);
    // LIMIT -1 is SQLite's "no limit".
    return withHistory(repo, repo.entries({ incidentId, limit: -1 })).sort((x, y) => x.seq - y.seq);
  }

  /** Walks the whole chain, checks its head against the anchor, and names the first thing that does not hold. */
  verify(workspaceId: WorkspaceId): LogIntegrity {
    this.flushAnchors();
    const ws = this.store.get(workspaceId);
    const repo = this.#repo(ws);
    const keys = this.#keys(ws);
    const anchor = readAnchor(this.store.anchorPath(workspaceId), keys.anchor, workspaceId);
    const integrity = verifyChain({ records: () => repo.walk(), seqOfHash: (hash) => repo.seqOfHash(hash) }, keys.chain, anchor);
    const authorBreak = integrity.ok ? this.shared.authorChainBreak(workspaceId) : undefined;
    if (!authorBreak) return integrity;
    const broken = repo.entry(authorBreak.entryId);
    return { ok: false, checked: integrity.checked, headHash: null, firstBroken: { seq: broken?.seq ?? 0, id: authorBreak.entryId, reason: 'author_chain_broken' } };
  }

  /** Entries received from the cell, appended to this laptop's chain with their origins in one transaction. */
  #receive(workspaceId: WorkspaceId, entries: readonly { record: Unchained; origin: OriginRow }[]): void {
    const repo = this.#repoOf(workspaceId);
    repo.atomically(() => {
      for (const { record, origin } of entries) {
        this.#chain(workspaceId, repo, record);
        repo.insertOrigin(origin);
      }
    });
    this.#scheduleAnchor(workspaceId);
    for (const incidentId of new Set(entries.map((e) => e.record.incidentId))) this.events.emit('crisisLog:changed', { workspaceId, incidentId });
  }

  /** Links records under this workspace's chain key, e.g. an imported archive's log (see importArchive). */
  linker(workspaceId: WorkspaceId): (head: { seq: number; hash: string } | undefined, record: Unchained) => StoredRecord {
    const key = this.#keys(this.store.get(workspaceId)).chain;
    return (head, record) => link(key, head, record);
  }

  #repoOf(workspaceId: WorkspaceId): CrisisLogRepository {
    return this.#repo(this.store.get(workspaceId));
  }

  #existing(repo: CrisisLogRepository, entryId: string): EntryRow {
    const entry = repo.entry(entryId);
    if (!entry) throw failure('NOT_FOUND', 'incidents.logFailures.noEntry');
    return entry;
  }

  #change(
    workspaceId: WorkspaceId,
    repo: CrisisLogRepository,
    entry: EntryRow,
    actor: LogActor,
    change: { record: 'verification' | 'pin'; verification: VerificationState | null; pinned: number },
  ): void {
    const now = this.clock.now().toISOString();
    this.#chain(workspaceId, repo, {
      id: randomUUID(),
      record: change.record,
      incidentId: entry.incidentId,
      kind: null,
      occurredAt: now,
      enteredAt: now,
      author: actor.author,
      authorRole: actor.authorRole,
      body: '',
      source: null,
      verification: change.verification,
      pinned: change.pinned,
      refId: entry.id,
      systemCode: null,
      dataJson: null,
    });
  }

  /** Must run inside `repo.atomically`: reads the head and appends the next link. */
  #chain(workspaceId: WorkspaceId, repo: CrisisLogRepository, record: Unchained): void {
    repo.insert(link(this.#keys(this.store.get(workspaceId)).chain, repo.head(), record));
  }

  /**
   * Writes the anchors of the logs appended to since the last call. An append schedules it at most
   * `ANCHOR_WITHIN_MS` later, so the entries of that time cost one anchor write; closing, backing up and verifying
   * call it directly.
   */
  flushAnchors(): void {
    for (const id of [...this.#unanchored]) {
      const ws = this.store.get(id);
      // Inside a caller's transaction the append may still roll back: the anchor waits for the next flush.
      if (ws.db.inTransaction) continue;
      this.#advanceAnchor(ws, this.#repo(ws));
      this.#unanchored.delete(id);
    }
  }

  #scheduleAnchor(workspaceId: WorkspaceId): void {
    this.#unanchored.add(workspaceId);
    if (this.#anchorScheduled) return;
    this.#anchorScheduled = true;
    setTimeout(() => {
      this.#anchorScheduled = false;
      try {
        this.flushAnchors();
      } catch (error) {
        this.onAnchorError(error);
      }
    }, ANCHOR_WITHIN_MS).unref();
  }

  /**
   * Moves the anchor to the head, but only along the chain it anchors: when the log no longer holds the
   * anchored record (cut, or swapped for another copy), the anchor stays where it is, so verify keeps
   * reporting it; a missing or forged anchor file is left for verify to report too.
   */
  #advanceAnchor(ws: OpenWorkspace, repo: CrisisLogRepository): void {
    const keys = this.#keys(ws);
    const path = this.store.anchorPath(ws.id);
    const current = readAnchor(path, keys.anchor, ws.id);
    if (current.state !== 'ok') return;
    const { anchor } = current;
    if (anchor.seq > 0 && repo.hashAt(anchor.seq) !== anchor.hash) return;
    const head = repo.head();
    if (!head || head.seq <= anchor.seq) return;
    // After a power cut the anchor must not name records the database lost.
    syncCommitted(ws.db);
    writeAnchor(path, keys.anchor, ws.id, head);
  }

  #changed(workspaceId: WorkspaceId, repo: CrisisLogRepository, entryId: string): LogEntry {
    this.#scheduleAnchor(workspaceId);
    const [entry] = withHistory(repo, [this.#existing(repo, entryId)]);
    if (!entry) throw failure('NOT_FOUND', 'incidents.logFailures.noEntry');
    this.events.emit('crisisLog:changed', { workspaceId, incidentId: entry.incidentId });
    return entry;
  }
}

function withHistory(repo: CrisisLogRepository, rows: EntryRow[]): LogEntry[] {
  const changes = new Map<string, LogChange[]>();
  for (const c of repo.changesOf(rows.map((r) => r.id))) {
    const key = c.refId ?? '';
    const list = changes.get(key) ?? [];
    list.push({
      kind: c.record === 'pin' ? 'pin' : 'verification',
      at: c.enteredAt,
      author: c.author,
      authorRole: c.authorRole,
      verification: c.record === 'verification' ? (c.verification as VerificationState) : null,
      pinned: c.record === 'pin' ? c.pinned === 1 : null,
    });
    changes.set(key, list);
  }
  return rows.map((r) => toEntry(r, changes.get(r.id) ?? []));
}

function toEntry(r: EntryRow, history: LogChange[]): LogEntry {
  return {
    id: r.id,
    seq: r.seq,
    incidentId: r.incidentId,
    kind: r.kind as LogEntry['kind'],
    occurredAt: r.occurredAt,
    enteredAt: r.enteredAt,
    author: r.author,
    authorRole: r.authorRole,
    body: r.body,
    source: r.source,
    verification: r.currentVerification as VerificationState,
    pinned: r.currentPinned === 1,
    correctsId: r.refId,
    correctedById: r.correctedById,
    systemCode: r.systemCode,
    data: r.dataJson === null ? null : (JSON.parse(r.dataJson) as SystemData),
    history,
    hash: r.hash,
    origin:
      r.originDevice === null
        ? null
        : { deviceId: r.originDevice, memberName: r.originMember, hlc: r.originHlc ?? '', genuine: r.originGenuine === 1 },
  };
}
