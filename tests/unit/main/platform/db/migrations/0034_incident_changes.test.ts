import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt, tableColumns } from '../../../../../support/migrations';

describe('migration 0034 incident_changes', () => {
  it('adds the cell changes of incidents, refusing an unknown kind and data that is not JSON', () => {
    const db = databaseAt(33);
    migrate(db, 34);
    expect(getUserVersion(db)).toBe(34);
    expect(tableColumns(db, 'incident_changes')).toEqual(['id', 'incident_id', 'device_id', 'member_name', 'hlc', 'at', 'by', 'kind', 'data_json', 'signature', 'genuine']);
    const insert = (id: string, kind: string, data: string, genuine = 1) =>
      db
        .prepare("INSERT INTO incident_changes VALUES (?, 'i1', 'd1', NULL, '000000000000001.000000', '2026-12-07T10:00:00.000Z', 'Anne', ?, ?, 'sig', ?)")
        .run(id, kind, data, genuine);
    insert('c1', 'status', '{"from":"active","to":"closed"}');
    expect(() => insert('c2', 'rename', '{}')).toThrow(/CHECK/);
    expect(() => insert('c3', 'status', 'not json')).toThrow(/CHECK/);
    expect(() => insert('c4', 'status', '{}', 2)).toThrow(/CHECK/);
    db.close();
  });
});
