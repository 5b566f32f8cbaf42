// Watches: validate, save, announce the change (`watches:changed`: ingestion matches the next batch against the new
// keywords, detection re-warms), and apply a new or edited watch to the mentions already stored (see WatchRematcher).
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

export class WatchService {
  readonly #watches = perWorkspace((ws) => new WatchRepository(ws.db));
  readonly #sources = perWorkspace((ws) => new SourceRepository(ws.db));
  readonly #rematcher: WatchRematcher;

  constructor(
    private readonly workspaces: WorkspaceLookup,
    private readonly events: EventBus,
    private readonly clock: Clock,
    logger: Logger,
    private readonly audit: Audit,
  ) {
    this.#rematcher = new WatchRematcher({
      workspaces,
      logger,
      onRematched: (workspaceId) => this.events.emit('watches:changed', { workspaceId }),
    });
  }

  /** Re-matches of stored mentions still running have finished. */
  settled(): Promise<void> {
    return this.#rematcher.settled();
  }

  stop(): void {
    this.#rematcher.stop();
  }

  list(workspaceId: WorkspaceId): Watch[] {
    return this.#repo(workspaceId).list();
  }

  create(workspaceId: WorkspaceId, input: WatchInput): Watch {
    const values = this.#validate(workspaceId, input);
    const id = this.#repo(workspaceId).create(values, this.clock.now().toISOString());
    this.#changed(workspaceId);
    void this.#rematcher.request(workspaceId, id);
    return this.#get(workspaceId, id);
  }

  update(workspaceId: WorkspaceId, id: number, input: WatchInput): Watch {
    const values = this.#validate(workspaceId, input);
    if (!this.#repo(workspaceId).update(id, values, this.clock.now().toISOString())) throw failure('NOT_FOUND', 'watches.failures.noWatch', { id });
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
    if (!watch || !repo.delete(id)) return { deleted: false };
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

  #changed(workspaceId: WorkspaceId): void {
    this.events.emit('watches:changed', { workspaceId });
  }
}
