// When the cell last rehearsed, for the plan's readiness check: the last moment any exercise's run moved. Setting
// up an exercise workspace and never playing it is not a rehearsal.
import type { OpenWorkspace, WorkspaceStore } from '../../platform/workspaces/workspaceStore';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import { ExerciseRunRepository } from './exerciseRunRepository';

export class ExerciseHistory {
  readonly #runs = perWorkspace((ws: OpenWorkspace) => new ExerciseRunRepository(ws.db));

  constructor(private readonly store: WorkspaceStore) {}

  lastPlayedAt(): string | null {
    let latest: string | null = null;
    for (const id of this.store.ids()) {
      const ws = this.store.get(id);
      if (ws.kind !== 'exercise') continue;
      const at = this.#runs(ws).savedAt();
      if (at !== null && (latest === null || at > latest)) latest = at;
    }
    return latest;
  }
}
