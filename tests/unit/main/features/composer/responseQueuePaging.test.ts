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

  it('reads only the reasons asked for, so a post flagged by hand is found among many the rules flagged', async () => {
    const c = makeTestCore(newDir());
    core = c;
    const source = await invoke(c, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Flux', config: {} } });
    const { mentionIds } = c.ingest.ingestNow(
      WS,
      source.id,
      Array.from({ length: 60 }, (_, i) => ({
        externalId: `r-${i}`,
        author: { handle: `@r${i}`, audience: 10_000 - i },
        text: `Message ${i}`,
        language: 'fr',
        publishedAt: new Date(Date.parse('2026-05-01T08:00:00.000Z') - i * 60_000).toISOString(),
      })),
    );
    for (const [k, mentionId] of mentionIds.entries()) {
      await invoke(c, 'composer:flagMention', { workspaceId: WS, mentionId, person: 'Camille', reason: k === 59 ? 'manual' : 'question' });
    }
    const firstPage = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 20 });
    expect(firstPage.items.map((i) => i.mentionId)).not.toContain(mentionIds[59]);
    const byHand = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 20, reasons: ['manual'] });
    expect(byHand.items.map((i) => i.mentionId)).toEqual([mentionIds[59]]);
    expect(byHand.next).toBeNull();
    const both = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 100, reasons: ['manual', 'question'] });
    expect(both.items).toHaveLength(60);
    expect((await c.dispatch('composer:responses', { workspaceId: WS, reasons: [] })).ok).toBe(false);
    // Rule-flagged items are the rules'; a person's flags are named.
    c.ingest.ingestNow(WS, source.id, [{ externalId: 'rule-1', author: { handle: '@r' }, text: 'Comment puis-je récupérer mon argent ?', language: 'fr', publishedAt: '2026-05-01T08:30:00.000Z' }]);
    const byRules = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 100, flaggedBy: 'rules' });
    expect(byRules.items.length).toBeGreaterThan(0);
    expect(byRules.items.every((i) => i.flaggedBy === 'rules')).toBe(true);
    const byPeople = await invoke(c, 'composer:responses', { workspaceId: WS, limit: 100, flaggedBy: 'people', reasons: ['manual'] });
    expect(byPeople.items.map((i) => i.mentionId)).toEqual([mentionIds[59]]);
  });
});
