import { describe, expect, it } from 'vitest';
import { canonicalUrl, displayUrl } from '../../../../../src/main/features/mentions/canonicalUrl';
import { primaryLanguage } from '../../../../../src/main/features/mentions/enricher';
import { toPlainText } from '../../../../../src/main/platform/text/plainText';
import { WatchMatcher } from '../../../../../src/main/features/watches/watchMatcher';
import { mentionFtsQuery } from '../../../../../src/main/features/mentions/mentionFtsQuery';
import { backoffDelayMs, MAX_BACKOFF_MS } from '../../../../../src/main/platform/net/backoff';
import { parseRetryAfter } from '../../../../../src/main/features/sources/connectors/connectorError';

describe('canonical URLs', () => {
  it('unwraps Google Alerts redirects and strips tracking, fragments and default ports', () => {
    const alert = 'https://www.google.com/url?rct=j&sa=t&url=https://www.lemonde.fr/economie/article/2026/03/10/acme.html%3Futm_source%3Dgoogle%26b%3D2%26a%3D1&ct=ga&cd=CAIyGjA&usg=AOvVaw';
    expect(displayUrl(alert)).toBe('https://www.lemonde.fr/economie/article/2026/03/10/acme.html?utm_source=google&b=2&a=1');
    expect(canonicalUrl(alert)).toBe('https://www.lemonde.fr/economie/article/2026/03/10/acme.html?a=1&b=2');
    expect(canonicalUrl('HTTPS://Example.COM:443/a/b/?fbclid=x&id=3#top')).toBe('https://example.com/a/b?id=3');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(displayUrl('https://www.google.com/url?url=javascript:alert(1)')).toBe('https://www.google.com/url?url=javascript:alert(1)');
  });
});

describe('plain text', () => {
  it('drops scripts, styles and handlers, decodes entities, keeps paragraphs apart', () => {
    expect(toPlainText('<p onclick="x()">Crise&nbsp;chez <b>ACME</b> &amp; Cie</p><style>p{}</style><script>alert(1)</script><p>Suite</p>')).toBe(
      'Crise chez ACME & Cie\nSuite',
    );
    expect(toPlainText('a < b et c > d')).toBe('a < b et c > d');
    expect(toPlainText('  déjà   propre  ')).toBe('déjà propre');
  });
});

describe('languages', () => {
  it('keeps the primary subtag of a language tag', () => {
    expect(primaryLanguage('fr-CH')).toBe('fr');
    expect(primaryLanguage('EN_gb')).toBe('en');
    expect(primaryLanguage('français')).toBeNull();
    expect(primaryLanguage(undefined)).toBeNull();
  });
});

describe('watch matching', () => {
  const watch = (id: number, keywords: string[], extra: Partial<{ exclusions: string[]; languages: string[]; sourceIds: number[]; enabled: boolean }> = {}) => ({
    id,
    name: `w${id}`,
    keywords,
    exclusions: extra.exclusions ?? [],
    languages: extra.languages ?? [],
    authors: [],
    sourceIds: extra.sourceIds ?? [],
    enabled: extra.enabled ?? true,
    createdAt: '',
    updatedAt: '',
  });
  it('matches whole words and phrases regardless of accents, case and spacing; hashtags and handles count', () => {
    const m = new WatchMatcher([watch(1, ['Fuite de données']), watch(2, ['acme']), watch(3, ['x'], { enabled: false }), watch(4, [])]);
    expect(m.size).toBe(2);
    expect(m.match({ sourceId: 1, language: 'fr', text: 'grosse FUITE   DE DONNEES ici' })).toEqual([1]);
    expect(m.match({ sourceId: 1, language: 'fr', text: '#ACME en tendance' })).toEqual([2]);
    expect(m.match({ sourceId: 1, language: 'fr', text: 'rien', authorHandle: '@acme' })).toEqual([2]);
    expect(m.match({ sourceId: 1, language: 'fr', text: 'acmeology' })).toEqual([]);
  });
});

describe('search expressions', () => {
  it('turns words and quoted phrases into a safe FTS5 expression', () => {
    expect(mentionFtsQuery('fuite de données')).toBe('"fuite" "de" "données"');
    expect(mentionFtsQuery('"fuite de données" ACME')).toBe('"fuite de données" "ACME"');
    expect(mentionFtsQuery('NEAR(a b) OR c* -d')).toBe('"NEAR a" "b" "OR" "c" "d"');
    expect(mentionFtsQuery('   ')).toBeUndefined();
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, is capped, and honours Retry-After', () => {
    const half = () => 0.5;
    const d1 = backoffDelayMs(1, 600_000, half);
    const d2 = backoffDelayMs(2, 600_000, half);
    expect(d2).toBeCloseTo(d1 * 2);
    expect(backoffDelayMs(1, 600_000, () => 0)).toBeLessThan(backoffDelayMs(1, 600_000, () => 0.999));
    expect(backoffDelayMs(40, 600_000, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelayMs(1, 600_000, half, 3_600_000)).toBe(3_600_000);
    expect(parseRetryAfter('120', new Date())).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:27:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon', new Date())).toBeUndefined();
  });
});
