// Contract handlers for `notify:*`.
import type { Language, WorkspaceId } from '../../../shared/domain/workspace';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import type { DeliveryService } from './deliveryService';
import type { SharedMobilisation } from './sharedMobilisation/sharedMobilisation';

export const notifyHandlers = (notify: DeliveryService, shared: SharedMobilisation, language: (workspaceId: WorkspaceId) => Language): HandlersFor<'notify'> => ({
  'notify:settings': ({ workspaceId }) => notify.settings(workspaceId),
  'notify:setSettings': ({ workspaceId, settings }) => notify.setSettings(workspaceId, settings),
  'notify:sendTest': ({ workspaceId, channel, to }) => notify.sendTest(workspaceId, channel, to, language(workspaceId)),
  'notify:deliveries': ({ workspaceId, incidentId }) => notify.deliveries(workspaceId, incidentId),
  'notify:acknowledge': ({ workspaceId, incidentId, roleId, reachedBy, actor }) =>
    notify.acknowledge(workspaceId, incidentId, roleId, reachedBy, actor),
  'notify:mine': ({ workspaceId }) => shared.mine(workspaceId),
  'notify:acknowledgeMine': ({ workspaceId, mobilisationId, roleId }) => shared.acknowledgeMine(workspaceId, mobilisationId, roleId),
  'notify:testDestinations': ({ workspaceId }) => notify.testDestinations(workspaceId),
  'notify:setTestDestinations': ({ workspaceId, destinations }) => notify.setTestDestinations(workspaceId, destinations),
});
