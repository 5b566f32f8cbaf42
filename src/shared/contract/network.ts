// What may leave the laptop: sealed mode and the derived allow-list.
import { z } from 'zod';
import { workspaceIdSchema } from '../domain/workspace';
import { call } from './define';

export const networkPolicySchema = z.object({
  sealed: z.boolean(),
  allowed: z.array(z.object({ origin: z.string(), reason: z.string(), localNetwork: z.literal(true).optional() })),
});
export type NetworkPolicyDto = z.infer<typeof networkPolicySchema>;

export const networkCalls = {
  'network:policy': call(z.object({ workspaceId: workspaceIdSchema }), networkPolicySchema),
} as const;
