// A loopback PDS for publishing: createSession, refreshSession, createRecord (with caller-chosen rkey),
// getRecord, resolveHandle and app.bsky.feed.getPosts, with optional failure injection; it keeps every record it
// created. Where it answers, it answers as the reference PDS (@atproto/pds) does: records are validated with
// the official lexicons (300 graphemes, 3,000 bytes, reply refs with cid, valid DIDs and datetimes) and refused
// with 400 InvalidRequest "Invalid app.bsky.feed.post record: …"; a record key already taken is a bare 500
// InternalServerError; a rate-limited write is a 429 RateLimitExceeded with RateLimit-* headers (reset in epoch
// seconds); and, like a PDS without an AppView, getPosts answers 502 UpstreamFailure unless `appView` is set.
// One check goes further than the reference: facets must cover what they claim (a link's bytes are its URI, a
// mention's "@handle", a tag's "#tag"); the reference stores such a record and the app then links the wrong text.
import { lexicons } from '@atproto/api';
import { createHash } from 'node:crypto';
import { answer, chaosHandler, readBody, type Chaos } from './publishChaos';
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
  readonly did: string;
  chaos: Chaos | undefined;
  sessionsCreated: number;
  sessionsRefreshed: number;
  /** Every access token handed out so far stops working, as after their lifetime; with `refresh`, refresh tokens too. */
  expireAccessTokens(refresh?: boolean): void;
  /** The app password is revoked: its refresh tokens die at once, and it no longer opens a session. */
  revokeAppPassword(): void;
  /** Posts of other accounts hosted here, by at:// URI: their cid and, for replies, their thread's root. */
  readonly others: Map<string, { cid: string; root?: { uri: string; cid: string } }>;
  /** Handles this PDS resolves (com.atproto.identity.resolveHandle), to their DIDs. */
  readonly handles: Map<string, string>;
  /** Whether an AppView answers app.bsky.feed.* (a lone PDS answers 502 UpstreamFailure). */
  appView: boolean;
  /** Record writes left in the current rate-limit window; at 0 writes are refused with 429 until `resetAt`. */
  writesRemaining: number;
  /** When the write window resets, in epoch seconds (RateLimit-Reset). */
  resetAt: number;
  /** Every createRecord answer, in order: status and the RateLimit-* headers sent with it. */
  readonly writes: { status: number; headers: Record<string, string> }[];
}

const DID = 'did:plc:tocsintestcell';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const WRITE_LIMIT = 5000;
const WRITE_WINDOW_S = 3600;

/** A CIDv1 (dag-cbor, sha2-256) in base32, as the lexicon's cid format requires. */
export function cidFor(content: string): string {
  const bytes = Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), createHash('sha256').update(content).digest()]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = 'b';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** What the record's facets claim against the text's UTF-8 bytes; the first mismatch, or undefined. */
function facetMismatch(text: string, facets: unknown[] | undefined): string | undefined {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [i, facet] of (facets ?? []).entries()) {
    const f = facet as { index: { byteStart: number; byteEnd: number }; features: { $type: string; uri?: string; tag?: string }[] };
    const { byteStart, byteEnd } = f.index;
    if (byteEnd > bytes.length || byteStart >= byteEnd) return `facets/${i} is outside the text`;
    let covered: string;
    try {
      covered = decoder.decode(bytes.slice(byteStart, byteEnd));
    } catch {
      return `facets/${i} cuts a character`;
    }
    for (const feature of f.features) {
      if (feature.$type === 'app.bsky.richtext.facet#link' && !(feature.uri === covered || feature.uri === `https://${covered}`)) return `facets/${i} covers "${covered}", not its link`;
      if (feature.$type === 'app.bsky.richtext.facet#tag' && covered.slice(1) !== feature.tag) return `facets/${i} covers "${covered}", not its tag`;
      if (feature.$type === 'app.bsky.richtext.facet#mention' && !covered.startsWith('@')) return `facets/${i} covers "${covered}", not a mention`;
    }
  }
  return undefined;
}

