// Contract handlers for `crisisLog:*`.
import type { CrisisLogService } from './crisisLogService';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export const crisisLogHandlers = (log: CrisisLogService): HandlersFor<'crisisLog'> => ({
  'crisisLog:append': ({ workspaceId, entry }) => log.append(workspaceId, entry),
  'crisisLog:setVerification': ({ workspaceId, entryId, to, actor }) => log.setVerification(workspaceId, entryId, to, actor),
  'crisisLog:setPinned': ({ workspaceId, entryId, pinned, actor }) => log.setPinned(workspaceId, entryId, pinned, actor),
  'crisisLog:list': ({ workspaceId, filter }) => log.list(workspaceId, filter),
  'crisisLog:verify': ({ workspaceId }) => log.verify(workspaceId),
});
