// Protection of the data at rest: passphrase, keychain, key rotation.
// Also what may leave the laptop: sealed mode and the derived allow-list.
import { z } from 'zod';
import { workspaceIdSchema } from '../domain/workspace';
import { call, event } from './define';

export const keyProtectionSchema = z.enum(['none', 'os', 'passphrase']);
export type KeyProtection = z.infer<typeof keyProtectionSchema>;

export const securityStatusSchema = z.object({
  /** none: keys in clear beside the data; os: sealed by the OS keychain; passphrase: derived with scrypt. */
  protection: keyProtectionSchema,
  locked: z.boolean(),
});
export type SecurityStatus = z.infer<typeof securityStatusSchema>;

export const securityCalls = {
  'security:status': call(z.object({}), securityStatusSchema),
  'security:setPassphrase': call(
    z.object({ next: z.string().min(1).max(1024), current: z.string().max(1024).optional() }),
    securityStatusSchema,
  ),
  'security:unlock': call(z.object({ passphrase: z.string().max(1024) }), securityStatusSchema),
  'security:rotateKey': call(z.object({ workspaceId: workspaceIdSchema }), z.object({ rotatedAt: z.iso.datetime() })),
  /** The fingerprint of the workspace's device key, which signs its archives: read it to the person importing one. */
  'security:signingKey': call(z.object({ workspaceId: workspaceIdSchema }), z.object({ fingerprint: z.string() })),
} as const;

export const securityEvents = {
  'security:changed': event(z.object({})),
} as const;

export const networkPolicySchema = z.object({
  sealed: z.boolean(),
  allowed: z.array(z.object({ origin: z.string(), reason: z.string(), localNetwork: z.literal(true).optional() })),
});
export type NetworkPolicyDto = z.infer<typeof networkPolicySchema>;

export const networkCalls = {
  'security:networkPolicy': call(z.object({ workspaceId: workspaceIdSchema }), networkPolicySchema),
} as const;
