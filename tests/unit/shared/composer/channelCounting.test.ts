import { describe, expect, it } from 'vitest';
import { limitOf } from '../../../../src/shared/composer/channels';
import { countForChannel, countGraphemes } from '../../../../src/shared/composer/countCharacters';
import { joinThread, splitThread, ThreadSplitError } from '../../../../src/shared/composer/splitThread';

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
    expect(splitThread('Short.', 'bluesky', 300, 'suffix').map((p) => p.text)).toEqual(['Short.']);
  });

  for (const channel of ['x', 'bluesky', 'mastodon'] as const) {
    it(`splits at sentence boundaries within the ${channel} limit and loses no character`, () => {
      const limit = limitOf(channel)!;
      const parts = splitThread(long, channel, limit, 'suffix');
      expect(parts.length).toBeGreaterThan(1);
      for (const [i, p] of parts.entries()) {
        expect(countForChannel(p.text, channel)).toBeLessThanOrEqual(limit);
        expect(p.text).toBe(`${p.body} ${i + 1}/${parts.length}`);
        expect(p.body.endsWith('.')).toBe(true);
      }
      expect(joinThread(parts)).toBe(long);
    });
  }

  it('numbers the posts as the plan chooses: after, before, or not at all', () => {
    const text = 'Premier paragraphe, assez long pour remplir un message.\n\nSecond paragraphe, lui aussi assez long.';
    expect(splitThread(text, 'bluesky', 60, 'suffix').map((p) => p.text)).toEqual([
      'Premier paragraphe, assez long pour remplir un message. 1/2',
      'Second paragraphe, lui aussi assez long. 2/2',
    ]);
    expect(splitThread(text, 'bluesky', 62, 'prefix').map((p) => p.text)).toEqual([
      '(1/2) Premier paragraphe, assez long pour remplir un message.',
      '(2/2) Second paragraphe, lui aussi assez long.',
    ]);
    const bare = splitThread(text, 'bluesky', 56, 'none');
    expect(bare.map((p) => p.text)).toEqual(['Premier paragraphe, assez long pour remplir un message.', 'Second paragraphe, lui aussi assez long.']);
    // The blank line between the paragraphs is where the thread was cut: it is kept, not turned into a space.
    expect(bare[0]!.after).toBe('\n\n');
    expect(joinThread(bare)).toBe(text);
  });

  it('never cuts inside a number, a link, an e-mail or a handle, and keeps line breaks inside a post', () => {
    const text =
      'Le taux est passé à 1.5 % pour 1 500 clients.\nDétails : https://acme.example/fr/incident et crise@acme.fr.\nContact presse : @critic.test ou @presse@piaille.fr, 14:00.';
    for (const limit of [40, 60, 90, 120]) {
      const parts = splitThread(text, 'bluesky', limit, 'suffix');
      expect(joinThread(parts)).toBe(text);
      const bodies = parts.map((p) => p.body).join('|');
      for (const atom of ['1.5', '1 500', 'https://acme.example/fr/incident', 'crise@acme.fr.', '@critic.test', '@presse@piaille.fr,', '14:00.']) {
        expect(bodies).toContain(atom);
      }
    }
    expect(splitThread(text, 'bluesky', 120, 'none')[0]!.body).toContain('clients.\nDétails');
  });

  it('refuses a word longer than a post rather than cut it', () => {
    expect(() => splitThread(`Voir ${'x'.repeat(700)}`, 'bluesky', 300, 'suffix')).toThrow(ThreadSplitError);
    expect(() => splitThread('Détails : https://acme.example/fr/incident/2026/11/21/paiements-interrompus', 'bluesky', 40, 'suffix')).toThrow(
      /https:\/\/acme\.example.* longer than a bluesky post \(40\)/,
    );
  });

  it('keeps Bluesky posts under the 3,000-byte record cap, not only under 300 graphemes', () => {
    const family = '👨‍👩‍👧 '.repeat(290).trim();
    const parts = splitThread(family, 'bluesky', 300, 'suffix');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => new TextEncoder().encode(p.text).length <= 3000)).toBe(true);
    expect(joinThread(parts)).toBe(family);
  });
});
