// Alerts outside the app: channel settings with a test send, the per-message delivery statuses of an incident,
// and acknowledgements a coordinator records with how the person was reached.
import { z } from 'zod';
import { call, event } from './define';
import { actorSchema, incidentIdSchema } from '../domain/incident';
import { roleIdSchema } from '../domain/plan';
import {
  deliveryViewSchema,
  myCallSchema,
  notifyChannelSchema,
  notifySettingsSchema,
  notifySettingsViewSchema,
  reachedBySchema,
  testDestinationsSchema,
  testResultSchema,
} from '../domain/notify';
import { workspaceIdSchema } from '../domain/workspace';

const inWorkspace = z.object({ workspaceId: workspaceIdSchema });

export const notifyCalls = {
  'notify:settings': call(inWorkspace, notifySettingsViewSchema),
  'notify:setSettings': call(inWorkspace.extend({ settings: notifySettingsSchema }), notifySettingsViewSchema),
  'notify:sendTest': call(inWorkspace.extend({ channel: notifyChannelSchema, to: z.string().trim().min(3).max(320) }), testResultSchema),
  'notify:deliveries': call(inWorkspace.extend({ incidentId: incidentIdSchema }), deliveryViewSchema),
  'notify:acknowledge': call(
    inWorkspace.extend({ incidentId: incidentIdSchema, roleId: roleIdSchema, reachedBy: reachedBySchema, actor: actorSchema }),
    deliveryViewSchema,
  ),
  /** The calls that ask this laptop's member, from mobilisations shared through the cell. */
  'notify:mine': call(inWorkspace, z.array(myCallSchema)),
  /** This laptop's member acknowledges one of their calls: signed by this laptop, sent to the cell. */
  'notify:acknowledgeMine': call(inWorkspace.extend({ mobilisationId: z.uuid(), roleId: z.string().min(1).max(80) }), z.array(myCallSchema)),
  /** An exercise's own test destinations (refused for live data, whose messages go to the roster). */
  'notify:testDestinations': call(inWorkspace, testDestinationsSchema),
  'notify:setTestDestinations': call(inWorkspace.extend({ destinations: testDestinationsSchema }), testDestinationsSchema),
} as const;

export const notifyEvents = {
  'notify:changed': event(z.object({ workspaceId: workspaceIdSchema, incidentId: incidentIdSchema })),
  /** A mobilisation or an acknowledgement arrived or left from this laptop: `notify:mine` may have changed. */
  'notify:mineChanged': event(inWorkspace),
} as const;
