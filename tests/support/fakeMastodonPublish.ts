// A loopback Mastodon that accepts statuses (POST /api/v1/statuses), lists the account's statuses and
// resolves other instances' statuses by URI (GET /api/v2/search?resolve=true), with optional failure
// injection; it counts every status it created, duplicates included. Where it answers, it answers as Mastodon
// does: the status length counted as Mastodon counts it (a link is 23, @user@domain is @user), an
// Idempotency-Key remembered one hour, 422 and 429 bodies, X-RateLimit-* headers, mentions rewritten to the
// account's acct and rendered as Mastodon's TextFormatter renders them (a remote mention shows as @user).
import { answer, chaosHandler, readBody, type Chaos } from './publishChaos';
import { restartableServer, type Restartable } from './loopbackServer';

export interface FakeStatus {
  readonly id: string;
  /** The status text as the instance stores it (mentions rewritten to the account's acct). */
  readonly text: string;
  readonly inReplyToId: string | null;
  readonly language: string | null;
  readonly createdAt: string;
  readonly mentions: readonly FakeAccount[];
}

export interface FakeAccount {
  readonly id: string;
  readonly username: string;
  /** null for the instance's own accounts. */
  readonly domain: string | null;
}

export interface FakeMastodon extends Restartable {
  readonly token: string;
  readonly statuses: FakeStatus[];
  chaos: Chaos | undefined;
  /** How long an Idempotency-Key is remembered: Mastodon keeps it one hour; 0 models an outage longer than that. */
  idempotencyWindowMs: number;
  /** The instance's character limit (500 unless the instance raised it). */
  maxCharacters: number;
  /** Statuses the account may still post in this window (Mastodon: 300 every 3 hours); at 0 it answers 429. */
  postsRemaining: number;
  /** Moves the instance's clock forward (idempotency keys and rate-limit windows age with it). */
  advance(ms: number): void;
  /** Statuses of other instances this one can resolve, by ActivityPub URI, with the local id it gives them. */
  readonly remote: Map<string, string>;
  /** Accounts a mention can resolve to: the instance's own, and remote ones it already knows. */
  readonly accounts: FakeAccount[];
  readonly localDomain: string;
}

const LOCAL_DOMAIN = 'social.cell.example';
const POSTS_PER_WINDOW = 300;
const POST_WINDOW_MS = 3 * 3600_000;
const HOUR_MS = 3600_000;

