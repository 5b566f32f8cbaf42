// Contract handlers for `mentions:*`.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { MentionService } from './mentionService';

export const mentionsHandlers = (mentions: MentionService): HandlersFor<'mentions'> => ({
  'mentions:search': ({ workspaceId, filter, limit, before }) => mentions.search(workspaceId, filter, limit, before),
  'mentions:count': ({ workspaceId, filter }) => mentions.count(workspaceId, filter),
  'mentions:get': ({ workspaceId, id }) => mentions.get(workspaceId, id),
  'mentions:capture': ({ workspaceId, capture }) => mentions.capture(workspaceId, capture),
});
