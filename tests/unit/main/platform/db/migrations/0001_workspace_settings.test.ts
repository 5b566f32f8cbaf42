import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt, tableColumns } from '../../../../../support/migrations';

describe('migration 0001 workspace_settings', () => {
  it('creates workspace_meta and settings from an empty database', () => {
    const db = databaseAt(0);
    migrate(db, 1);
    expect(tableColumns(db, 'workspace_meta')).toEqual(['id', 'workspace_id', 'kind', 'created_at']);
    expect(tableColumns(db, 'settings')).toEqual(['key', 'value_json', 'updated_at']);
    db.close();
  });

  it('allows a single metadata row and only known kinds', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO workspace_meta VALUES ('self', 'live', 'live', '2026-01-01T00:00:00Z')").run();
    expect(() => db.prepare("INSERT INTO workspace_meta VALUES ('other', 'x', 'live', 'now')").run()).toThrow();
    expect(() => db.prepare("UPDATE workspace_meta SET kind = 'demo'").run()).toThrow();
    db.close();
  });

  it('rejects settings values that are not JSON', () => {
    const db = databaseAt(1);
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', 'not json', 'now')").run()).toThrow();
    db.close();
  });
});
