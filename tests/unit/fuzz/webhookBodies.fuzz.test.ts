// Property-based fuzzing of webhook bodies through the real ingestion: any body either fails as a whole
// with a clear error and writes nothing, or accounts for every item: stored, duplicate, or rejected with a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionInputSchema } from '../../../src/shared/domain/mention';
import { mentionsFromPayload, WebhookPayloadError } from '../../../src/main/features/sources/webhook/webhookPayload';
import { cleanFailure, FUZZ_RUNS, FuzzTally } from '../../support/fuzz';
import { invoke, makeTestCore } from '../../support/testCore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const mentionLike = fc.record(
  {
    externalId: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant('')),
    text: fc.oneof(fc.string(), fc.constant('<script>alert(1)</script>banque'), fc.integer()),
    publishedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 })),
    author: fc.oneof(fc.record({ handle: fc.string({ maxLength: 20 }), audience: fc.oneof(fc.nat(), fc.integer()) }, { requiredKeys: [] }), fc.string()),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 })),
  },
  { requiredKeys: [] },
);
const validMention = fc.record({
  externalId: fc.string({ minLength: 1, maxLength: 12 }),
  author: fc.record({ handle: fc.string({ maxLength: 20 }) }),
  text: fc.string({ minLength: 1, maxLength: 200 }),
  publishedAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
});
const item = fc.oneof(validMention, mentionLike);
const body = fc.oneof(
  fc.array(item, { maxLength: 8 }).map((a) => JSON.stringify(a)),
  fc.array(item, { maxLength: 8 }).map((a) => JSON.stringify({ mentions: a })),
  item.map((m) => JSON.stringify(m)),
  fc.json(),
  fc.string(),
);

describe('webhook bodies under fuzzing', () => {
  it('fail whole with a clear error, or account for every item', { timeout: 600_000 }, async () => {
    const core = makeTestCore(tempDir());
    const source = await invoke(core, 'sources:create', { workspaceId: 'live', source: { kind: 'webhook', name: 'fuzz' } });
    const tally = new FuzzTally();
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        let items: unknown[];
        try {
          items = mentionsFromPayload(text);
        } catch (error) {
          if (!cleanFailure(error, WebhookPayloadError)) throw error;
          tally.rejected++;
          return;
        }
        const result = await core.ingest.ingest('live', source.id, items);
        const invalid = items.filter((i) => !mentionInputSchema.safeParse(i).success).length;
        // Every item is accounted for; everything the schema refuses is rejected (ingestion may refuse more,
        // e.g. text that is only whitespace once sanitised), each with a reason.
        expect(result.inserted + result.duplicates + result.rejected).toBe(items.length);
        expect(result.rejected).toBeGreaterThanOrEqual(invalid);
        expect(result.rejections.every((r) => r.reason.length > 0)).toBe(true);
        stored += result.inserted;
        tally.accepted++;
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(stored).toBeGreaterThan(FUZZ_RUNS / 10);
    console.log(`${tally.report('webhook bodies')}; ${stored} mentions stored`);
    core.close();
  });
});
