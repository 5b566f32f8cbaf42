import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0019 agency_fields', () => {
  it('adds the agency sentiment, verified flag and hashtags beside our own tone, leaving stored mentions untouched', () => {
    const db = databaseAt(18);
    db.prepare("INSERT INTO sources (id, kind, name, interval_seconds, created_at, updated_at) VALUES (1, 'file', 'Agence', 300, 'x', 'x')").run();
    db.prepare(
      "INSERT INTO mentions (id, source_id, source_kind, external_id, text, raw, published_at, fetched_at, tone_class) VALUES (1, 1, 'file', 'a', 't', 't', 'x', 'x', 'negative')",
    ).run();
    migrate(db, 19);
    expect(getUserVersion(db)).toBe(19);
    expect(db.prepare('SELECT tone_class AS tone, agency_tone AS agency, author_verified AS verified, hashtags FROM mentions').get()).toEqual({
      tone: 'negative',
      agency: null,
      verified: null,
      hashtags: null,
    });
    db.prepare(`UPDATE mentions SET agency_tone = 'positive', author_verified = 1, hashtags = '["#HelvetiaLeak"]'`).run();
    expect(() => db.prepare("UPDATE mentions SET agency_tone = 'mixed'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE mentions SET author_verified = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE mentions SET hashtags = '"#solo"'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
