import { describe, expect, it } from 'vitest';
import { detectFacets } from '../../../../../../src/main/features/composer/outbox/blueskyFacets';
import { comparableHtml, comparablePlain } from '../../../../../../src/main/features/composer/outbox/mastodonText';
import { retryDelayMs } from '../../../../../../src/main/platform/net/retryBackoff';
import { recordKeyFor, tid } from '../../../../../../src/main/features/composer/outbox/recordKey';
import { errorForStatus } from '../../../../../../src/main/features/composer/outbox/publisher';

describe('publishing formats', () => {
  it('builds valid, deterministic and distinct Bluesky record keys', () => {
    const key = recordKeyFor('2026-11-21T23:40:00.000Z', 'idem-1', 0);
    expect(key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(recordKeyFor('2026-11-21T23:40:00.000Z', 'idem-1', 0)).toBe(key);
    expect(recordKeyFor('2026-11-21T23:40:00.000Z', 'idem-1', 1)).not.toBe(key);
    expect(recordKeyFor('2026-11-21T23:40:00.000Z', 'idem-2', 0)).not.toBe(key);
    // TIDs sort by time: a later post gets a larger key.
    expect(tid(2n, 0) > tid(1n, 1023)).toBe(true);
  });

  it('places link facets on UTF-8 byte offsets, accents and emoji included', () => {
    const text = 'Détails 👉 https://aurore.example/k2 — merci.';
    const [link] = detectFacets(text).links;
    const bytes = new TextEncoder().encode(text);
    expect(new TextDecoder().decode(bytes.slice(link!.index.byteStart, link!.index.byteEnd))).toBe('https://aurore.example/k2');
    expect(link!.uri).toBe('https://aurore.example/k2');
    expect(detectFacets('no link here').links).toEqual([]);
  });

  it('compares a Mastodon status with the text sent, through HTML rendering', () => {
    const sent = 'Nous sommes désolés & inquiets.\n\nProchain point à 14 h <demain>.';
    const html = '<p>Nous sommes désolés &amp; inquiets.</p><p>Prochain point à 14 h &lt;demain&gt;.</p>';
    expect(comparableHtml(html)).toBe(comparablePlain(sent));
    expect(comparableHtml('<p>Autre texte</p>')).not.toBe(comparablePlain(sent));
  });

  it('retries only what can succeed later, with growing, capped, jittered delays', () => {
    expect(errorForStatus('Mastodon', 503, '').permanent).toBe(false);
    expect(errorForStatus('Mastodon', 429, '').permanent).toBe(false);
    expect(errorForStatus('Mastodon', 422, '{"error":"Validation failed"}').permanent).toBe(true);
    expect(errorForStatus('Mastodon', 401, '').permanent).toBe(true);
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect(retryDelayMs(1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(4, policy, () => 1)).toBe(8000);
    expect(retryDelayMs(30, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, policy, () => 0)).toBe(500);
  });
});
