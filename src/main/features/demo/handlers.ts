// Contract handlers for `demo:*`.
import type { DemoFeed } from './demoFeed';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const demoHandlers = (demo: DemoFeed): HandlersFor<'demo'> => ({
  'demo:status': ({ workspaceId }) => demo.status(workspaceId),
  'demo:stop': ({ workspaceId, removeData }) => demo.stop(workspaceId, removeData),
});
