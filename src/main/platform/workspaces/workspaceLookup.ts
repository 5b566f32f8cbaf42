// What features need of the workspace store: an open workspace by id (tests hand in a single database).
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { OpenWorkspace } from './workspaceStore';

export interface WorkspaceLookup {
  get(id: WorkspaceId): OpenWorkspace;
}
