// What a Mastodon source needs: the instance, what to follow there, and (in credentials) a user token.
import { healthMessage } from '../../../../../shared/domain/healthMessage';
import { z } from 'zod';
import { ConnectorError } from '../connectorError';
import { inEnglish } from '../../../../platform/i18n/failure';

export const mastodonConfigSchema = z.object({
  instance: z.url({ protocol: /^https?$/, error: inEnglish('socialSources.failures.mastodonInstance') }).max(2048),
  /** `hashtag`: the tag's timeline (public on most instances); `search`: full-text status search (needs a token). */
  mode: z.enum(['hashtag', 'search']),
  query: z.string().trim().min(1, inEnglish('socialSources.failures.mastodonQuery')).max(500),
  /** Hashtag mode: only posts made on this instance. */
  localOnly: z.boolean().optional(),
  timeoutSeconds: z.number().int().min(1).max(120).optional(),
});
export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

export function validateMastodonConfig(config: unknown): MastodonConfig {
  const parsed = mastodonConfigSchema.safeParse(config);
  if (!parsed.success) throw new ConnectorError('config', healthMessage('settingsInvalid', { detail: parsed.error.issues[0]?.message ?? 'The Mastodon settings are incomplete.' }));
  const value = parsed.data;
  if (value.mode === 'hashtag' && !/^#?[\p{L}\p{N}_]+$/u.test(value.query)) {
    throw new ConnectorError('config', healthMessage('mastodonHashtag'));
  }
  return { ...value, instance: new URL(value.instance).origin };
}
