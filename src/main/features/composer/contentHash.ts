// The fingerprint an approval is bound to: SHA-256 over the exact FR and EN texts, channels and variants.
import { createHash } from 'node:crypto';
import type { StatementContent } from '../../../shared/domain/statement';

/**
 * The title is left out on purpose (renaming a draft does not change what the public reads); key order is
 * fixed so the same content always gives the same hash.
 */
export function contentHash(content: Pick<StatementContent, 'textFr' | 'textEn' | 'channels' | 'variants'>): string {
  const channels = [...new Set(content.channels)].sort();
  const variants = Object.keys(content.variants)
    .sort()
    .map((channel) => {
      const v = content.variants[channel as keyof typeof content.variants] ?? {};
      return [channel, v.fr ?? null, v.en ?? null];
    })
    .filter(([, fr, en]) => fr !== null || en !== null);
  const canonical = JSON.stringify({ fr: content.textFr, en: content.textEn, channels, variants });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
