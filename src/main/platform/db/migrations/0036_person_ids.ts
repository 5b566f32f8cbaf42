// The people of the plan get ids, and an exercise's test destinations name people by id instead of by name, so a
// corrected name or two people with one name no longer send a drill to the wrong address. The ids go into the
// latest plan revision (the one in use; the plan gives ids to every later one); a destination whose name is
// that of several entries goes to each of them, and one whose name is in no entry is kept, matching nobody, under
// its name, for the exercise screen to show.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types';

interface StoredPerson {
  id?: string;
  name?: string;
}
interface StoredPlan {
  roles?: { holder?: StoredPerson | null; deputies?: StoredPerson[] }[];
}

/** Gives ids to the latest plan's people; returns each name's ids. */
function identifyPeople(db: Database): Map<string, string[]> {
  const latest = db.prepare<[], { revision: number; planJson: string }>('SELECT revision, plan_json AS planJson FROM plan_revisions ORDER BY revision DESC LIMIT 1').get();
  const byName = new Map<string, string[]>();
  if (!latest) return byName;
  const plan = JSON.parse(latest.planJson) as StoredPlan;
  const seen = new Set<string>();
  const identify = (person: StoredPerson): void => {
    if (!person.id || seen.has(person.id)) person.id = randomUUID();
    seen.add(person.id);
    if (person.name) byName.set(person.name, [...(byName.get(person.name) ?? []), person.id]);
  };
  for (const role of plan.roles ?? []) {
    if (role.holder) identify(role.holder);
    for (const deputy of role.deputies ?? []) identify(deputy);
  }
  db.prepare('UPDATE plan_revisions SET plan_json = ? WHERE revision = ?').run(JSON.stringify(plan), latest.revision);
  return byName;
}

export const migration0036: Migration = {
  version: 36,
  name: 'person_ids',
  sql: `
    CREATE TABLE notify_test_destinations_next (
      -- A person id of the plan, or '*' for everyone without their own.
      person_id TEXT PRIMARY KEY,
      -- The name the person had when the destination was set, shown when the plan no longer has them.
      person_name TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      messenger TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
  run: (db) => {
    const byName = identifyPeople(db);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO notify_test_destinations_next (person_id, person_name, email, phone, messenger, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const rows = db
      .prepare<[], { rowid: number; person: string; email: string; phone: string; messenger: string; updatedAt: string }>(
        'SELECT rowid, person, email, phone, messenger, updated_at AS updatedAt FROM notify_test_destinations ORDER BY rowid',
      )
      .all();
    for (const row of rows) {
      const ids = row.person === '*' ? ['*'] : (byName.get(row.person) ?? [`unmatched-${row.rowid}`]);
      for (const id of ids) insert.run(id, row.person === '*' ? '' : row.person, row.email, row.phone, row.messenger, row.updatedAt);
    }
    db.exec('DROP TABLE notify_test_destinations; ALTER TABLE notify_test_destinations_next RENAME TO notify_test_destinations;');
  },
};
