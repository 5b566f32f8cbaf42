// The response queue's domain on its own, in one process: two cores whose cell contexts share one automerge-repo.
// A reply started and published on one laptop shows as answered on the other, by the member whose laptop published
// it; an operation forged into a member's document with another key changes nothing.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { SharedOp } from '../../../../../src/main/platform/sync/sharedOpLog';
import { INCIDENT, waitFor, WS } from '../../../../support/composerCore';
import { startFakeMastodon } from '../../../../support/fakeMastodonPublish';
import { deviceIdOf, memberContext, sharedCell } from '../../../../support/sharedCell';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, loopbackComposerTuning, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const URL = 'https://news.example/acme/question-1';
const capture = async (core: Core) =>
  (await invoke(core, 'mentions:capture', { workspaceId: WS, capture: { channel: 'phonePost', outlet: 'Instagram', authorName: 'Jeanne', text: 'Is my card data safe?', url: URL, occurredAt: new Date().toISOString() } })).id!;

describe('shared response queue', () => {
  it('shows a reply published on one laptop as answered on the other, by that laptop’s member, and ignores a forged operation', async () => {
    const mastodon = await startFakeMastodon();
    cleanups.push(() => mastodon.close());
    const cell = sharedCell();
    const listeners: (() => void)[] = [];
    const [a, b] = ['Alice', 'Bob'].map((name, i) => {
      const core = makeTestCore(newDir(), { composerTuning: { ...loopbackComposerTuning, claimSettleMs: 50 } });
      cleanups.push(() => core.close());
      return { core, context: memberContext(cell, deviceIdOf(i), name, listeners) };
    }) as [{ core: Core; context: ReturnType<typeof memberContext> }, { core: Core; context: ReturnType<typeof memberContext> }];
    // The same post reaches both laptops (its URL names it in the cell) before they share anything.
    const [onA, onB] = [await capture(a.core), await capture(b.core)];
    // The test cell gives each laptop one document for every domain: the statements' index first, the queue's beside it.
    const [statements, queue] = a.core.composer.sharedDomains;
    for (const { core, context } of [a, b]) {
      const [s, q] = core.composer.sharedDomains;
      await s!.attach(context);
      await q!.attach(context);
    }
    // Bob's document was registered after Alice attached: the cell document changes on every laptop.
    for (const listener of listeners) listener();
    expect(statements).toBeDefined();
    expect(queue).toBeDefined();

    await invoke(a.core, 'composer:setAccount', { workspaceId: WS, account: { channel: 'mastodon', config: { instanceUrl: mastodon.url, accessToken: mastodon.token } } });
    const { statementId } = await invoke(a.core, 'composer:replyToMention', { workspaceId: WS, mentionId: onA, incidentId: INCIDENT, person: 'Camille' });
    await waitFor(async () => (await invoke(b.core, 'composer:responses', { workspaceId: WS, states: ['replying'] })).items.length === 1, 10_000, 'replying on B');
    const draft = await invoke(a.core, 'composer:get', { workspaceId: WS, statementId });
    const edited = await invoke(a.core, 'composer:update', {
      workspaceId: WS,
      statementId,
      expectedRevision: draft.statement.revision,
      patch: { textEn: 'No card data was exposed; our teams checked it at 10:30. Next update at 14:00.', channels: ['mastodon'] },
      author: 'Camille',
    });
    for (const [person, role] of [['Alice', 'crisisLead'], ['Bruno', 'legal']] as const) {
      await invoke(a.core, 'composer:approve', { workspaceId: WS, statementId, approver: { person, role }, contentHash: edited.statement.contentHash });
    }
    await invoke(a.core, 'composer:queue', { workspaceId: WS, statementId, person: 'Camille' });
    await waitFor(async () => (await invoke(b.core, 'composer:responses', { workspaceId: WS, states: ['answered'] })).items.length === 1, 15_000, 'answered on B');
    const [answered] = (await invoke(b.core, 'composer:responses', { workspaceId: WS, states: ['answered'] })).items;
    expect(answered).toMatchObject({ mentionId: onB, statementId, handledBy: 'Alice', state: 'answered' });
    expect(mastodon.statuses).toHaveLength(1);

    await invoke(b.core, 'composer:assignResponse', { workspaceId: WS, mentionId: onB, role: 'legal' });
    await waitFor(async () => (await invoke(a.core, 'composer:responses', { workspaceId: WS, states: ['answered'] })).items[0]?.assignedRole === 'legal', 10_000, 'assignment on A');

    // Mallory writes into Bob's document an assignment that would come last by clock, signed with a key of her own.
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged: SharedOp = {
      id: randomUUID(),
      key: `url:${URL}`,
      kind: 'assign',
      device: b.context.deviceId,
      hlc: '999999999999999.000000',
      at: new Date().toISOString(),
      by: 'Mallory',
      data: JSON.stringify({ reason: 'question', role: 'mallory' }),
      signature: '',
    };
    forged.signature = sign(null, Buffer.from(JSON.stringify(['tocsin-shared-op-v1', 'responses', forged.id, forged.key, forged.kind, forged.device, forged.hlc, forged.at, forged.by, forged.data])), privateKey).toString('base64');
    const bobs = await cell.repo.find<{ ops: Record<string, SharedOp> }>(cell.documents.get(b.context.deviceId)!);
    // The test cell's laptops share one repo: every laptop reads the change as it is made.
    bobs.change((doc) => {
      doc.ops[forged.id] = forged;
    });
    await new Promise((r) => setTimeout(r, 200));
    for (const core of [a.core, b.core]) {
      expect((await invoke(core, 'composer:responses', { workspaceId: WS, states: ['answered'] })).items).toMatchObject([{ state: 'answered', handledBy: 'Alice', assignedRole: 'legal' }]);
    }
  });
});
