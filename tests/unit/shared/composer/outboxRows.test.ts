import { describe, expect, it } from 'vitest';
import { countForChannel } from '../../../../src/shared/composer/countCharacters';
import { outboxRowsFor } from '../../../../src/shared/composer/outboxRows';
import { joinThread } from '../../../../src/shared/composer/splitThread';

const long = 'Our teams checked every terminal in the region and restored card payments. '.repeat(6).trim();
const texts = (parts: readonly { text: string }[]): string[] => parts.map((p) => p.text);

describe('what each channel carries', () => {
  it('takes a channel version when one is written, the main twin otherwise, and skips an empty language', () => {
    const rows = outboxRowsFor(
      { title: 'T', textFr: '', textEn: long, channels: ['x', 'mastodon', 'website'], variants: { x: { en: 'Card payments are back. Next update at 14:00.' } } },
      {},
      'suffix',
    );
    expect(rows.map((r) => `${r.channel}/${r.language}/${r.manual}`)).toEqual(['x/en/true', 'mastodon/en/false', 'website/en/true']);
    expect(texts(rows[0]!.parts)).toEqual(['Card payments are back. Next update at 14:00.']);
    expect(texts(rows[2]!.parts)).toEqual([long]);
  });

  it('splits into a thread at the channel limit, and follows an instance with a longer limit', () => {
    const content = { title: 'T', textFr: '', textEn: long, channels: ['mastodon' as const], variants: {} };
    const split = outboxRowsFor(content, {}, 'suffix')[0]!;
    expect(split.parts.length).toBe(1);
    const shortLimit = outboxRowsFor(content, { mastodon: 200 }, 'suffix')[0]!;
    expect(shortLimit.parts.length).toBeGreaterThan(2);
    expect(shortLimit.parts.every((p) => countForChannel(p.text, 'mastodon') <= 200)).toBe(true);
    const bluesky = outboxRowsFor({ ...content, channels: ['bluesky'] }, {}, 'suffix')[0]!;
    expect(bluesky.parts.length).toBe(2);
  });

  it('gives every channel, manual ones included, the approved text to the byte: line breaks and spaces kept', () => {
    const text = '  Nous sommes désolés.\n\nLe paiement est rétabli depuis 11 h 05 : https://acme.example/fr/incident\n';
    const rows = outboxRowsFor({ title: 'T', textFr: text, textEn: '', channels: ['linkedin', 'press', 'mastodon', 'bluesky', 'x'], variants: {} }, {}, 'prefix');
    for (const row of rows) expect(joinThread(row.parts)).toBe(text);
    expect(texts(rows.find((r) => r.channel === 'linkedin')!.parts)).toEqual([text]);
    expect(texts(rows.find((r) => r.channel === 'mastodon')!.parts)).toEqual([text.trim()]);
  });
});
