// A loopback Mastodon that accepts statuses (POST /api/v1/statuses), lists the account's statuses and
// resolves other instances' statuses by URI (GET /api/v2/search?resolve=true), with optional failure
// injection; it counts every status it created, duplicates included.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, readBody, verdict, type Chaos } from './publishChaos';
import { restartableServer, type Restartable } from './loopbackServer';

export interface FakeStatus {
  readonly id: string;
  readonly text: string;
  readonly inReplyToId: string | null;
  readonly language: string | null;
  readonly createdAt: string;
}

export interface FakeMastodon extends Restartable {
  readonly token: string;
  readonly statuses: FakeStatus[];
  chaos: Chaos | undefined;
  /** Real Mastodon keeps idempotency keys one hour; off, the server behaves as after a long outage. */
  honourIdempotency: boolean;
  /** Statuses of other instances this one can resolve, by ActivityPub URI, with the local id it gives them. */
  readonly remote: Map<string, string>;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export async function startFakeMastodon(options: { startUp?: boolean; token?: string } = {}): Promise<FakeMastodon> {
  const token = options.token ?? 'mastodon-test-token';
  const statuses: FakeStatus[] = [];
  const byKey = new Map<string, FakeStatus>();
  const remote = new Map<string, string>();
  const fake = {} as FakeMastodon;
  const view = (s: FakeStatus) => ({
    id: s.id,
    url: `${fake.url}/@cell/${s.id}`,
    uri: `${fake.url}/users/cell/statuses/${s.id}`,
    created_at: s.createdAt,
    in_reply_to_id: s.inReplyToId,
    language: s.language,
    content: `<p>${s.text.split(/\n{2,}/).map((p) => escapeHtml(p).replace(/\n/g, '<br />')).join('</p><p>')}</p>`,
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const v = verdict(fake.chaos);
    if (v === 'dropBefore') {
      req.socket.destroy();
      return;
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.headers.authorization !== `Bearer ${token}`) return answer(res, v, 401, { error: 'The access token is invalid' });
      if (req.method === 'GET' && url.pathname === '/api/v1/accounts/verify_credentials') {
        return answer(res, v, 200, { id: '1', username: 'cell', acct: 'cell' });
      }
      if (req.method === 'GET' && url.pathname === '/api/v2/search') {
        const id = url.searchParams.get('resolve') === 'true' && url.searchParams.get('type') === 'statuses' ? remote.get(url.searchParams.get('q') ?? '') : undefined;
        const statuses = id ? [{ id, uri: url.searchParams.get('q'), url: url.searchParams.get('q'), created_at: new Date().toISOString(), content: '<p>…</p>' }] : [];
        return answer(res, v, 200, { accounts: [], statuses, hashtags: [] });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/accounts/1/statuses') {
        const limit = Math.min(40, Number(url.searchParams.get('limit') ?? 20));
        const maxId = url.searchParams.get('max_id');
        const newestFirst = [...statuses].reverse().filter((s) => maxId === null || Number(s.id) < Number(maxId));
        return answer(res, v, 200, newestFirst.slice(0, limit).map(view));
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
        const body = JSON.parse(await readBody(req)) as { status?: string; in_reply_to_id?: string; language?: string };
        if (!body.status || [...new Intl.Segmenter().segment(body.status)].length > 500) {
          return answer(res, v, 422, { error: 'Validation failed: Text character limit of 500 exceeded' });
        }
        const key = req.headers['idempotency-key'];
        const known = typeof key === 'string' && fake.honourIdempotency ? byKey.get(key) : undefined;
        if (known) return answer(res, v, 200, view(known));
        const status: FakeStatus = {
          id: String(statuses.length + 1),
          text: body.status,
          inReplyToId: body.in_reply_to_id ?? null,
          language: body.language ?? null,
          createdAt: new Date().toISOString(),
        };
        statuses.push(status);
        if (typeof key === 'string') byKey.set(key, status);
        return answer(res, v, 200, view(status));
      }
      return answer(res, v, 404, { error: 'Record not found' });
    })().catch(() => res.socket?.destroy());
  };
  const server = await restartableServer(handler, options.startUp ?? true);
  return Object.assign(fake, server, { token, statuses, chaos: undefined, honourIdempotency: true, remote });
}
