// Must show #1 of issue 21: for any statement text and any channel limit, every post fits, and the posts
// with their markers removed join back to the approved text, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_SPECS } from '../../../../src/shared/composer/channels';
import { countForChannel } from '../../../../src/shared/composer/countCharacters';
import { splitThread, THREAD_NUMBERINGS, threadMarker, ThreadSplitError, type ThreadPart } from '../../../../src/shared/composer/splitThread';
import { statementText } from '../../../support/statementTexts';

const channels = fc.constantFrom('x' as const, 'bluesky' as const, 'mastodon' as const);
const numberings = fc.constantFrom(...THREAD_NUMBERINGS);

/** The markers removed, then each body with the whitespace of the approved text around it. */
function unmarked(parts: readonly ThreadPart[], numbering: (typeof THREAD_NUMBERINGS)[number]): string {
  return parts
    .map((p, i) => {
      const { prefix, suffix } = parts.length === 1 ? { prefix: '', suffix: '' } : threadMarker(i + 1, parts.length, numbering);
      expect(p.text.startsWith(prefix) && p.text.endsWith(suffix)).toBe(true);
      return p.before + p.text.slice(prefix.length, p.text.length - suffix.length) + p.after;
    })
    .join('');
}

function checkThread(text: string, channel: 'x' | 'bluesky' | 'mastodon', limit: number, numbering: (typeof THREAD_NUMBERINGS)[number]): ThreadPart[] {
  const parts = splitThread(text, channel, limit, numbering);
  for (const p of parts) {
    expect(countForChannel(p.text, channel)).toBeLessThanOrEqual(limit);
    expect(new TextEncoder().encode(p.text).length).toBeLessThanOrEqual(CHANNEL_SPECS[channel].maxBytes ?? Infinity);
    // A cut falls on whitespace only: no post starts or ends with whitespace of its own.
    expect(p.body).toBe(p.body.trim());
    expect(p.after).toMatch(/^\s*$/u);
  }
  expect(unmarked(parts, numbering)).toBe(text);
  return parts;
}

describe('thread splitting keeps the approved text', () => {
  it('for any text and a channel limit a post can hold every word in, the posts fit and join back exactly', () => {
    fc.assert(
      fc.property(statementText(), channels, fc.integer({ min: 120, max: 1000 }), numberings, (text, channel, limit, numbering) => {
        checkThread(text, channel, limit, numbering);
      }),
      { numRuns: 400 },
    );
  });

  it('for any limit down to 20, either the posts fit and join back, or a word longer than a post is named and nothing is cut', () => {
    let refused = 0;
    fc.assert(
      fc.property(statementText(40), channels, fc.integer({ min: 20, max: 1000 }), numberings, (text, channel, limit, numbering) => {
        try {
          checkThread(text, channel, limit, numbering);
        } catch (error) {
          if (!(error instanceof ThreadSplitError)) throw error;
          refused += 1;
          // The word it names is in the text whole, and really cannot fit in a post with its marker.
          expect(text).toContain(error.word);
          const widest = threadMarker(99, 99, numbering);
          expect(countForChannel(widest.prefix + error.word + widest.suffix, channel) > limit || new TextEncoder().encode(error.word).length > 3000).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});
