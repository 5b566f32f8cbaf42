// A loopback PDS for publishing: createSession, createRecord (with caller-chosen rkey), getRecord and
// app.bsky.feed.getPosts (for posts of others being answered), with optional failure injection; it keeps every
// record it created.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, readBody, verdict, type Chaos } from './publishChaos';
import { restartableServer, type Restartable } from './loopbackServer';

export interface FakeRecord {
  readonly rkey: string;
  readonly uri: string;
  readonly cid: string;
  readonly value: { text: string; langs?: string[]; createdAt: string; reply?: unknown; facets?: unknown[] };
}

export interface FakeBluesky extends Restartable {
  readonly records: FakeRecord[];
  readonly identifier: string;
  readonly password: string;
  chaos: Chaos | undefined;
  sessionsCreated: number;
  sessionsRefreshed: number;
  /** Every access token handed out so far stops working, as after their lifetime; with `refresh`, refresh tokens too. */
  expireAccessTokens(refresh?: boolean): void;
  /** Posts of other accounts the AppView knows, by at:// URI: their cid and, for replies, their thread's root. */
  readonly others: Map<string, { cid: string; root?: { uri: string; cid: string } }>;
}

const DID = 'did:plc:tocsintestcell';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export async function startFakeBluesky(options: { startUp?: boolean } = {}): Promise<FakeBluesky> {
  const identifier = 'cell.test';
  const password = 'app-pass-word-test';
  const records: FakeRecord[] = [];
  const byKey = new Map<string, FakeRecord>();
  const tokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const others = new Map<string, { cid: string; root?: { uri: string; cid: string } }>();
  const fake = {} as FakeBluesky;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const v = verdict(fake.chaos);
    if (v === 'dropBefore') {
      req.socket.destroy();
      return;
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.server.createSession') {
        const body = JSON.parse(await readBody(req)) as { identifier?: string; password?: string };
        if (body.identifier !== identifier || body.password !== password) {
          return answer(res, v, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
        }
        fake.sessionsCreated += 1;
        const token = `jwt-${fake.sessionsCreated}`;
        tokens.add(token);
        refreshTokens.add(`r${token}`);
        return answer(res, v, 200, { accessJwt: token, refreshJwt: `r${token}`, did: DID, handle: identifier });
      }
      if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.server.refreshSession') {
        const refresh = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!refreshTokens.delete(refresh)) return answer(res, v, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
        fake.sessionsRefreshed += 1;
        const token = `jwt-refreshed-${fake.sessionsRefreshed}`;
        tokens.add(token);
        refreshTokens.add(`r${token}`);
        return answer(res, v, 200, { accessJwt: token, refreshJwt: `r${token}`, did: DID, handle: identifier });
      }
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!tokens.has(token)) return answer(res, v, 400, { error: 'ExpiredToken', message: 'Token has expired' });
      if (req.method === 'GET' && url.pathname === '/xrpc/app.bsky.feed.getPosts') {
        const posts = url.searchParams.getAll('uris').flatMap((uri) => {
          const post = others.get(uri);
          return post ? [{ uri, cid: post.cid, record: { text: '…', ...(post.root ? { reply: { root: post.root, parent: post.root } } : {}) } }] : [];
        });
        return answer(res, v, 200, { posts });
      }
      if (req.method === 'GET' && url.pathname === '/xrpc/com.atproto.repo.getRecord') {
        const rec = byKey.get(url.searchParams.get('rkey') ?? '');
        if (!rec || url.searchParams.get('repo') !== DID) return answer(res, v, 400, { error: 'RecordNotFound', message: 'Could not locate record' });
        return answer(res, v, 200, { uri: rec.uri, cid: rec.cid, value: rec.value });
      }
      if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.repo.createRecord') {
        const body = JSON.parse(await readBody(req)) as { repo?: string; collection?: string; rkey?: string; record?: FakeRecord['value'] };
        if (body.repo !== DID || body.collection !== 'app.bsky.feed.post' || !body.record?.text) {
          return answer(res, v, 400, { error: 'InvalidRequest', message: 'Invalid repo, collection or record' });
        }
        if (!body.rkey || !TID.test(body.rkey)) return answer(res, v, 400, { error: 'InvalidRequest', message: 'Invalid record key' });
        if ([...new Intl.Segmenter().segment(body.record.text)].length > 300) {
          return answer(res, v, 400, { error: 'InvalidRequest', message: 'Record/text must not be longer than 300 graphemes' });
        }
        if (byKey.has(body.rkey)) return answer(res, v, 400, { error: 'InvalidRequest', message: 'Record already exists' });
        const cid = `bafy${createHash('sha256').update(JSON.stringify(body.record)).digest('hex').slice(0, 40)}`;
        const rec: FakeRecord = { rkey: body.rkey, uri: `at://${DID}/app.bsky.feed.post/${body.rkey}`, cid, value: body.record };
        records.push(rec);
        byKey.set(body.rkey, rec);
        return answer(res, v, 200, { uri: rec.uri, cid: rec.cid, commit: { cid: 'bafycommit', rev: '1' } });
      }
      return answer(res, v, 404, { error: 'MethodNotImplemented' });
    })().catch(() => res.socket?.destroy());
  };
  const server = await restartableServer(handler, options.startUp ?? true);
  return Object.assign(fake, server, {
    records,
    identifier,
    password,
    chaos: undefined,
    sessionsCreated: 0,
    sessionsRefreshed: 0,
    others,
    expireAccessTokens: (refresh = false) => {
      tokens.clear();
      if (refresh) refreshTokens.clear();
    },
  });
}
