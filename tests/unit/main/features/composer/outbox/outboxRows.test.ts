import { describe, expect, it } from 'vitest';
import { outboxRowsFor } from '../../../../../../src/main/features/composer/outbox/outboxRows';
import { countForChannel } from '../../../../../../src/shared/composer/countCharacters';

const long = 'Our teams checked every terminal in the region and restored card payments. '.repeat(6).trim();

describe('what each channel carries', () => {
  it('takes a channel version when one is written, the main twin otherwise, and skips an empty language', () => {
    const rows = outboxRowsFor(
      { title: 'T', textFr: '', textEn: long, channels: ['x', 'mastodon', 'website'], variants: { x: { en: 'Card payments are back. Next update at 14:00.' } } },
      {},
    );
    expect(rows.map((r) => `${r.channel}/${r.language}/${r.manual}`)).toEqual(['x/en/true', 'mastodon/en/false', 'website/en/true']);
    expect(rows[0]!.parts).toEqual(['Card payments are back. Next update at 14:00.']);
    expect(rows[2]!.parts).toEqual([long]);
  });

  it('splits into a thread at the channel limit, and follows an instance with a longer limit', () => {
    const content = { title: 'T', textFr: '', textEn: long, channels: ['mastodon' as const], variants: {} };
    const split = outboxRowsFor(content, {})[0]!;
    expect(split.parts.length).toBe(1);
    const shortLimit = outboxRowsFor(content, { mastodon: 200 })[0]!;
    expect(shortLimit.parts.length).toBeGreaterThan(2);
    expect(shortLimit.parts.every((p) => countForChannel(p, 'mastodon') <= 200)).toBe(true);
    const bluesky = outboxRowsFor({ ...content, channels: ['bluesky'] }, {})[0]!;
    expect(bluesky.parts.length).toBe(2);
  });
});
