// Builds the Electron-free core from its dependencies: the one object both shells (Electron, browser) host.
import { LIVE_WORKSPACE_ID } from '../../shared/domain/workspace';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import { systemHandlers, type ShellFacts } from '../ipc/handlers/systemHandlers';
import type { Handlers } from '../ipc/handlers/types';
import { workspaceHandlers } from '../ipc/handlers/workspaceHandlers';
import { WorkspaceService } from '../services/workspaces/workspaceService';
import { WorkspaceStore, type KeyProvider } from '../services/workspaces/workspaceStore';
import type { Clock } from './clock';
import { EventBus } from './eventBus';
import type { Logger } from './logger';

export interface CoreOptions {
  readonly dataDir: string;
  readonly keys: KeyProvider;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly shell: ShellFacts;
  readonly checkOutput?: boolean;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly workspaces: WorkspaceService;
  close(): void;
}

export function createCore({ dataDir, keys, clock, logger, shell, checkOutput }: CoreOptions): Core {
  const events = new EventBus();
  const store = new WorkspaceStore(dataDir, keys, clock);
  if (!store.exists(LIVE_WORKSPACE_ID)) store.create(LIVE_WORKSPACE_ID, 'live');
  const workspaces = new WorkspaceService(store, events, clock);

  const handlers: Handlers = {
    ...systemHandlers(shell),
    ...workspaceHandlers(workspaces),
  };

  return {
    dispatch: createDispatcher(handlers, { checkOutput, logger }),
    events,
    workspaces,
    close: () => store.close(),
  };
}
