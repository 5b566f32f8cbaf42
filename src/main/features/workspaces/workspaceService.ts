// Workspace settings: read, validate, change, and tell every open window.
import {
  workspaceSettingsSchema,
  type Language,
  type Workspace,
  type WorkspaceId,
  type WorkspaceSettings,
} from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/openDatabase';
import type { EventBus } from '../../platform/events/eventBus';
import { SettingsRepository } from '../../platform/workspaces/settingsRepository';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace, WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { failure } from '../../platform/i18n/failure';

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  displayName: 'Tocsin',
  organisation: '',
  reportLanguage: 'fr',
  statusMeetingHours: 2,
  sealed: false,
  backupHours: 24,
  retentionMonths: 0,
};

/** The report language stored in a workspace database, for code that runs before the workspace is open. */
export function reportLanguageIn(db: Db): Language {
  const field = workspaceSettingsSchema.shape.reportLanguage.safeParse(new SettingsRepository(db).getAll().reportLanguage);
  return field.success ? field.data : DEFAULT_SETTINGS.reportLanguage;
}

export class WorkspaceService {
  readonly #settings = perWorkspace((ws) => new SettingsRepository(ws.db));

  constructor(
    private readonly store: WorkspaceStore,
    private readonly events: EventBus,
    private readonly clock: Clock,
    /** Told which settings changed, e.g. to record sealed-mode switches in the crisis log. */
    private readonly onChanged: (id: WorkspaceId, changed: Partial<WorkspaceSettings>) => void = () => {},
  ) {}

  list(): Workspace[] {
    return this.store.ids().map((id) => this.get(id));
  }

  get(id: WorkspaceId): Workspace {
    return this.#toWorkspace(this.store.get(id));
  }

  updateSettings(id: WorkspaceId, patch: Partial<WorkspaceSettings>): Workspace {
    const ws = this.store.get(id);
    const current = this.#toWorkspace(ws).settings;
    const parsed = workspaceSettingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) {
      throw failure(
        'INVALID_INPUT',
        'platform.workspaces.invalidSettings',
        undefined,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const changed = Object.fromEntries(
      Object.entries(parsed.data).filter(([k, v]) => current[k as keyof WorkspaceSettings] !== v),
    );
    if (Object.keys(changed).length > 0) {
      this.#settings(ws).setMany(changed, this.clock.now().toISOString());
      this.onChanged(id, changed);
      this.events.emit('workspaces:changed', { workspaceId: id });
    }
    return this.#toWorkspace(ws);
  }

  #toWorkspace(ws: OpenWorkspace): Workspace {
    const stored = this.#settings(ws).getAll();
    // Settings written by an older or damaged version fall back per field instead of failing the screen.
    const settings = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof WorkspaceSettings)[]) {
      const field = workspaceSettingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) Object.assign(settings, { [key]: field.data });
    }
    return { id: ws.id, kind: ws.kind, createdAt: ws.createdAt, settings };
  }
}
