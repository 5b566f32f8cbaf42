// The agency columns as exports write them: sentiment words and scores, account types, verified flags, hashtags,
// and audiences that no account can have.
import { describe, expect, it } from 'vitest';
import { parseAccountType, parseHashtags, parseSentiment, parseVerified } from '../../../../../src/main/features/imports/agencyFields';
import { parseAudience } from '../../../../../src/main/features/imports/parseCount';

describe('agency fields', () => {
  it.each([
    ['negative', 'negative'],
    ['Négatif', 'negative'],
    ['POSITIVE', 'positive'],
    ['neutre', 'neutral'],
    ['-3', 'negative'],
    ['0', 'neutral'],
    ['0,4', 'positive'],
    ['mixed', undefined],
    ['', undefined],
  ])('sentiment %j → %s', (raw, tone) => {
    expect(parseSentiment(raw)).toBe(tone);
  });

  it.each([
    ['journalist', 'journalist'],
    ['Journaliste', 'journalist'],
    ['organisational', 'unknown'],
    ['individual', 'public'],
    ['Media outlet', 'media'],
    ['Politician', 'politician'],
    ['', 'unknown'],
    ['🦄', 'unknown'],
  ])('account type %j → %s', (raw, kind) => {
    expect(parseAccountType(raw)).toBe(kind);
  });

  it('reads verified flags in FR and EN, and leaves odd values unsaid', () => {
    expect(['true', 'Yes', 'oui', '1', 'Vérifié'].map(parseVerified)).toEqual([true, true, true, true, true]);
    expect(['false', 'no', 'Non', '0'].map(parseVerified)).toEqual([false, false, false, false]);
    expect(parseVerified('peut-être')).toBeUndefined();
    expect(parseVerified('')).toBeUndefined();
  });

  it('splits hashtags however they are separated, once each, dropping what is not a tag', () => {
    expect(parseHashtags('#HelvetiaLeak, #fuite;banque #helvetialeak')).toEqual(['#HelvetiaLeak', '#fuite', '#banque']);
    expect(parseHashtags('#données #Zürich')).toEqual(['#données', '#Zürich']);
    expect(parseHashtags('<script>, ##, #')).toBeUndefined();
    expect(parseHashtags('')).toBeUndefined();
  });

  it('takes empty or "N/A" audiences as unknown and refuses values no account can have', () => {
    expect(parseAudience('')).toEqual({ ok: true });
    expect(parseAudience('N/A')).toEqual({ ok: true });
    expect(parseAudience('250 000')).toEqual({ ok: true, value: 250_000 });
    expect(parseAudience('1.2M')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseAudience('99999999999')).toEqual({ ok: false });
    expect(parseAudience('-5')).toEqual({ ok: false });
    expect(parseAudience('beaucoup')).toEqual({ ok: false });
  });
});
