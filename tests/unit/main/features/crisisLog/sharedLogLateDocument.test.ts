// A member's log document that no peer had sent when this laptop began to follow it: automerge-repo puts the first
// content it receives into the handle and reports it as a change while the handle is still "unavailable" (it becomes
// ready right after), so the intake must read that change's own document, never ask the handle for it.
import { generateKeyPairSync, sign } from 'node:crypto';
import * as A from '@automerge/automerge';
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { SharedDomainContext } from '../../../../../src/main/platform/sync/sharedDomain';
import type { SharedLogDocument } from '../../../../../src/main/features/crisisLog/sharedEntry';
import { makeTestCore } from '../../../../support/testCore';
import { useTempDirs } from '../../../../support/tempDir';

const newDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

describe('shared crisis log: a member document that arrives after it is followed', () => {
  it('takes in its entries from the change that brings them, before the handle is ready', async () => {
    const members = new Map<string, { name: string; publicKeyPem: string }>();
    const documents = new Map<string, AutomergeUrl>();
    const laptop = (deviceId: string, name: string, repo: Repo) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      members.set(deviceId, { name, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
      const core = makeTestCore(newDir());
      cores.push(core);
      const context: SharedDomainContext = {
        workspaceId: 'live',
        deviceId,
        repo,
        sign: (data) => sign(null, data, privateKey),
        member: (id) => members.get(id),
        members: () => [...members].map(([id, m]) => ({ deviceId: id, name: m.name, person: null })),
        async ownDocument<T>(_domain: string, initial: () => T): Promise<DocHandle<T>> {
          const handle = repo.create<T>(initial());
          documents.set(deviceId, handle.url);
          return handle;
        },
        memberDocuments: () => [...documents].map(([id, url]) => ({ deviceId: id, url })),
        onMembersChanged: () => undefined,
      };
      return { core, context };
    };
    // Two laptops with repos of their own and no link between them: Bob's repo has never seen Alice's document.
    const a = laptop('1'.repeat(32), 'Alice', new Repo({ network: [] }));
    const bobRepo = new Repo({ network: [] });
    const b = laptop('2'.repeat(32), 'Bob', bobRepo);
    await a.core.crisisLog.shared.attach(a.context);
    const written = ['Site closed', 'Press called'].map((body) => a.core.crisisLog.append('live', { kind: 'information', author: 'Alice', body }).id);
    const aliceUrl = documents.get('1'.repeat(32)) as AutomergeUrl;
    const aliceDoc = (await a.context.repo.find<SharedLogDocument>(aliceUrl)).doc();

    await b.core.crisisLog.shared.attach(b.context);
    const held = await bobRepo.find<SharedLogDocument>(aliceUrl, { allowableStates: ['unavailable'] });
    expect(held.isReady()).toBe(false);
    // What automerge-repo's synchronizer does when a peer's sync message brings the document.
    held.update((doc) => A.merge(doc, A.clone(aliceDoc)));

    expect(held.isReady()).toBe(true);
    await vi.waitFor(() =>
      expect(b.core.crisisLog.list('live', { limit: 10 }).filter((e) => e.kind !== 'system').map((e) => e.id).sort()).toEqual([...written].sort()),
    );
    expect(b.core.crisisLog.verify('live')).toMatchObject({ ok: true });
  });
});
