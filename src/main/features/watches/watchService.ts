// Watches: validate, save, announce the change (`watches:changed`: ingestion matches the next batch against the new
// keywords, detection re-warms), and apply a new or edited watch to the mentions already stored (see WatchRematcher).
// In a cell every change also goes to the cell, and the cell's changes come back through the same path.
import { randomUUID } from 'node:crypto';
import { watchInputSchema, type Watch, type WatchInput } from '../../../shared/domain/watch';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import { failure, issue } from '../../platform/i18n/failure';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { SourceRepository } from '../sources';
import { WatchRepository } from './watchRepository';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { WatchRematcher } from './watchRematcher';
import type { Audit } from '../crisisLog';
import { CellWatchRepository, type WatchChangeRow } from './cellWatchRepository';
import { sharedWatchSchema } from './sharedWatches/watchChange';
import { SharedWatches } from './sharedWatches/sharedWatches';

/** Which source is which across the cell: each laptop numbers its own, the cell names them by id. */
export interface SourceUids {
  uidOf(workspaceId: WorkspaceId, sourceId: number): string | undefined;
  sourceOf(workspaceId: WorkspaceId, uid: string): number | undefined;
}

export class WatchService {
  readonly #watches = perWorkspace((ws) => new WatchRepository(ws.db));
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  readonly #cellWatches = perWorkspace((ws) => new CellWatchRepository(ws.db));
  readonly #rematcher: WatchRematcher;
  readonly #stopListening: () => void;
  /** The watches of a workspace in a cell are the cell's: every laptop's changes, the last by clock shown. */
  readonly shared: SharedWatches;

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: Audit,
    private readonly sourceUids?: SourceUids,
  ) {
    this.#rematcher = new WatchRematcher({
      workspaces,
      logger,
      onRematched: (workspaceId) => this.events.emit('watches:changed', { workspaceId }),
    });
    this.shared = new SharedWatches(
      {
        changes: (workspaceId) => this.#cells(workspaceId),
        publishAll: (workspaceId) => this.#publishAll(workspaceId),
        takeIn: (workspaceId, rows) => {
          const cells = this.#cells(workspaceId);
          cells.inTransaction(() => rows.forEach((row) => cells.insert(row)));
          this.#show(workspaceId, [...new Set(rows.map((row) => row.uid))]);
        },
      },
      () => this.clock.now().getTime(),
      logger,
    );
    // A watch limited to a source the cell had not sent yet waits for it; one made before its source was shared goes now.
    this.#stopListening = events.on('sources:changed', ({ workspaceId }) => {
      if (!this.shared.attached(workspaceId)) return;
      this.#publishAll(workspaceId);
      this.#show(workspaceId, this.#cells(workspaceId).uids());
    });
  }

  /** Re-matches of stored mentions still running have finished. */
  settled(): Promise<void> {
    return this.#rematcher.settled();
  }

  stop(): void {
    this.#stopListening();
    this.#rematcher.stop();
  }

  list(workspaceId: WorkspaceId): Watch[] {
    return this.#repo(workspaceId).list();
  }

  create(workspaceId: WorkspaceId, input: WatchInput): Watch {
    const values = this.#validate(workspaceId, input);
    const id = this.#repo(workspaceId).create(values, this.clock.now().toISOString());
    this.#share(workspaceId, id);
    this.#changed(workspaceId);
    void this.#rematcher.request(workspaceId, id);
    return this.#get(workspaceId, id);
  }

  update(workspaceId: WorkspaceId, id: number, input: WatchInput): Watch {
    const values = this.#validate(workspaceId, input);
    if (!this.#repo(workspaceId).update(id, values, this.clock.now().toISOString())) throw failure('NOT_FOUND', 'watches.failures.noWatch', { id });
    this.#share(workspaceId, id);
    this.#changed(workspaceId);
    void this.#rematcher.request(workspaceId, id);
    return this.#get(workspaceId, id);
  }

  /**
   * The mentions stay (they belong to their source); what is the watch's alone goes with it through the
   * schema's cascades: its matches, chart rollups, level, level history, alerts and detection settings.
   * The crisis log keeps its entries and records the deletion, since alerts disappear with it.
   */
  delete(workspaceId: WorkspaceId, id: number): { deleted: boolean } {
    const repo = this.#repo(workspaceId);
    const watch = repo.get(id);
    const shared = this.#cells(workspaceId).byWatch(id);
    if (!watch || !repo.delete(id)) return { deleted: false };
    if (shared) {
      const change = this.shared.record(workspaceId, shared.uid, null);
      if (change) this.#cells(workspaceId).put(shared.uid, null, change.id);
    }
    this.audit(workspaceId, 'watch.deleted', { watch: watch.name });
    this.#changed(workspaceId);
    return { deleted: true };
  }

  #validate(workspaceId: WorkspaceId, input: WatchInput) {
    const values = watchInputSchema.parse(input);
    if (values.keywords.length === 0 && values.sourceIds.length === 0 && values.authors.length === 0) {
      throw failure('INVALID_INPUT', 'watches.failures.needsKeywordOrSource', undefined, [
        issue('watch.keywords', 'watches.failures.needsKeywordOrSourceHelp'),
      ]);
    }
    const ws = this.workspaces.get(workspaceId);
    const unknown = values.sourceIds.filter((id) => !this.#sources(ws).get(id));
    if (unknown.length) {
      throw failure('INVALID_INPUT', 'watches.failures.unknownSources', { count: unknown.length, ids: unknown.join(', ') }, [
        issue('watch.sourceIds', 'watches.failures.unknownSource'),
      ]);
    }
    return values;
  }

  #get(workspaceId: WorkspaceId, id: number): Watch {
    const watch = this.#repo(workspaceId).get(id);
    if (!watch) throw failure('NOT_FOUND', 'watches.failures.noWatch', { id });
    return watch;
  }

  #repo(workspaceId: WorkspaceId): WatchRepository {
    return this.#watches(this.workspaces.get(workspaceId));
  }

  /** The watch as it stands goes to the cell, its sources named by their cell-wide ids. */
  #share(workspaceId: WorkspaceId, id: number): void {
    if (!this.shared.attached(workspaceId)) return;
    const watch = this.#repo(workspaceId).get(id);
    if (!watch) return;
    const sources = watch.sourceIds.map((sourceId) => this.sourceUids?.uidOf(workspaceId, sourceId));
    if (sources.some((uid) => uid === undefined)) {
      this.logger.warn('watches: watch waits for its sources to be shared', { workspaceId, watchId: id });
      return;
    }
    const cells = this.#cells(workspaceId);
    const uid = cells.byWatch(id)?.uid ?? randomUUID();
    const { name, keywords, exclusions, languages, authors, enabled } = watch;
    const change = this.shared.record(workspaceId, uid, { name, keywords, exclusions, languages, authors, enabled, sources: sources as string[] });
    if (change) cells.put(uid, id, change.id);
  }

  #publishAll(workspaceId: WorkspaceId): void {
    const cells = this.#cells(workspaceId);
    for (const watch of this.#repo(workspaceId).list()) if (!cells.byWatch(watch.id)) this.#share(workspaceId, watch.id);
  }

  /**
   * Each watch as its last genuine change says, through the same path as a local edit: saved, announced, re-matched.
   * A watch whose sources this laptop does not know yet waits for them.
   */
  #show(workspaceId: WorkspaceId, uids: readonly string[]): void {
    const cells = this.#cells(workspaceId);
    const repo = this.#repo(workspaceId);
    const now = this.clock.now().toISOString();
    let changed = false;
    for (const uid of uids) {
      const latest = cells.latest(uid);
      const current = cells.byUid(uid);
      if (!latest || current?.changeId === latest.id) continue;
      const local = current?.watchId != null ? repo.get(current.watchId) : undefined;
      if (latest.deleted === 1) {
        if (local) repo.delete(local.id);
        cells.put(uid, null, latest.id);
        changed ||= local !== undefined;
        continue;
      }
      const shown = this.#values(workspaceId, latest);
      if (!shown) continue;
      let id = local?.id;
      if (id === undefined) id = repo.create(shown, now);
      else repo.update(id, shown, now);
      cells.put(uid, id, latest.id);
      void this.#rematcher.request(workspaceId, id);
      changed = true;
    }
    if (changed) this.#changed(workspaceId);
  }

  #values(workspaceId: WorkspaceId, row: WatchChangeRow) {
    const parsed = sharedWatchSchema.safeParse(JSON.parse(row.watchJson));
    if (!parsed.success) return undefined;
    const { sources, ...watch } = parsed.data;
    const sourceIds = sources.map((uid) => this.sourceUids?.sourceOf(workspaceId, uid));
    if (sourceIds.some((id) => id === undefined)) return undefined;
    return watchInputSchema.parse({ ...watch, sourceIds });
  }

  #cells(workspaceId: WorkspaceId): CellWatchRepository {
    return this.#cellWatches(this.workspaces.get(workspaceId));
  }

  #changed(workspaceId: WorkspaceId): void {
    this.events.emit('watches:changed', { workspaceId });
  }
}
