// Feed conformance over the third-party corpora in ../shared/data (see FEEDS-README.md): well-formed feeds
// parse, ill-formed ones never crash, feedparser's simple expectations hold at an asserted rate, and no
// hostile HTML survives sanitising. Prints the counts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../../../../src/main/features/sources/connectors/rss/decodeFeedBytes';
import type { FeedEntry, ParsedFeed } from '../../../../../../src/main/features/sources/connectors/rss/feedEntry';
import { FeedParseError, parseFeedText } from '../../../../../../src/main/features/sources/connectors/rss/parseFeed';
import { sanitizeMarkup, toPlainText } from '../../../../../../src/main/platform/text/plainText';
import { sharedData } from '../../../../../support/paths';

const DATA = sharedData();
const FEEDPARSER = resolve(DATA, 'feedparser-tests');
const VALIDATOR = resolve(DATA, 'feedvalidator-testcases');
const RSS_PARSER = resolve(DATA, 'rss-parser-fixtures');

const manifest = (dir: string): string[][] =>
  readFileSync(resolve(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));

/** `Content-type: text/plain; charset=utf-8 | X: y` → the content type, as a server would send it. */
const contentTypeOf = (headers: string | undefined): string | null =>
  headers?.split(' | ').find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '') ?? null;

type Outcome = { feed: ParsedFeed } | { parseError: string } | { crash: unknown };

function read(path: string, contentType: string | null = null): Outcome {
  try {
    return { feed: parseFeedText(decodeFeedBytes(readFileSync(path), contentType)) };
  } catch (error) {
    return error instanceof FeedParseError ? { parseError: error.message } : { crash: error };
  }
}

const isCdf = (path: string): boolean => /(^|\/)cdf[_/]/.test(path);

const fpRows = manifest(FEEDPARSER);

