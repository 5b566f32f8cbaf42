import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const tempDir = useTempDirs();
const WS = 'live';
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
let core: Core | undefined;

afterEach(() => {
  core?.close();
  core = undefined;
});

async function setup() {
  core = makeTestCore(tempDir(), { clock: { now: () => new Date(NOW) } });
  const c = core;
  const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
  const acme = await invoke(c, 'watches:create', { workspaceId: WS, watch: { name: 'ACME', keywords: ['acme'] } });
  await c.watches.settled();
  let n = 0;
  const ingest = (text: string, ageMs: number) =>
    c.ingest.ingest(WS, source.id, [{ externalId: `m${++n}`, author: { audience: 100 }, text, language: 'fr', publishedAt: new Date(NOW - ageMs).toISOString() }]);
  await ingest('ACME annonce ses résultats', 2 * DAY);
  await ingest('ACME ouvre une agence', 3 * DAY);
  await ingest('Scandale ACME : fuite de données', 5 * DAY);
  await ingest('Une fuite de données chez un assureur', 1 * DAY);
  await ingest('Encore une fuite de données, honteux', 6 * DAY);
  await ingest('Vieille fuite de données oubliée', 40 * DAY);
  const held = async (watchId: number) =>
    (await invoke(c, 'mentions:search', { workspaceId: WS, filter: { watchId }, limit: 500 })).items.map((m) => m.text).sort();
  /** What the month chart (hourly rollups) counts for the watch. */
  const charted = async (watchId: number) =>
    (await invoke(c, 'dashboard:series', { workspaceId: WS, watchId, range: '30d' })).points.reduce((sum, p) => sum + p.count, 0);
  return { c, source, acme, ingest, held, charted };
}

describe('re-matching stored mentions when a watch is created or edited', () => {
  it('gives a new watch every mention already stored, in search and in the rollups behind the charts', async () => {
    const { c, held, charted } = await setup();
    const events: string[] = [];
    c.events.subscribe((name) => events.push(name));
    const leak = await invoke(c, 'watches:create', { workspaceId: WS, watch: { name: 'Fuites', keywords: ['fuite de données'] } });
    await c.watches.settled();
    expect(await held(leak.id)).toEqual([
      'Encore une fuite de données, honteux',
      'Scandale ACME : fuite de données',
      'Une fuite de données chez un assureur',
      'Vieille fuite de données oubliée',
    ]);
    // The month chart shows the three of the last 30 days; the 40-day-old one is in search and older rollups.
    expect(await charted(leak.id)).toBe(3);
    // Announced once the links are in, so open screens refetch.
    expect(events.filter((e) => e === 'watches:changed').length).toBeGreaterThanOrEqual(2);
  });

  it('gives a new watch the stored mentions of a language without tone (their minutes have no tone counts at all)', async () => {
    const { c, source, held, charted } = await setup();
    await c.ingest.ingest(WS, source.id, [
      { externalId: 'de1', author: { audience: 100 }, text: 'Datenleck bei ACME bestätigt', language: 'de', publishedAt: new Date(NOW - DAY).toISOString() },
    ]);
    const leak = await invoke(c, 'watches:create', { workspaceId: WS, watch: { name: 'Datenleck', keywords: ['datenleck'] } });
    await c.watches.settled();
    expect(await held(leak.id)).toEqual(['Datenleck bei ACME bestätigt']);
    expect(await charted(leak.id)).toBe(1);
  });

  it('follows an edit both ways (mentions that no longer match leave the watch) and keeps rollups equal to the links', async () => {
    const { c, acme, held, charted } = await setup();
    expect(await held(acme.id)).toHaveLength(3);
    await invoke(c, 'watches:update', { workspaceId: WS, id: acme.id, watch: { name: 'ACME', keywords: ['acme', 'fuite de données'] } });
    await c.watches.settled();
    expect(await held(acme.id)).toHaveLength(6);
    expect(await charted(acme.id)).toBe(5);
    await invoke(c, 'watches:update', { workspaceId: WS, id: acme.id, watch: { name: 'ACME', keywords: ['fuite de données'], exclusions: ['acme'] } });
    await c.watches.settled();
    expect(await held(acme.id)).toEqual([
      'Encore une fuite de données, honteux',
      'Une fuite de données chez un assureur',
      'Vieille fuite de données oubliée',
    ]);
    expect(await charted(acme.id)).toBe(2);
  });

  it('counts a mention ingested while it runs once, and leaves a disabled watch its history', async () => {
    const { c, acme, ingest, held, charted } = await setup();
    const update = invoke(c, 'watches:update', { workspaceId: WS, id: acme.id, watch: { name: 'ACME', keywords: ['acme', 'fuite'] } });
    await ingest('Nouvelle fuite chez ACME', 60_000);
    await update;
    await c.watches.settled();
    expect(await held(acme.id)).toHaveLength(7);
    expect(await charted(acme.id)).toBe(6);
    await invoke(c, 'watches:update', { workspaceId: WS, id: acme.id, watch: { name: 'ACME', keywords: ['nothing-matches'], enabled: false } });
    await c.watches.settled();
    expect(await held(acme.id)).toHaveLength(7);
  });
});
