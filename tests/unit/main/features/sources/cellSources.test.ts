// The cell's sources and mentions on their own, in one process: test cores whose cell contexts share one
// automerge-repo, so each laptop's document is the others' at once, and the test writes a hostile member's document
// by hand. Batches that cannot be read are refused whole and loudly; a duplicate batch adds nothing; the good
// mentions of a mixed batch still go in. Takeover: the owner's copy stops polling once another laptop claimed it.
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { Logger } from '../../../../../src/main/platform/logger';
import type { SharedDomainContext } from '../../../../../src/main/platform/sync/sharedDomain';
import { encodeMentions, type CellSourcesDocument } from '../../../../../src/main/features/sources/cellSources/cellSourceRecords';
import { invoke, makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));
const ws = { workspaceId: 'live' };

interface Laptop {
  readonly core: Core;
  readonly deviceId: string;
  readonly context: SharedDomainContext;
  readonly warnings: string[];
  /** Moves this laptop's clock on. */
  advance(ms: number): void;
  /** The members' documents changed (one was added). */
  changed(): void;
}

function cellOf(count: number, failoverMs = 600_000, checkMs?: number) {
  const cell = sharedCell();
  const laptops = Array.from({ length: count }, (_, i): Laptop => {
    const deviceId = deviceIdOf(i);
    const warnings: string[] = [];
    const listeners: (() => void)[] = [];
    const logger: Logger = { info: () => {}, warn: (message) => void warnings.push(message), error: () => {} };
    let offset = 0;
    const core = makeTestCore(newDir(), { logger, clock: { now: () => new Date(Date.now() + offset) }, cellSources: { failoverMs, checkMs } });
    cores.push(core);
    const context = memberContext(cell, deviceId, `Laptop ${i + 1}`, listeners);
    return { core, deviceId, context, warnings, advance: (ms) => void (offset += ms), changed: () => listeners.forEach((l) => l()) };
  });
  return { ...cell, laptops };
}

const stream = async (laptop: Laptop) => (await invoke(laptop.core, 'mentions:search', { ...ws, limit: 100 })).items;
const mention = (n: number) => ({ externalId: `post-${n}`, author: { handle: `@author${n}` }, text: `ACME : publication n°${n}`, publishedAt: `2026-03-10T10:0${n}:00Z`, url: `https://social.example/p/${n}` });

