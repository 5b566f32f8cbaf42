import { describe, expect, it } from 'vitest';
import { getUserVersion, migrate } from '../../../../../../src/main/platform/db/migrate';
import { databaseAt } from '../../../../../support/migrations';

const person = (name: string) => ({ name, title: '', phone: '+41790000000', altPhone: '', email: '' });

describe('migration 0036 person_ids', () => {
  it('gives the latest plan’s people ids and moves each test destination from a name to the ids that bore it', () => {
    const db = databaseAt(35);
    const at = '2026-03-01T09:00:00.000Z';
    const revision = db.prepare("INSERT INTO plan_revisions (schema_version, plan_json, saved_at, origin) VALUES (1, ?, ?, 'edit')");
    const old = { roles: [{ id: 'crisisLead', holder: person('Anne Favre'), deputies: [] }] };
    revision.run(JSON.stringify(old), at);
    // Two roles held by people of one name, and a deputy already identified.
    const latest = {
      roles: [
        { id: 'crisisLead', holder: person('Anne Favre'), deputies: [{ ...person('Marc Roux'), id: 'kept-id' }] },
        { id: 'legal', holder: person('Anne Favre'), deputies: [] },
        { id: 'press', holder: null, deputies: [] },
      ],
    };
    revision.run(JSON.stringify(latest), at);
    const destination = db.prepare('INSERT INTO notify_test_destinations (person, email, phone, messenger, updated_at) VALUES (?, ?, ?, ?, ?)');
    destination.run('*', 'drill@example.test', '', '', at);
    destination.run('Anne Favre', '', '+41000000001', '', at);
    destination.run('Marc Roux', '', '', '@marc-drill', at);
    destination.run('Zoé Absente', 'zoe-drill@example.test', '', '', at);

    migrate(db, 36);
    expect(getUserVersion(db)).toBe(36);
    const plans = db.prepare<[], { planJson: string }>('SELECT plan_json AS planJson FROM plan_revisions ORDER BY revision').all().map((r) => JSON.parse(r.planJson) as typeof latest);
    expect(plans[0]).toEqual(old);
    const [lead, legal] = plans[1]!.roles;
    expect(lead!.deputies[0]!.id).toBe('kept-id');
    const annes = [lead!.holder!, legal!.holder!].map((p) => (p as { id?: string }).id);
    expect(annes.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(annes).size).toBe(2);

    const rows = db.prepare('SELECT person_id AS id, person_name AS name, email, phone, messenger FROM notify_test_destinations ORDER BY rowid').all();
    expect(rows).toEqual([
      { id: '*', name: '', email: 'drill@example.test', phone: '', messenger: '' },
      { id: annes[0], name: 'Anne Favre', email: '', phone: '+41000000001', messenger: '' },
      { id: annes[1], name: 'Anne Favre', email: '', phone: '+41000000001', messenger: '' },
      { id: 'kept-id', name: 'Marc Roux', email: '', phone: '', messenger: '@marc-drill' },
      { id: 'unmatched-4', name: 'Zoé Absente', email: 'zoe-drill@example.test', phone: '', messenger: '' },
    ]);
    db.close();
  });
});
