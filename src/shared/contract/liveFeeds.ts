// Live feed calls: the state of each source's streaming connection, pushed when it changes.
import { z } from 'zod';
import { call, event } from './define';
import { liveFeedStatusSchema } from '../domain/liveFeed';
import { workspaceIdSchema } from '../domain/workspace';

export const liveFeedsCalls = {
  'liveFeeds:list': call(z.object({ workspaceId: workspaceIdSchema }), z.array(liveFeedStatusSchema)),
} as const;

export const liveFeedsEvents = {
  'liveFeeds:changed': event(z.object({ workspaceId: workspaceIdSchema })),
} as const;