describe('the cell’s mentions, batch by batch', () => {
  it('refuses unreadable batches whole, adds nothing for a duplicate batch, and keeps the good mentions of a mixed one', async () => {
    const { repo, laptops, documents, members } = cellOf(2);
    const [a, b] = laptops as [Laptop, Laptop];
    for (const laptop of laptops) await laptop.core.cellSources.attach(laptop.context);
    // Each laptop registered its document after the others attached: as in a cell, they hear of it.
    for (const laptop of laptops) laptop.changed();
    const { id: sourceId } = await invoke(a.core, 'sources:create', { ...ws, source: { kind: 'file', name: 'Veille agence', config: {} } });
    await a.core.ingest.ingest('live', sourceId, [mention(1), mention(2)]);
    await vi.waitFor(async () => expect((await stream(b)).map((m) => m.externalId).sort()).toEqual(['post-1', 'post-2']), { timeout: 5_000 });

    // A member whose document is written by hand: every way a batch can be wrong, and a copy of a good one.
    const hostileId = '9'.repeat(32);
    members.set(hostileId, { name: 'Hostile', publicKeyPem: members.get(a.deviceId)!.publicKeyPem });
    const aDoc = (await repo.find<CellSourcesDocument>(documents.get(a.deviceId)!)).doc();
    const uid = Object.keys(aDoc.sources)[0]!;
    const [copied] = Object.values(aDoc.batches);
    const hostile = repo.create<CellSourcesDocument>({ sources: {}, claims: {}, batches: {} });
    documents.set(hostileId, hostile.url);
    hostile.change((doc) => {
      doc.batches['copy'] = { source: uid, count: copied!.count, data: new Uint8Array(copied!.data) };
      doc.batches['not-deflate'] = { source: uid, count: 1, data: new Uint8Array([1, 2, 3, 4]) };
      doc.batches['not-a-list'] = { source: uid, count: 1, data: new Uint8Array(deflateRawSync(Buffer.from('{"a":1}'))) };
      doc.batches['wrong-count'] = { source: uid, count: 5, data: encodeMentions([mention(7)]) };
      doc.batches['mixed'] = { source: uid, count: 3, data: encodeMentions([mention(1), { externalId: '' }, mention(3)]) };
      (doc.batches as Record<string, unknown>)['not-a-batch'] = 'hello';
    });
    for (const laptop of laptops) laptop.changed();
    await vi.waitFor(async () => expect((await stream(b)).map((m) => m.externalId).sort()).toEqual(['post-1', 'post-2', 'post-3']), { timeout: 5_000 });
    // Four batches refused whole: not deflate data, not a list, a count that lies, not a batch at all.
    await vi.waitFor(() => expect(b.warnings.filter((w) => w === 'cell sources: malformed mention batch refused')).toHaveLength(4));
    expect(b.warnings).toContain('cell sources: mentions of a batch refused');

    // Read again (a restart, another change): nothing doubles.
    hostile.change((doc) => {
      doc.batches['copy-again'] = { source: uid, count: copied!.count, data: new Uint8Array(copied!.data) };
    });
    await vi.waitFor(async () => expect((await stream(a)).map((m) => m.externalId).sort()).toEqual(['post-1', 'post-2', 'post-3']));
    await new Promise((r) => setTimeout(r, 300));
    expect((await stream(b)).map((m) => m.externalId).sort()).toEqual(['post-1', 'post-2', 'post-3']);
    expect((await stream(a)).map((m) => m.externalId).sort()).toEqual(['post-1', 'post-2', 'post-3']);
  });

  it('moves the polling of a feed to the laptop that took it over, and off its creator', async () => {
    const { laptops } = cellOf(2, 60_000, 100);
    const [a, b] = laptops as [Laptop, Laptop];
    for (const laptop of laptops) await laptop.core.cellSources.attach(laptop.context);
    // Each laptop registered its document after the others attached: as in a cell, they hear of it.
    for (const laptop of laptops) laptop.changed();
    // Paused on its creator: nothing is polled by the test, ownership alone is looked at.
    const { id } = await invoke(a.core, 'sources:create', { ...ws, source: { kind: 'rss', name: 'Le Quotidien', config: { url: 'https://journal.example/rss', timeoutSeconds: 5 } } });
    await invoke(a.core, 'sources:setPaused', { ...ws, id, paused: true });
    const copy = await vi.waitFor(() => {
      const found = b.core.sources.list('live').find((s) => s.name === 'Le Quotidien');
      expect(found).toBeDefined();
      return found!;
    });
    expect(a.core.cellSources.mayPoll('live', id)).toBe(true);
    expect(b.core.cellSources.mayPoll('live', copy.id)).toBe(false);
    // Settings whose keys Automerge hands back in another order are the same settings: nothing is published again.
    const heads = (await a.context.ownDocument('sources', () => ({}))).heads();
    await invoke(a.core, 'sources:setPaused', { ...ws, id, paused: true });
    expect((await a.context.ownDocument('sources', () => ({}))).heads()).toEqual(heads);

    // The creator's document changes keep it heard of; then nothing comes from it for longer than the failover time.
    b.advance(61_000);
    await vi.waitFor(() => expect(b.core.cellSources.mayPoll('live', copy.id)).toBe(true), { timeout: 3_000 });
    await vi.waitFor(() => expect(a.core.cellSources.mayPoll('live', id)).toBe(false), { timeout: 3_000 });
    // The creator, back, does not take it again: the laptop that claimed it is heard of through its document.
    a.advance(1_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(a.core.cellSources.mayPoll('live', id)).toBe(false);
  });
});
