import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt, tableColumns } from '../../../../../support/migrations';

describe('migration 0044 shared_plan_watches', () => {
  it('keeps earlier plan revisions as local ones, and holds the cell’s signed plan and watch changes', () => {
    const db = databaseAt(43);
    db.prepare(
      "INSERT INTO plan_revisions (revision, schema_version, plan_json, saved_at, origin, author, note) VALUES (1, 1, '{}', 'x', 'edit', 'Anne', '')",
    ).run();
    db.prepare("INSERT INTO watches (id, name, created_at, updated_at) VALUES (7, 'Alvea', 'x', 'x')").run();
    migrate(db, 44);
    expect(getUserVersion(db)).toBe(44);
    expect(tableColumns(db, 'plan_revisions')).toEqual(expect.arrayContaining(['change_id', 'device_id', 'paths_json']));
    expect(db.prepare('SELECT change_id AS change, device_id AS device, paths_json AS paths FROM plan_revisions').get()).toEqual({ change: null, device: null, paths: null });

    const planChange = db.prepare(
      `INSERT INTO plan_changes (id, device_id, member_name, hlc, at, kind, origin, by, note, lesson, ops_json, signature, genuine, refusal_json)
       VALUES (?, 'd1', 'Anne', 'h1', 'x', ?, 'edit', 'Anne', '', '', '[]', 's', ?, ?)`,
    );
    planChange.run('c1', 'edit', 1, null);
    expect(() => planChange.run('c1', 'edit', 1, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => planChange.run('c2', 'merge', 1, null)).toThrow(/CHECK/);
    expect(() => planChange.run('c3', 'edit', 2, null)).toThrow(/CHECK/);
    expect(() => planChange.run('c4', 'edit', 0, 'not json')).toThrow(/CHECK/);

    const watchChange = db.prepare(
      `INSERT INTO watch_changes (id, uid, device_id, member_name, hlc, at, deleted, watch_json, signature, genuine)
       VALUES (?, 'w1', 'd1', 'Anne', 'h1', 'x', ?, '{}', 's', 1)`,
    );
    watchChange.run('c1', 0);
    expect(() => watchChange.run('c2', 2)).toThrow(/CHECK/);

    db.prepare("INSERT INTO cell_watches (uid, watch_id, change_id) VALUES ('w1', 7, 'c1')").run();
    expect(() => db.prepare("INSERT INTO cell_watches (uid, watch_id, change_id) VALUES ('w2', 7, 'c1')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO cell_watches (uid, watch_id, change_id) VALUES ('w3', 99, 'c1')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM watches WHERE id = 7').run();
    expect(db.prepare("SELECT watch_id AS watch FROM cell_watches WHERE uid = 'w1'").get()).toEqual({ watch: null });
  });
});
