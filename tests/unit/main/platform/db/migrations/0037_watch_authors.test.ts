import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

describe('migration 0037 watch_authors', () => {
  it('gives every existing watch an empty account list and refuses a list that is not JSON', () => {
    const db = databaseAt(36);
    db.prepare("INSERT INTO watches (name, keywords_json, created_at, updated_at) VALUES ('Marque', '[\"helvetia\"]', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')").run();
    migrate(db, 37);
    expect(getUserVersion(db)).toBe(37);
    expect(db.prepare('SELECT name, keywords_json AS keywords, authors_json AS authors FROM watches').all()).toEqual([
      { name: 'Marque', keywords: '["helvetia"]', authors: '[]' },
    ]);
    db.prepare("UPDATE watches SET authors_json = '[\"@anne.staff\"]'").run();
    expect(() => db.prepare("UPDATE watches SET authors_json = 'anne'").run()).toThrow(/CHECK/);
    db.close();
  });
});
