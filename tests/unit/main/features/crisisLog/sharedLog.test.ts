// The shared log's intake on its own, in one process: three cores whose cell contexts share one automerge-repo,
// so each laptop's document is the others' at once and the test decides which documents each laptop can see.
import type { AutomergeUrl } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { SharedDomainContext } from '../../../../../src/main/platform/sync/sharedDomain';
import { ImmutableString } from '@automerge/automerge-repo';
import { pageOf, type SharedLogDocument } from '../../../../../src/main/features/crisisLog/sharedEntry';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

interface Laptop {
  readonly core: Core;
  readonly deviceId: string;
  /** The member devices whose documents this laptop can see. */
  readonly sees: Set<string>;
  readonly context: SharedDomainContext;
  changed(): void;
}

function cellOf(names: string[]) {
  const cell = sharedCell();
  const laptops = names.map((name, i): Laptop => {
    const deviceId = deviceIdOf(i);
    const core = makeTestCore(newDir());
    cores.push(core);
    const listeners: (() => void)[] = [];
    const sees = new Set([deviceId]);
    const context = memberContext(cell, deviceId, name, listeners, (id) => sees.has(id));
    return { core, deviceId, sees, context, changed: () => listeners.forEach((l) => l()) };
  });
  return { repo: cell.repo, laptops, documents: cell.documents };
}

const entries = (laptop: Laptop) => laptop.core.crisisLog.list('live', { limit: 2000 }).filter((e) => e.kind !== 'system');

describe('shared crisis log intake', () => {
  it('holds back a correction whose corrected entry has not arrived, then takes both in, in order', async () => {
    const { laptops } = cellOf(['Alice', 'Bob', 'Carol']);
    const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
    b.sees.add(a.deviceId);
    c.sees.add(b.deviceId);
    for (const laptop of laptops) await laptop.core.crisisLog.shared.attach(laptop.context);

    const original = a.core.crisisLog.append('live', { kind: 'information', author: 'Alice', body: 'Site closed at 10:00' });
    await vi.waitFor(() => expect(entries(b).map((e) => e.id)).toEqual([original.id]));
    const correction = b.core.crisisLog.append('live', { kind: 'information', author: 'Bob', body: 'Site closed at 10:30', correctsId: original.id });
    // Carol sees Bob's document only: the correction waits for what it corrects.
    await new Promise((r) => setTimeout(r, 100));
    expect(entries(c)).toEqual([]);

    c.sees.add(a.deviceId);
    c.changed();
    await vi.waitFor(() => expect(entries(c)).toHaveLength(2));
    const byId = new Map(entries(c).map((e) => [e.id, e]));
    expect(byId.get(original.id)).toMatchObject({ correctedById: correction.id, origin: { deviceId: a.deviceId, memberName: 'Alice', genuine: true } });
    expect(byId.get(correction.id)).toMatchObject({ correctsId: original.id, origin: { deviceId: b.deviceId, memberName: 'Bob', genuine: true } });
    expect((byId.get(original.id)?.seq ?? 0) < (byId.get(correction.id)?.seq ?? 0)).toBe(true);
    expect(c.core.crisisLog.verify('live')).toMatchObject({ ok: true });
  });

  it('puts back into its document an entry signed and stored whose document change was lost', async () => {
    const { laptops, repo, documents } = cellOf(['Alice', 'Bob']);
    const [a, b] = laptops as [Laptop, Laptop];
    b.sees.add(a.deviceId);
    await a.core.crisisLog.shared.attach(a.context);
    const entry = a.core.crisisLog.append('live', { kind: 'decision', author: 'Alice', body: 'Freeze the campaigns' });
    const own = await repo.find<SharedLogDocument>(documents.get(a.deviceId) as AutomergeUrl);
    // As if the process died before automerge-repo kept the change: the document lacks the stored entry.
    own.change((doc) => {
      delete doc.pages[pageOf(1)]?.[entry.id];
    });
    a.core.crisisLog.shared.detach('live');
    await a.core.crisisLog.shared.attach(a.context);
    expect(own.doc().pages[pageOf(1)]?.[entry.id]?.body.toString()).toBe('Freeze the campaigns');

    await b.core.crisisLog.shared.attach(b.context);
    await vi.waitFor(() => expect(entries(b).map((e) => [e.id, e.origin?.genuine])).toEqual([[entry.id, true]]));
  });

  it('keeps each entry in its page with immutable strings, not per-character text', async () => {
    const { laptops, repo, documents } = cellOf(['Alice']);
    const [a] = laptops as [Laptop];
    await a.core.crisisLog.shared.attach(a.context);
    const entry = a.core.crisisLog.append('live', { kind: 'decision', author: 'Alice', body: 'Freeze the campaigns' });
    const stored = (await repo.find<SharedLogDocument>(documents.get(a.deviceId) as AutomergeUrl)).doc().pages[pageOf(1)]?.[entry.id];
    expect(stored?.body).toBeInstanceOf(ImmutableString);
    expect(stored?.signature).toBeInstanceOf(ImmutableString);
  });

  it('marks an entry whose text was changed in the document after signing as not genuine, and the author chain stays whole', async () => {
    const { laptops, repo, documents } = cellOf(['Alice', 'Bob']);
    const [a, b] = laptops as [Laptop, Laptop];
    await a.core.crisisLog.shared.attach(a.context);
    const entry = a.core.crisisLog.append('live', { kind: 'decision', author: 'Alice', body: 'Hold the statement' });
    const own = await repo.find<SharedLogDocument>(documents.get(a.deviceId) as AutomergeUrl);
    own.change((doc) => {
      const shared = doc.pages[pageOf(1)]?.[entry.id];
      if (shared) shared.body = new ImmutableString('Publish the statement');
    });
    b.sees.add(a.deviceId);
    await b.core.crisisLog.shared.attach(b.context);
    await vi.waitFor(() => expect(entries(b)).toHaveLength(1));
    const [received] = entries(b);
    expect(received).toMatchObject({ body: 'Publish the statement', origin: { deviceId: a.deviceId, genuine: false } });
    expect(received?.id).not.toBe(entry.id);
    expect(b.core.crisisLog.verify('live')).toMatchObject({ ok: true });
  });

  it('reports a laptop’s signed chain with an entry taken out of its document as broken', async () => {
    const { laptops, repo, documents } = cellOf(['Alice', 'Bob']);
    const [a, b] = laptops as [Laptop, Laptop];
    await a.core.crisisLog.shared.attach(a.context);
    const written = ['One', 'Two', 'Three'].map((body) => a.core.crisisLog.append('live', { kind: 'action', author: 'Alice', body }));
    const own = await repo.find<SharedLogDocument>(documents.get(a.deviceId) as AutomergeUrl);
    own.change((doc) => {
      delete doc.pages[pageOf(2)]?.[written[1]?.id as string];
    });
    b.sees.add(a.deviceId);
    await b.core.crisisLog.shared.attach(b.context);
    await vi.waitFor(() => expect(entries(b)).toHaveLength(2));
    expect(b.core.crisisLog.verify('live')).toMatchObject({ ok: false, firstBroken: { id: written[2]?.id, reason: 'author_chain_broken' } });
    expect(a.core.crisisLog.verify('live')).toMatchObject({ ok: true });
  });
});
