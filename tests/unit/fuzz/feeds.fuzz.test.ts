// Property-based fuzzing of feed parsing and normalisation: real feeds mutated at random, XML-ish noise
// and JSON Feed shapes either become valid mentions or fail with a FeedParseError.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionInputSchema } from '../../../src/shared/domain/mention';
import { feedEntryToMention } from '../../../src/main/features/sources/connectors/rss/feedEntryToMention';
import { FeedParseError, parseFeedText } from '../../../src/main/features/sources/connectors/rss/parseFeed';
import { cleanFailure, FUZZ_RUNS, FuzzTally } from '../../support/fuzz';

const fixtures = resolve('../shared/data/rss-parser-fixtures/input');
const seeds = readdirSync(fixtures)
  .filter((f) => /\.(rss|xml|atom)$/i.test(f))
  .slice(0, 40)
  .map((f) => readFileSync(join(fixtures, f), 'utf8'));

/** A real feed with a slice cut out, a hostile fragment spliced in, or truncated. */
const mutatedFeed = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.nat(),
    fc.nat(),
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<![CDATA[',
      ']]>',
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
      '&b;',
      '<item><title>\u202eevil</title><link>javascript:alert(1)</link></item>',
      '\u0000',
      '</channel>',
      '<entry><updated>not a date</updated></entry>',
      '',
    ),
  )
  .map(([seed, a, b, splice]) => {
    const from = a % (seed.length + 1);
    const to = from + (b % 200);
    return seed.slice(0, from) + splice + seed.slice(to);
  });

const xmlNoise = fc
  .array(fc.oneof(fc.string(), fc.constantFrom('<rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '&amp;', '&#x0;')), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

const jsonFeed = fc
  .record({
    version: fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1', 'x'),
    title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    items: fc.array(fc.dictionary(fc.constantFrom('id', 'url', 'title', 'content_html', 'content_text', 'date_published', 'authors'), fc.jsonValue()), { maxLength: 10 }),
  })
  .map((o) => JSON.stringify(o));

describe('feeds under fuzzing', () => {
  it('parse into valid mentions or fail with a FeedParseError', { timeout: 600_000 }, () => {
    expect(seeds.length).toBeGreaterThan(10);
    const tally = new FuzzTally();
    fc.assert(
      fc.property(fc.oneof(mutatedFeed, xmlNoise, jsonFeed, fc.string()), (text) => {
        let parsed;
        try {
          parsed = parseFeedText(text);
        } catch (error) {
          if (!cleanFailure(error, FeedParseError)) throw error;
          tally.rejected++;
          return;
        }
        for (const entry of parsed.entries) {
          const mention = feedEntryToMention(entry, { feed: parsed, feedUrl: 'https://news.example.ch/feed.xml', now: new Date('2026-11-21T12:00:00Z') });
          expect(mentionInputSchema.safeParse(mention).success).toBe(true);
        }
        tally.accepted++;
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(tally.report('feeds'));
  });
});
