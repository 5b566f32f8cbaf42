// Contract handlers for `demo:*`.
import type { DemoFeed } from '../../services/demo/demoFeed';
import type { HandlersFor } from './types';

export const demoHandlers = (demo: DemoFeed): HandlersFor<'demo'> => ({
  'demo:status': ({ workspaceId }) => demo.status(workspaceId),
  'demo:stop': ({ workspaceId }) => demo.stop(workspaceId),
});