export async function startFakeBluesky(options: { startUp?: boolean } = {}): Promise<FakeBluesky> {
  const identifier = 'cell.test';
  const password = 'app-pass-word-test';
  const records: FakeRecord[] = [];
  const byKey = new Map<string, FakeRecord>();
  const tokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const others = new Map<string, { cid: string; root?: { uri: string; cid: string } }>();
  const handles = new Map<string, string>([
    [identifier, DID],
    ['critic.test', 'did:plc:critictestaccount'],
    ['journaliste.test', 'did:plc:journalistetest'],
  ]);
  let revoked = false;
  const fake = {} as FakeBluesky;

  const writeHeaders = (): Record<string, string> => ({
    'RateLimit-Limit': String(WRITE_LIMIT),
    'RateLimit-Remaining': String(Math.max(0, fake.writesRemaining)),
    'RateLimit-Reset': String(fake.resetAt),
    'RateLimit-Policy': `${WRITE_LIMIT};w=${WRITE_WINDOW_S}`,
  });

  const handler = chaosHandler(() => fake.chaos, async (req, res, v, url) => {
    if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.server.createSession') {
      const body = JSON.parse(await readBody(req)) as { identifier?: string; password?: string };
      if (body.identifier !== identifier || body.password !== password || revoked) {
        return answer(res, v, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      }
      fake.sessionsCreated += 1;
      const token = `jwt-${fake.sessionsCreated}`;
      tokens.add(token);
      refreshTokens.add(`r${token}`);
      return answer(res, v, 200, { accessJwt: token, refreshJwt: `r${token}`, did: DID, handle: identifier, active: true });
    }
    if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.server.refreshSession') {
      const refresh = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!refreshTokens.delete(refresh)) return answer(res, v, 400, { error: 'ExpiredToken', message: 'Token has been revoked' });
      fake.sessionsRefreshed += 1;
      const token = `jwt-refreshed-${fake.sessionsRefreshed}`;
      tokens.add(token);
      refreshTokens.add(`r${token}`);
      return answer(res, v, 200, { accessJwt: token, refreshJwt: `r${token}`, did: DID, handle: identifier, active: true });
    }
    if (req.method === 'GET' && url.pathname === '/xrpc/com.atproto.identity.resolveHandle') {
      const did = handles.get((url.searchParams.get('handle') ?? '').toLowerCase());
      return did ? answer(res, v, 200, { did }) : answer(res, v, 400, { error: 'InvalidRequest', message: 'Unable to resolve handle' });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!token) return answer(res, v, 401, { error: 'AuthMissing', message: 'Authentication Required' });
    if (!tokens.has(token)) return answer(res, v, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    if (req.method === 'GET' && url.pathname === '/xrpc/app.bsky.feed.getPosts') {
      if (!fake.appView) return answer(res, v, 502, { error: 'UpstreamFailure', message: 'Upstream Failure' });
      const posts = url.searchParams.getAll('uris').flatMap((uri) => {
        const post = others.get(uri);
        return post ? [{ uri, cid: post.cid, record: { text: '…', ...(post.root ? { reply: { root: post.root, parent: post.root } } : {}) } }] : [];
      });
      return answer(res, v, 200, { posts });
    }
    if (req.method === 'GET' && url.pathname === '/xrpc/com.atproto.repo.getRecord') {
      const repo = url.searchParams.get('repo') ?? '';
      const rkey = url.searchParams.get('rkey') ?? '';
      const uri = `at://${repo}/${url.searchParams.get('collection')}/${rkey}`;
      if (repo === DID || repo === identifier) {
        const rec = byKey.get(rkey);
        if (!rec) return answer(res, v, 400, { error: 'RecordNotFound', message: `Could not locate record: ${uri}` });
        return answer(res, v, 200, { uri: rec.uri, cid: rec.cid, value: rec.value });
      }
      const hosted = [...others.keys()].some((u) => u.startsWith(`at://${repo}/`));
      if (!hosted) return answer(res, v, 400, { error: 'InvalidRequest', message: 'Could not locate record' });
      const other = others.get(uri);
      if (!other) return answer(res, v, 400, { error: 'RecordNotFound', message: `Could not locate record: ${uri}` });
      const value = { $type: 'app.bsky.feed.post', text: '…', createdAt: '2026-11-21T09:00:00.000Z', ...(other.root ? { reply: { root: other.root, parent: other.root } } : {}) };
      return answer(res, v, 200, { uri, cid: other.cid, value });
    }
    if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.repo.createRecord') {
      const body = JSON.parse(await readBody(req)) as { repo?: string; collection?: string; rkey?: string; record?: FakeRecord['value'] & { $type?: string } };
      const refuse = (status: number, payload: unknown): void => {
        fake.writes.push({ status, headers: writeHeaders() });
        answer(res, v, status, payload, writeHeaders());
      };
      if (Date.now() / 1000 >= fake.resetAt) {
        fake.writesRemaining = WRITE_LIMIT;
        fake.resetAt = Math.ceil(Date.now() / 1000) + WRITE_WINDOW_S;
      }
      if (fake.writesRemaining <= 0) return refuse(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' });
      fake.writesRemaining -= 1;
      if (body.repo !== DID && body.repo !== identifier) return refuse(400, { error: 'InvalidRequest', message: 'Invalid repo' });
      if (body.collection !== 'app.bsky.feed.post') return refuse(400, { error: 'InvalidRequest', message: 'Invalid collection' });
      if (!body.rkey || !TID.test(body.rkey)) return refuse(400, { error: 'InvalidRequest', message: 'Invalid record key' });
      // Valid by the lexicon, the record has its text and createdAt.
      const record = { $type: body.collection, ...body.record } as FakeRecord['value'] & { $type: string };
      try {
        lexicons.assertValidRecord(body.collection, record);
      } catch (error) {
        return refuse(400, { error: 'InvalidRequest', message: `Invalid ${body.collection} record: ${(error as Error).message}` });
      }
      const mismatch = facetMismatch(record.text, record.facets);
      if (mismatch) return refuse(400, { error: 'InvalidRequest', message: `Invalid ${body.collection} record: Record/${mismatch}` });
      // The repository refuses a key it already holds; the XRPC layer hides why from the caller.
      if (byKey.has(body.rkey)) return refuse(500, { error: 'InternalServerError', message: 'Internal Server Error' });
      const cid = cidFor(JSON.stringify(record));
      const rec: FakeRecord = { rkey: body.rkey, uri: `at://${DID}/app.bsky.feed.post/${body.rkey}`, cid, value: record };
      records.push(rec);
      byKey.set(body.rkey, rec);
      fake.writes.push({ status: 200, headers: writeHeaders() });
      return answer(res, v, 200, { uri: rec.uri, cid: rec.cid, commit: { cid: cidFor(`commit ${body.rkey}`), rev: body.rkey }, validationStatus: 'valid' }, writeHeaders());
    }
    return answer(res, v, 404, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  });
  const server = await restartableServer(handler, options.startUp ?? true);
  return Object.assign(fake, server, {
    records,
    identifier,
    password,
    did: DID,
    chaos: undefined,
    sessionsCreated: 0,
    sessionsRefreshed: 0,
    others,
    handles,
    appView: false,
    writesRemaining: WRITE_LIMIT,
    resetAt: Math.ceil(Date.now() / 1000) + WRITE_WINDOW_S,
    writes: [],
    expireAccessTokens: (refresh = false) => {
      tokens.clear();
      if (refresh) refreshTokens.clear();
    },
    revokeAppPassword: () => {
      revoked = true;
      refreshTokens.clear();
    },
  });
}