describe('feed conformance (../shared/data corpora)', () => {
  it('parses every well-formed feedparser and feedvalidator document without throwing', () => {
    const wellformed = fpRows.filter(
      ([path, kind, , expect]) => (kind === 'wellformed' || (kind === 'encoding' && expect?.startsWith('not bozo'))) && !isCdf(path ?? ''),
    );
    const failures = wellformed.flatMap(([path, , , , , , headers]) => {
      const outcome = read(resolve(FEEDPARSER, path!), contentTypeOf(headers));
      return 'feed' in outcome ? [] : [`${path}: ${'parseError' in outcome ? outcome.parseError : String(outcome.crash)}`];
    });
    const cdf = fpRows.filter(([path]) => isCdf(path ?? '')).length;
    console.log(`feedparser well-formed: ${wellformed.length - failures.length}/${wellformed.length} parsed (${cdf} obsolete CDF files excluded)`);
    expect(failures).toEqual([]);

    // OPML outlines and validator fragments are not feeds: a clear "not a feed" answer is right for them.
    const mustParse = manifest(VALIDATOR).filter(([, , expectation]) => expectation === 'must-parse');
    let parsed = 0;
    let notAFeed = 0;
    const crashes: string[] = [];
    for (const [path, format] of mustParse) {
      const outcome = read(resolve(VALIDATOR, path!));
      if ('feed' in outcome) parsed++;
      else if ('parseError' in outcome && (format === 'opml' || /not an RSS, Atom or JSON feed/.test(outcome.parseError))) notAFeed++;
      else crashes.push(`${path}: ${'parseError' in outcome ? outcome.parseError : String(outcome.crash)}`);
    }
    console.log(`feedvalidator must-parse: ${parsed} parsed, ${notAFeed} clearly "not a feed" (OPML, fragments), ${crashes.length} errors of ${mustParse.length}`);
    expect(crashes.length).toBeLessThanOrEqual(Math.ceil(mustParse.length * 0.01));
  });

  it('never crashes on ill-formed documents: a clear parse error or a best-effort result', () => {
    const hostile = [
      ...fpRows
        .filter(([path, kind]) => kind === 'illformed' || kind === 'entities' || (kind === 'encoding' && path!.includes('bozo_')))
        .map(([path, , , , , , headers]) => ({ path: resolve(FEEDPARSER, path!), headers })),
      ...manifest(VALIDATOR)
        .filter(([, , expectation]) => expectation === 'not-well-formed')
        .map(([path]) => ({ path: resolve(VALIDATOR, path!), headers: undefined })),
    ];
    const started = performance.now();
    const tally = { parsed: 0, parseError: 0, crash: [] as string[] };
    for (const { path, headers } of hostile) {
      const outcome = read(path, contentTypeOf(headers));
      if ('feed' in outcome) tally.parsed++;
      else if ('parseError' in outcome) tally.parseError++;
      else tally.crash.push(`${path}: ${String(outcome.crash)}`);
    }
    console.log(
      `ill-formed: ${hostile.length} documents → ${tally.parsed} best-effort results, ${tally.parseError} clear parse errors, ${tally.crash.length} crashes, ${Math.round(performance.now() - started)} ms`,
    );
    expect(tally.crash).toEqual([]);
  });

  it('meets feedparser simple field expectations at the asserted rate', () => {
    const field = (feed: ParsedFeed, path: string): string | null | undefined => {
      const entry = (n: string): FeedEntry | undefined => feed.entries[Number(n)];
      const m = /^entries\.(\d+)\.(.+)$/.exec(path);
      if (m) {
        const e = entry(m[1]!);
        if (!e) return null;
        switch (m[2]) {
          case 'title':
          case 'title_detail.value':
            return e.title;
          case 'description':
          case 'summary':
          case 'summary_detail.value':
            return e.description ?? e.content;
          case 'content.0.value':
            return e.content;
          case 'link':
            return e.url;
          case 'id':
            return e.id;
          case 'author':
            return e.author;
          default:
            return undefined;
        }
      }
      switch (path) {
        case 'feed.title':
        case 'feed.title_detail.value':
          return feed.title;
        case 'feed.link':
          return feed.url;
        case 'feed.language':
          return feed.language;
        default:
          return undefined;
      }
    };
    let checked = 0;
    let exact = 0;
    let sameText = 0;
    for (const [path, kind, , , simpleField, simpleValue, headers] of fpRows) {
      if (!simpleField || kind === 'illformed' || isCdf(path!)) continue;
      const outcome = read(resolve(FEEDPARSER, path!), contentTypeOf(headers));
      if (!('feed' in outcome)) continue;
      const actual = field(outcome.feed, simpleField);
      if (actual === undefined) continue;
      checked++;
      if ((actual ?? '') === simpleValue) exact++;
      if (toPlainText(actual ?? '') === toPlainText(simpleValue ?? '')) sameText++;
    }
    const rate = sameText / checked;
    console.log(
      `feedparser simple expectations: ${checked} checked on modelled fields; ${exact} exact (${pct(exact / checked)}), ${sameText} equal as plain text (${pct(rate)})`,
    );
    expect(checked).toBeGreaterThan(900);
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });

  it('matches the rss-parser goldens on titles and links, and rejects the unrecognised document clearly', () => {
    let compared = 0;
    let matched = 0;
    for (const [input, golden] of manifest(RSS_PARSER)) {
      const contentType = input === 'input/encoding.rss' ? 'text/xml; charset=latin1' : null;
      const outcome = read(resolve(RSS_PARSER, input!), contentType);
      if (input!.endsWith('unrecognized.rss')) {
        expect(outcome).toEqual({ parseError: 'This is not an RSS, Atom or JSON feed.' });
        continue;
      }
      expect('feed' in outcome, input).toBe(true);
      if (!golden || !('feed' in outcome)) continue;
      const expected = JSON.parse(readFileSync(resolve(RSS_PARSER, golden), input === 'input/encoding.rss' ? 'latin1' : 'utf8')) as {
        feed: { title?: string; items?: { title?: string; link?: string }[] };
      };
      const pairs: [string | null | undefined, string | undefined][] = [[outcome.feed.title, expected.feed.title]];
      (expected.feed.items ?? []).forEach((item, i) => {
        pairs.push([outcome.feed.entries[i]?.title, item.title]);
        pairs.push([outcome.feed.entries[i]?.url, item.link]);
      });
      for (const [actual, wanted] of pairs) {
        if (wanted === undefined) continue;
        compared++;
        if (toPlainText(actual ?? '') === toPlainText(wanted)) matched++;
      }
    }
    console.log(`rss-parser goldens: ${matched}/${compared} titles and links equal (${pct(matched / compared)})`);
    expect(matched / compared).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves no script, event handler or javascript: URL in hostile feeds after sanitising', () => {
    const hostile = fpRows.filter(([path]) => /^wellformed\/sanitize\//.test(path!) && !/\/(acceptable|style)_/.test(path!));
    let fields = 0;
    let dirtyBefore = 0;
    const dirtyAfter: string[] = [];
    for (const [path] of hostile) {
      const outcome = read(resolve(FEEDPARSER, path!));
      expect('feed' in outcome, path).toBe(true);
      if (!('feed' in outcome)) continue;
      const texts = [outcome.feed.title, ...outcome.feed.entries.flatMap((e) => [e.title, e.description, e.content])].filter((t): t is string => !!t);
      for (const html of texts) {
        fields++;
        if (dangers(html).length) dirtyBefore++;
        const found = dangers(sanitizeMarkup(html));
        if (found.length) dirtyAfter.push(`${path}: ${found.join(', ')}`);
      }
    }
    console.log(`sanitising: ${hostile.length} hostile feeds, ${fields} HTML fields, ${dirtyBefore} dangerous as parsed, ${dirtyAfter.length} after sanitize-html`);
    expect(dirtyBefore).toBeGreaterThan(100);
    expect(dirtyAfter).toEqual([]);
  });
});

/** Dangerous markup found by an HTML parser (not a substring test): script elements, on* attributes, javascript: URLs. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>['children']): void => {
    for (const node of nodes) {
      if (node.type === 'script' || ('name' in node && node.name === 'script')) found.push('<script>');
      if ('attribs' in node) {
        for (const [name, value] of Object.entries(node.attribs)) {
          if (/^on/i.test(name)) found.push(`${name}=`);
          if (/^javascript:/i.test(withoutControls(value))) found.push(`javascript: in ${name}`);
        }
      }
      if ('children' in node) walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return found;
}

/** Browsers ignore control characters and spaces inside a URL scheme (`java\tscript:`). */
const withoutControls = (value: string): string => [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');

const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;
