// The response queue is read a page at a time by keyset: walking every page gives each item once, in the queue's
// order (largest audience first, no audience last, then newest flag), however many items and ties there are.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import type { ResponseCursor, ResponseItem } from '../../../../../src/shared/domain/responseQueue';
import { useTempDirs } from '../../../../support/tempDir';
import { invoke, makeTestCore } from '../../../../support/testCore';

const newDir = useTempDirs();
const WS = 'live';
let core: Core | undefined;
afterEach(() => core?.close());

describe('response queue paging', () => {
  it('walks 230 items in pages of 40 without a gap or a repeat, in the queue order', async () => {
    let t = Date.parse('2026-05-01T08:00:00.000Z');
    const c = makeTestCore(newDir(), { clock: { now: () => new Date(t) } });
    core = c;
    const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Flux', config: {} } });
    // Audiences repeat (ties broken by flag time, then id) and some are unknown.
    const { mentionIds } = c.ingest.ingestNow(
      WS,
      source.id,
      Array.from({ length: 230 }, (_, i) => ({
        externalId: `q-${i}`,
        author: { handle: `@u${i}`, ...(i % 9 === 0 ? {} : { audience: (i % 5) * 1000 }) },
        text: `Message ${i} du jour`,
        language: 'fr',
        publishedAt: new Date(t - i * 60_000).toISOString(),
      })),
    );
    for (const [k, mentionId] of mentionIds.entries()) {
      if (k % 3 === 0) t += 1000;
      await invoke(c, 'composer:flagMention', { workspaceId: WS, mentionId, person: 'Camille', reason: 'question' });
    }

    const seen: ResponseItem[] = [];
    let after: ResponseCursor | undefined;
    let pages = 0;
    do {
      const page = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 40, ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(40);
      seen.push(...page.items);
      after = page.next ?? undefined;
      pages += 1;
    } while (after);
    expect(pages).toBe(6);
    expect(seen.map((i) => i.mentionId).sort((a, b) => a - b)).toEqual([...mentionIds].sort((a, b) => a - b));
    const key = (i: ResponseItem) => [i.mention.authorAudience ?? -1, Date.parse(i.flaggedAt), i.mentionId] as const;
    for (let k = 1; k < seen.length; k++) {
      const [a, b] = [key(seen[k - 1]!), key(seen[k]!)];
      expect(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))).toBe(true);
    }
  }, 60_000);
});