// Mastodon's Account::MENTION_RE, Tag::HASHTAG_RE and a protocol-bearing link, as its extractor finds them.
const WORD = '\\p{L}\\p{M}\\p{N}\\p{Pc}';
const MENTION = new RegExp(`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([${WORD}]+(?:[.-]+[${WORD}]+)*))?`, 'giu');
const HASHTAG = /(?<![=/)\p{L}\p{N}])#([\p{L}\p{M}\p{N}_·]*[\p{L}\p{M}_·][\p{L}\p{M}\p{N}_·]*)/giu;
const LINK = /https?:\/\/[^\s<>"]+/giu;

interface Entity {
  readonly start: number;
  readonly end: number;
  readonly html: (accounts: readonly FakeAccount[]) => string;
  readonly counted: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A link ends before trailing punctuation, and before a closing parenthesis it did not open. */
function trimLink(link: string): string {
  let u = link;
  for (;;) {
    if (/[.,;:!?'"»]$/u.test(u)) u = u.slice(0, -1);
    else if (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1);
    else return u;
  }
}

export async function startFakeMastodon(options: { startUp?: boolean; token?: string } = {}): Promise<FakeMastodon> {
  const token = options.token ?? 'mastodon-test-token';
  const statuses: FakeStatus[] = [];
  const byKey = new Map<string, { status: FakeStatus; at: number }>();
  const remote = new Map<string, string>();
  const accounts: FakeAccount[] = [
    { id: '1', username: 'cell', domain: null },
    { id: '2', username: 'camille', domain: null },
    { id: '3', username: 'alex', domain: null },
    { id: '101', username: 'support', domain: 'mastodon.social' },
    { id: '102', username: 'Lea_M', domain: 'piaille.fr' },
    { id: '103', username: 'alex', domain: 'two.example' },
  ];
  let skew = 0;
  let windowStart = Date.now();
  const now = (): number => Date.now() + skew;
  const fake = {} as FakeMastodon;
  const me = accounts[0]!;

  const acctOf = (a: FakeAccount): string => (a.domain ? `${a.username}@${a.domain}` : a.username);
  const accountUrl = (a: FakeAccount): string => (a.domain ? `https://${a.domain}/@${a.username}` : `${fake.url}/@${a.username}`);
  const find = (username: string, domain: string | undefined): FakeAccount | undefined => {
    const d = domain === undefined || domain.toLowerCase() === LOCAL_DOMAIN ? null : domain.toLowerCase();
    return accounts.find((a) => a.username.toLowerCase() === username.toLowerCase() && (a.domain?.toLowerCase() ?? null) === d);
  };

  function entities(text: string): Entity[] {
    const found: Entity[] = [];
    for (const m of text.matchAll(LINK)) {
      const link = trimLink(m[0]);
      found.push({ start: m.index, end: m.index + link.length, counted: 'x'.repeat(23), html: () => shortenedLink(link) });
    }
    for (const m of text.matchAll(MENTION)) {
      const [whole, username, domain] = m as unknown as [string, string, string | undefined];
      found.push({ start: m.index, end: m.index + whole.length, counted: `@${username}`, html: (preloaded) => mentionHtml(whole, username, domain, preloaded) });
    }
    for (const m of text.matchAll(HASHTAG)) {
      const name = m[1]!;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        counted: m[0],
        html: () => `<a href="${escapeHtml(`${fake.url}/tags/${name.toLowerCase()}`)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`,
      });
    }
    // As Extractor.remove_overlapping_entities: by start, an entity inside an earlier one is dropped.
    found.sort((a, b) => a.start - b.start);
    const kept: Entity[] = [];
    for (const e of found) if (kept.length === 0 || e.start >= kept.at(-1)!.end) kept.push(e);
    return kept;
  }

  function shortenedLink(link: string): string {
    const prefix = /^(https?:\/\/(?:www\.)?)/iu.exec(link)?.[1] ?? '';
    const rest = link.slice(prefix.length);
    const shown = rest.slice(0, 30);
    return `<a href="${escapeHtml(link)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeHtml(prefix)}</span><span class="${rest.length > 30 ? 'ellipsis' : ''}">${escapeHtml(shown)}</span><span class="invisible">${escapeHtml(rest.slice(30))}</span></a>`;
  }

  /** TextFormatter#link_to_mention: @username, or @user@domain when another preloaded account shares the username. */
  function mentionHtml(whole: string, username: string, domain: string | undefined, preloaded: readonly FakeAccount[]): string {
    const wantedDomain = domain === undefined || domain.toLowerCase() === LOCAL_DOMAIN ? null : domain.toLowerCase();
    let account: FakeAccount | undefined;
    let sameUsernameHits = 0;
    for (const other of preloaded) {
      if (other.username.toLowerCase() !== username.toLowerCase()) continue;
      if ((other.domain?.toLowerCase() ?? null) === wantedDomain) account = other;
      else sameUsernameHits += 1;
    }
    if (!account) return escapeHtml(whole);
    const shown = sameUsernameHits > 0 ? acctOf(account) : account.username;
    return `<span class="h-card" translate="no"><a href="${escapeHtml(accountUrl(account))}" class="u-url mention">@<span>${escapeHtml(shown)}</span></a></span>`;
  }

  /** The text with entities rendered, then simple_format: blank lines make paragraphs, a line break <br />. */
  function render(status: FakeStatus): string {
    const preloaded = [me, ...status.mentions];
    let html = '';
    let at = 0;
    for (const e of entities(status.text)) {
      html += escapeHtml(status.text.slice(at, e.start)) + e.html(preloaded);
      at = e.end;
    }
    html += escapeHtml(status.text.slice(at));
    return html
      .split(/\n\s*\n/u)
      .map((p) => `<p>${p.replace(/\n/g, '<br />')}</p>`)
      .join('');
  }

  /** StatusLengthValidator: graphemes of the text with each link counted 23 and each mention as @username. */
  function countedLength(text: string): number {
    let countable = '';
    let at = 0;
    for (const e of entities(text)) {
      countable += text.slice(at, e.start) + e.counted;
      at = e.end;
    }
    countable += text.slice(at);
    return [...new Intl.Segmenter().segment(countable)].length;
  }

  /** ProcessMentionsService: a mention of a known account is rewritten to its acct and recorded. */
  function processMentions(text: string): { text: string; mentions: FakeAccount[] } {
    const mentions: FakeAccount[] = [];
    const rewritten = text.replace(MENTION, (whole, username: string, domain: string | undefined) => {
      const account = find(username, domain);
      if (!account) return whole;
      if (!mentions.includes(account)) mentions.push(account);
      return `@${acctOf(account)}`;
    });
    return { text: rewritten, mentions };
  }

  const view = (s: FakeStatus) => ({
    id: s.id,
    url: `${fake.url}/@cell/${s.id}`,
    uri: `${fake.url}/users/cell/statuses/${s.id}`,
    created_at: s.createdAt,
    in_reply_to_id: s.inReplyToId,
    language: s.language,
    content: render(s),
    mentions: s.mentions.map((a) => ({ id: a.id, username: a.username, url: accountUrl(a), acct: acctOf(a) })),
    tags: [...s.text.matchAll(HASHTAG)].map((m) => ({ name: m[1]!.toLowerCase(), url: `${fake.url}/tags/${m[1]!.toLowerCase()}` })),
  });

  const rateHeaders = (): Record<string, string> => {
    if (now() - windowStart >= POST_WINDOW_MS) {
      windowStart = now();
      fake.postsRemaining = POSTS_PER_WINDOW;
    }
    return {
      'X-RateLimit-Limit': String(POSTS_PER_WINDOW),
      'X-RateLimit-Remaining': String(Math.max(0, fake.postsRemaining)),
      'X-RateLimit-Reset': new Date(windowStart + POST_WINDOW_MS).toISOString(),
    };
  };

  const handler = chaosHandler(() => fake.chaos, async (req, res, v, url) => {
    const rate = rateHeaders();
    if (req.headers.authorization !== `Bearer ${token}`) return answer(res, v, 401, { error: 'The access token is invalid' }, rate);
    if (req.method === 'GET' && url.pathname === '/api/v1/accounts/verify_credentials') {
      return answer(res, v, 200, { id: me.id, username: me.username, acct: me.username, url: accountUrl(me) }, rate);
    }
    if (req.method === 'GET' && url.pathname === '/api/v2/search') {
      const id = url.searchParams.get('resolve') === 'true' && url.searchParams.get('type') === 'statuses' ? remote.get(url.searchParams.get('q') ?? '') : undefined;
      const found = id ? [{ id, uri: url.searchParams.get('q'), url: url.searchParams.get('q'), created_at: new Date(now()).toISOString(), content: '<p>…</p>' }] : [];
      return answer(res, v, 200, { accounts: [], statuses: found, hashtags: [] }, rate);
    }
    if (req.method === 'GET' && url.pathname === `/api/v1/accounts/${me.id}/statuses`) {
      const limit = Math.min(40, Number(url.searchParams.get('limit') ?? 20));
      const maxId = url.searchParams.get('max_id');
      const newestFirst = [...statuses].reverse().filter((s) => maxId === null || Number(s.id) < Number(maxId));
      return answer(res, v, 200, newestFirst.slice(0, limit).map(view), rate);
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
      const body = JSON.parse(await readBody(req)) as { status?: string; in_reply_to_id?: string; language?: string };
      const key = req.headers['idempotency-key'];
      const known = typeof key === 'string' ? byKey.get(key) : undefined;
      if (known && now() - known.at < fake.idempotencyWindowMs) return answer(res, v, 200, view(known.status), rate);
      if (fake.postsRemaining <= 0) return answer(res, v, 429, { error: 'Too many requests' }, rate);
      // Status#prepare_contents strips the text before validation.
      const text = (body.status ?? '').trim();
      if (text === '') return answer(res, v, 422, { error: "Validation failed: Text can't be blank" }, rate);
      if (countedLength(text) > fake.maxCharacters) {
        return answer(res, v, 422, { error: `Validation failed: Text character limit of ${fake.maxCharacters} exceeded` }, rate);
      }
      fake.postsRemaining -= 1;
      const processed = processMentions(text);
      const status: FakeStatus = {
        id: String(statuses.length + 1),
        text: processed.text,
        mentions: processed.mentions,
        inReplyToId: body.in_reply_to_id ?? null,
        language: body.language ?? null,
        createdAt: new Date(now()).toISOString(),
      };
      statuses.push(status);
      if (typeof key === 'string') byKey.set(key, { status, at: now() });
      return answer(res, v, 200, view(status), { ...rate, 'X-RateLimit-Remaining': String(fake.postsRemaining) });
    }
    return answer(res, v, 404, { error: 'Record not found' }, rate);
  });
  const server = await restartableServer(handler, options.startUp ?? true);
  return Object.assign(fake, server, {
    token,
    statuses,
    chaos: undefined,
    idempotencyWindowMs: HOUR_MS,
    maxCharacters: 500,
    postsRemaining: POSTS_PER_WINDOW,
    advance: (ms: number) => {
      skew += ms;
    },
    remote,
    accounts,
    localDomain: LOCAL_DOMAIN,
  });
}
