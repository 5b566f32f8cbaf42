// Hostile watch changes in one process: two cores whose cell contexts share one automerge-repo. A watch in Bob's
// document that Bob's key did not sign, and one Bob signed that the watch checks refuse, never become watches on
// Alice's laptop; Bob's genuine watch does, and so does its deletion.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { signWatchChange, type WatchChangesDocument } from '../../../../../src/main/features/watches/sharedWatches/watchChange';
import { useTempDirs } from '../../../../support/tempDir';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));
const ws = { workspaceId: 'live' };

describe('shared watch forgeries', () => {
  it('keeps out a forged watch and one the watch checks refuse', async () => {
    const cell = sharedCell();
    const listeners: (() => void)[] = [];
    const [a, b] = [makeTestCore(newDir()), makeTestCore(newDir())];
    cores.push(a, b);
    const contextA = memberContext(cell, deviceIdOf(0), 'Alice', listeners);
    const contextB = memberContext(cell, deviceIdOf(1), 'Bob', listeners);
    await a.watches.shared.attach(contextA);
    await b.watches.shared.attach(contextB);
    for (const listener of listeners) listener();

    const bob = await cell.repo.find<WatchChangesDocument>(cell.documents.get(deviceIdOf(1))!);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const change = (name: string, signer: (data: Buffer) => Buffer) =>
      signWatchChange(
        { id: randomUUID(), uid: randomUUID(), device: deviceIdOf(1), hlc: '999999999999990.000000', at: new Date().toISOString(), deleted: false, watch: JSON.stringify({ name, keywords: ['x'], exclusions: [], languages: [], authors: [], enabled: true, sources: [] }) },
        signer,
      );
    const forged = change('Forged', (data) => sign(null, data, stranger));
    const invalid = change('', (data) => contextB.sign(data));
    bob.change((doc) => {
      doc.changes[forged.id] = forged;
      doc.changes[invalid.id] = invalid;
    });
    const genuine = await invoke(b, 'watches:create', { ...ws, watch: { name: 'Genuine', keywords: ['acme'] } });
    await vi.waitFor(async () => expect((await invoke(a, 'watches:list', ws)).map((w) => w.name)).toEqual(['Genuine']));

    await invoke(b, 'watches:delete', { ...ws, id: genuine.id });
    await vi.waitFor(async () => expect(await invoke(a, 'watches:list', ws)).toEqual([]));
    expect(await invoke(b, 'watches:list', ws)).toEqual([]);
  });
});
