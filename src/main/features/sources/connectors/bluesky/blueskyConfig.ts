// What a Bluesky source needs: the PDS that holds the account, the search, and (in credentials) an app password.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import { z } from 'zod';
import { ConnectorError } from '../connectorError';
import { inEnglish } from '../../../../platform/i18n/failure';

export const blueskyConfigSchema = z.object({
  /** The account's PDS (https://bsky.social for most people); it proxies searchPosts to the AppView. */
  service: z.url({ protocol: /^https?$/, error: inEnglish('socialSources.failures.blueskyServer') }).max(2048),
  query: z.string().trim().min(1, inEnglish('socialSources.failures.blueskyQuery')).max(500),
  /** Only posts declared in this language (e.g. fr). */
  lang: z.string().regex(/^[a-z]{2,3}$/, inEnglish('socialSources.failures.blueskyLanguage')).optional(),
  /** Jetstream endpoint for the live feed (wss://…/subscribe); empty means search only. */
  jetstream: z.url({ protocol: /^wss?$/, error: inEnglish('socialSources.failures.blueskyJetstream') }).max(2048).optional(),
  timeoutSeconds: z.number().int().min(1).max(120).optional(),
});
export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;

export function validateBlueskyConfig(config: unknown): BlueskyConfig {
  const parsed = blueskyConfigSchema.safeParse(config);
  if (!parsed.success) throw new ConnectorError('config', healthMessage('settingsInvalid', { detail: parsed.error.issues[0]?.message ?? 'The Bluesky settings are incomplete.' }));
  return { ...parsed.data, service: new URL(parsed.data.service).origin };
}
