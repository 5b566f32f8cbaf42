// An incident opened by hand names every active watch from now unless the cell chooses; the scope can be
// corrected through the contract, is checked, and each correction is written in the crisis log.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
const NOW = Date.parse('2026-03-02T08:00:00Z');

let core: Core | undefined;
afterEach(() => core?.close());

async function start() {
  let t = NOW;
  const c = makeTestCore(newDir(), { clock: { now: () => new Date(t) } });
  core = c;
  const bank = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Banque Léman', keywords: ['Banque Léman'] } });
  const cafe = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Cafés Morand', keywords: ['Cafés Morand'] } });
  const paused = await invoke(c, 'watches:create', { workspaceId: 'live', watch: { name: 'Archive', keywords: ['archive'], enabled: false } });
  return { c, bank: bank.id, cafe: cafe.id, paused: paused.id, advance: (minutes: number) => void (t += minutes * 60_000) };
}

const incident = { title: 'Rumeur', scenarioKind: 'fakeNews' as const, severity: 'medium' as const, actor: lead };

describe('incident scope', () => {
  it('opened by hand: every active watch from now, or the watches and start the cell chose', async () => {
    const { c, bank, cafe } = await start();
    const byDefault = await invoke(c, 'incidents:open', { workspaceId: 'live', incident });
    expect(byDefault.scope).toEqual({ watchIds: [bank, cafe], start: new Date(NOW).toISOString(), end: null });
    const chosen = await invoke(c, 'incidents:open', {
      workspaceId: 'live',
      incident: { ...incident, scope: { watchIds: [cafe], start: '2026-03-02T07:30:00+01:00' } },
    });
    expect(chosen.scope).toEqual({ watchIds: [cafe], start: '2026-03-02T06:30:00.000Z', end: null });
    const unknown = await c.dispatch('incidents:open', { workspaceId: 'live', incident: { ...incident, scope: { watchIds: [999] } } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'watchIds' }] } });
  });

  it('is corrected through the contract, refused when it names no such watch or a future start, and logged', async () => {
    const { c, bank, cafe, advance } = await start();
    const opened = await invoke(c, 'incidents:open', { workspaceId: 'live', incident });
    const input = { workspaceId: 'live', incidentId: opened.id, actor: lead };
    const future = await c.dispatch('incidents:setScope', { ...input, watchIds: [bank], start: '2026-03-02T09:00:00Z' });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'start', message: 'future' }] } });
    const none = await c.dispatch('incidents:setScope', { ...input, watchIds: [], start: '2026-03-01T09:00:00Z' });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = await c.dispatch('incidents:setScope', { ...input, watchIds: [bank, 404], start: '2026-03-01T09:00:00Z' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'watchIds' }] } });

    const changed = await invoke(c, 'incidents:setScope', { ...input, watchIds: [bank], start: '2026-03-01T09:00:00Z' });
    expect(changed.scope).toEqual({ watchIds: [bank], start: '2026-03-01T09:00:00.000Z', end: null });
    const log = await invoke(c, 'crisisLog:list', { workspaceId: 'live', filter: { incidentId: opened.id, limit: 50 } });
    const entry = log.find((e) => e.systemCode === 'incident.scope');
    expect(entry?.data).toMatchObject({ by: 'Anne Roux', watchIds: String(bank), start: '2026-03-01T09:00:00.000Z' });
    expect(entry?.body).toContain('Banque Léman');
    expect(entry?.body).not.toContain('Cafés Morand');

    advance(30);
    const closed = await invoke(c, 'incidents:setStatus', { ...input, status: 'closed' });
    expect(closed.scope.end).toBe(new Date(NOW + 30 * 60_000).toISOString());
    // Editable up to closing only: the closed incident's scope stays what its report read.
    const afterClose = await c.dispatch('incidents:setScope', { ...input, watchIds: [cafe], start: '2026-03-01T09:00:00Z' });
    expect(afterClose).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await invoke(c, 'incidents:get', { workspaceId: 'live', incidentId: opened.id })).scope.watchIds).toEqual([bank]);
  });
});
