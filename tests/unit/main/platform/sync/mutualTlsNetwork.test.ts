// Two automerge-repo nodes over the mutual-TLS WebSocket adapter on loopback, each storing into its own encrypted
// database: a document crosses, a laptop without the cell's certificate fails the TLS handshake, a refused one
// is cut before any data.
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { Repo, type PeerId } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../src/main/platform/db/openDatabase';
import { createAuthority, deviceIdOf, generateEd25519, issueDeviceCertificate } from '../../../../../src/main/platform/sync/cellCertificates';
import { MutualTlsNetwork, type TlsIdentity } from '../../../../../src/main/platform/sync/mutualTlsNetwork';
import { SqliteStorageAdapter } from '../../../../../src/main/platform/sync/sqliteStorageAdapter';
import { useTempDirs } from '../../../../support/tempDir';
import { randomKey } from '../../../../support/testCore';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function device(authority: { certificatePem: string; privateKeyPem: string }): Promise<TlsIdentity & { deviceId: string }> {
  const pair = generateEd25519();
  return { key: pair.privateKeyPem, cert: await issueDeviceCertificate(authority, pair.publicKeyPem, new Date()), ca: authority.certificatePem, deviceId: deviceIdOf(pair.publicKeyPem) };
}

function node(identity: TlsIdentity & { deviceId: string }, refused: Set<string> = new Set(), refusals: string[] = []) {
  const db = openDatabase({ path: join(tempDir(), 'w.db'), key: randomKey() });
  const network = new MutualTlsNetwork({ identity, refuses: (id) => refused.has(id), retryMs: 100, onRefused: (reason) => refusals.push(reason) });
  const repo = new Repo({ storage: new SqliteStorageAdapter(() => db), network: [network], peerId: identity.deviceId as PeerId });
  cleanups.push(async () => {
    await repo.shutdown();
    db.close();
  });
  return { repo, network, db };
}

/** A raw TLS client asking for a WebSocket upgrade; counts the bytes the server lets through. */
function probe(port: number, identity: TlsIdentity, ca: string): Promise<{ bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const socket = tlsConnect({ host: '127.0.0.1', port, key: identity.key, cert: identity.cert, ca, checkServerIdentity: () => undefined });
    // In TLS 1.3 the server judges the client's certificate after the client thinks it is through.
    socket.on('secureConnect', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ bytes }));
  });
}

const until = async (check: () => boolean, ms = 8_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('mutual TLS network', () => {
  it('syncs a document between two certified laptops, stored encrypted on both', async () => {
    const authority = await createAuthority('c1', new Date());
    const a = node(await device(authority));
    const b = node(await device(authority));
    const { port } = await a.network.listen('127.0.0.1', 0);
    b.network.dial(`127.0.0.1:${port}`);
    const handle = a.repo.create<{ text: string }>({ text: 'sentinel-phrase-in-a-doc' });
    await until(() => b.network.links.length === 1);
    const found = await b.repo.find<{ text: string }>(handle.url);
    expect(found.doc().text).toBe('sentinel-phrase-in-a-doc');
    await b.repo.flush();
    const stored = b.db.prepare('SELECT count(*) AS n FROM sync_chunks').get() as { n: number };
    expect(stored.n).toBeGreaterThan(0);
  });

  it('fails the TLS handshake of a laptop whose certificate is not from the cell', async () => {
    const authority = await createAuthority('c1', new Date());
    const refusals: string[] = [];
    const a = node(await device(authority), new Set(), refusals);
    const { port } = await a.network.listen('127.0.0.1', 0);
    // The same probe with a certificate of the cell gets an HTTP answer: the door is shut only to strangers.
    expect((await probe(port, await device(authority), authority.certificatePem)).bytes).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
    const stranger = await device(await createAuthority('other', new Date()));
    expect((await probe(port, stranger, authority.certificatePem)).bytes).toBe(0);
    expect(refusals).toHaveLength(1);
    expect(a.network.links).toEqual([]);
  });

  it('turns away a certified laptop the cell refuses, and cuts it when refused while connected', async () => {
    const authority = await createAuthority('c1', new Date());
    const refused = new Set<string>();
    const a = node(await device(authority), refused);
    const bIdentity = await device(authority);
    const b = node(bIdentity);
    const { port } = await a.network.listen('127.0.0.1', 0);
    b.network.dial(`127.0.0.1:${port}`);
    await until(() => a.network.links.length === 1);
    refused.add(bIdentity.deviceId);
    a.network.dropRefused();
    await until(() => a.network.links.length === 0 && b.network.links.length === 0);
    const handle = a.repo.create<{ text: string }>({ text: 'secret' });
    await new Promise((r) => setTimeout(r, 500));
    expect(a.network.links).toEqual([]);
    expect(b.repo.handles[handle.documentId]).toBeUndefined();
  });
});
