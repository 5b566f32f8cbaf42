import { describe, expect, it } from 'vitest';
import { limitOf } from '../../../../src/shared/composer/channels';
import { countForChannel, countGraphemes } from '../../../../src/shared/composer/countCharacters';
import { splitThread } from '../../../../src/shared/composer/splitThread';

describe('character counting per channel', () => {
  it('counts graphemes, not UTF-16 units, for Bluesky', () => {
    expect(countGraphemes('é')).toBe(1);
    expect(countGraphemes('e\u0301')).toBe(1);
    expect(countGraphemes('👨‍👩‍👧')).toBe(1);
    expect(countForChannel('Désolé 🇫🇷', 'bluesky')).toBe(8);
  });

  it('counts every link as 23 on X and Mastodon but in full on Bluesky', () => {
    const url = 'https://status.example.com/incidents/2026/11/21/payments-outage-details';
    const text = `Details: ${url}`;
    expect(countForChannel(text, 'x')).toBe('Details: '.length + 23);
    expect(countForChannel(text, 'mastodon')).toBe('Details: '.length + 23);
    expect(countForChannel(text, 'bluesky')).toBe(text.length);
  });

  it('weighs CJK and emoji double on X', () => {
    expect(countForChannel('abc', 'x')).toBe(3);
    expect(countForChannel('日本', 'x')).toBe(4);
    expect(countForChannel('ok 👍🏽', 'x')).toBe(5);
  });

  it('counts only the user part of a remote Mastodon mention', () => {
    expect(countForChannel('Hi @support@mastodon.social', 'mastodon')).toBe('Hi @support'.length);
  });

  it('has the documented default limits, overridable per workspace', () => {
    expect(limitOf('x')).toBe(280);
    expect(limitOf('bluesky')).toBe(300);
    expect(limitOf('mastodon')).toBe(500);
    expect(limitOf('mastodon', { mastodon: 1000 })).toBe(1000);
    expect(limitOf('website')).toBeNull();
  });
});

describe('thread splitting', () => {
  const sentence = 'Nos équipes travaillent à rétablir le service de paiement. ';
  const long = sentence.repeat(20).trim();

  it('keeps a short text whole, without a marker', () => {
    expect(splitThread('Short.', 'bluesky', 300)).toEqual(['Short.']);
  });

  for (const channel of ['x', 'bluesky', 'mastodon'] as const) {
    it(`splits at sentence boundaries within the ${channel} limit and loses no word`, () => {
      const limit = limitOf(channel)!;
      const parts = splitThread(long, channel, limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const [i, p] of parts.entries()) {
        expect(countForChannel(p, channel)).toBeLessThanOrEqual(limit);
        expect(p.endsWith(` (${i + 1}/${parts.length})`)).toBe(true);
        expect(p.replace(/ \(\d+\/\d+\)$/, '').endsWith('.')).toBe(true);
      }
      const rejoined = parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, '')).join(' ');
      expect(rejoined).toBe(long);
    });
  }

  it('cuts a word longer than a post', () => {
    const parts = splitThread('x'.repeat(700), 'bluesky', 300);
    expect(parts.every((p) => countGraphemes(p) <= 300)).toBe(true);
    expect(parts.map((p) => p.replace(/ \(\d+\/\d+\)$/, '')).join('')).toBe('x'.repeat(700));
  });
});
