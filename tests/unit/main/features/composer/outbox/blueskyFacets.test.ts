// Must show #2 of issue 21: links, mentions and hashtags become facets with UTF-8 byte offsets, checked against
// the rich-text detection of Bluesky's own client library (@atproto/api), and the mimic PDS refuses a record
// whose facet is misplaced or whose reply lacks a cid.
import { RichText } from '@atproto/api';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboundGate } from '../../../../../../src/main/platform/net/outboundGate';
import { detectFacets, facetsOf } from '../../../../../../src/main/features/composer/outbox/blueskyFacets';
import { createBlueskyPublisher } from '../../../../../../src/main/features/composer/outbox/blueskyPublisher';
import type { PublishContext } from '../../../../../../src/main/features/composer/outbox/publisher';
import { startFakeBluesky, type FakeBluesky } from '../../../../../support/fakeBlueskyPublish';
import { statementText } from '../../../../../support/statementTexts';

let pds: FakeBluesky | undefined;
afterEach(async () => {
  await pds?.close();
  pds = undefined;
});

/** Facets as plain comparable data: range, kind and value, in text order. */
function comparable(facets: readonly { index: { byteStart: number; byteEnd: number }; features: readonly object[] }[] | undefined) {
  return (facets ?? [])
    .map((f) => {
      const { $type, ...value } = f.features[0] as { $type: string };
      return { byteStart: f.index.byteStart, byteEnd: f.index.byteEnd, kind: $type.replace('app.bsky.richtext.facet#', ''), value: JSON.stringify(value) };
    })
    // Cashtags ($ACME) are a newer kind of tag Tocsin does not write.
    .filter((f) => !(f.kind === 'tag' && f.value.startsWith('{"tag":"$')))
    .sort((a, b) => a.byteStart - b.byteStart || a.kind.localeCompare(b.kind));
}

const context = (p: FakeBluesky, text: string, extra: Partial<PublishContext> = {}): PublishContext => ({
  gate: createOutboundGate(),
  account: { serviceUrl: p.url, identifier: p.identifier, appPassword: p.password },
  text,
  language: 'fr',
  key: `key-${text.length}`,
  partIndex: 0,
  queuedAt: '2026-11-22T04:00:00.000Z',
  sentAt: '2026-11-22T06:00:00.000Z',
  root: undefined,
  parent: undefined,
  timeoutMs: 5_000,
  purpose: 'test',
  ...extra,
});

async function createRecord(p: FakeBluesky, record: Record<string, unknown>): Promise<{ status: number; body: { error?: string; message?: string } }> {
  const session = (await (
    await fetch(`${p.url}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: p.identifier, password: p.password }),
    })
  ).json()) as { accessJwt: string };
  const response = await fetch(`${p.url}/xrpc/com.atproto.repo.createRecord`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessJwt}` },
    body: JSON.stringify({ repo: p.did, collection: 'app.bsky.feed.post', rkey: '3l4abcdefghij', record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), ...record } }),
  });
  return { status: response.status, body: (await response.json()) as { error?: string; message?: string } };
}

describe('Bluesky facets', () => {
  it('publishes a link, a hashtag and a mention as three facets, the mention with the account’s DID, as @atproto/api would', async () => {
    pds = await startFakeBluesky();
    const text = 'Nous sommes désolés 🙏 : détails sur https://acme.example/fr/incident, suivez #TestCrise ; merci @critic.test.';
    await createBlueskyPublisher().post(context(pds, text));
    const record = pds.records[0]!;
    const facets = record.value.facets as { index: { byteStart: number; byteEnd: number }; features: { $type: string; did?: string }[] }[];
    expect(facets).toHaveLength(3);
    const bytes = new TextEncoder().encode(text);
    const covered = facets.map((f) => new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd)));
    expect(covered).toEqual(['https://acme.example/fr/incident', '#TestCrise', '@critic.test']);
    expect(facets[2]!.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:critictestaccount' });

    // The reference: the official client's detection, resolving handles on the same PDS.
    const agent = {
      com: {
        atproto: {
          identity: {
            resolveHandle: async ({ handle }: { handle: string }) => {
              const r = await fetch(`${pds!.url}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`);
              if (!r.ok) throw new Error('unresolved');
              return { data: (await r.json()) as { did: string } };
            },
          },
        },
      },
    };
    const reference = new RichText({ text });
    await reference.detectFacets(agent as never);
    expect(comparable(facets)).toEqual(comparable(reference.facets));
  });

  it('finds the same links, mentions and tags as @atproto/api for any statement text', () => {
    fc.assert(
      fc.property(statementText(60), (text) => {
        const reference = new RichText({ text });
        reference.detectFacetsWithoutResolution();
        const detected = detectFacets(text);
        // Unresolved, the reference puts the handle where the DID goes; so do we, for the comparison.
        const ours = facetsOf(detected, new Map(detected.mentions.map((m) => [m.handle, m.handle])));
        expect(comparable(ours)).toEqual(comparable(reference.facets));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a mention of a handle nobody holds as plain text', async () => {
    pds = await startFakeBluesky();
    await createBlueskyPublisher().post(context(pds, 'Merci @personne.test et @critic.test'));
    const facets = pds.records[0]!.value.facets as { features: { did?: string }[] }[];
    expect(facets.map((f) => f.features[0]!.did)).toEqual(['did:plc:critictestaccount']);
  });

  it('is refused by the mimic PDS when a facet is misplaced, a reply has no cid, or the text is too long', async () => {
    pds = await startFakeBluesky();
    const link = { $type: 'app.bsky.richtext.facet#link', uri: 'https://acme.example/fr/incident' };
    const text = 'Détails : https://acme.example/fr/incident';
    // Offsets counted in UTF-16 units instead of UTF-8 bytes: "é" is two bytes.
    const wrong = await createRecord(pds, { text, facets: [{ index: { byteStart: 10, byteEnd: 42 }, features: [link] }] });
    expect(wrong).toEqual({ status: 400, body: { error: 'InvalidRequest', message: expect.stringMatching(/^Invalid app\.bsky\.feed\.post record: Record\/facets\/0/) } });
    const right = await createRecord(pds, { text, facets: [{ index: { byteStart: 11, byteEnd: 43 }, features: [link] }] });
    expect(right.status).toBe(200);

    const root = { uri: `at://${pds.did}/app.bsky.feed.post/3l4abcdefghij` };
    const noCid = await createRecord(pds, { text: 'Suite', reply: { root, parent: root } });
    expect(noCid).toEqual({ status: 400, body: { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/reply/root must have the property "cid"' } });
    const long = await createRecord(pds, { text: 'é'.repeat(301) });
    expect(long.body.message).toBe('Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes');
    const heavy = await createRecord(pds, { text: '👨‍👩‍👧'.repeat(170) });
    expect(heavy.body.message).toBe('Invalid app.bsky.feed.post record: Record/text must not be longer than 3000 characters');
  });
});
