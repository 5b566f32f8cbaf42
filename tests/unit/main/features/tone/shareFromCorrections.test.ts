// The negative share the dashboard and the level read, corrected by the confusion the analysts' corrections measure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src/main/app/createCore';
import { estimateNegativeShare } from '../../../../../src/main/features/tone/negativeShare';
import { invoke, makeTestCore } from '../../../../support/testCore';

const WS = 'live';
let dir: string;
let core: Core;
const now = Date.UTC(2026, 2, 3, 10, 0);
const clock = { now: () => new Date(now) };

/** [text, true tone]: the lexicon calls the first and last groups negative, the others neutral. */
function posts(): Array<[string, 'negative' | 'neutral']> {
  const out: Array<[string, 'negative' | 'neutral']> = [];
  for (let i = 0; i < 20; i += 1) out.push([`Service nul et décevant, dossier ${i}`, 'negative']);
  for (let i = 0; i < 10; i += 1) out.push([`Colis toujours au relais numéro ${i}`, 'negative']);
  for (let i = 0; i < 25; i += 1) out.push([`Colis expédié depuis l’entrepôt ${i}`, 'neutral']);
  for (let i = 0; i < 5; i += 1) out.push([`Film d’horreur ce soir, séance ${i}`, 'neutral']);
  return out;
}

describe('negative share from the analysts’ corrections', () => {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-share-'));
    core = makeTestCore(dir, { clock });
  });
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures the confusion once both sides hold 20 corrections, and the dashboard then shows the corrected share', async () => {
    const watch = await invoke(core, 'watches:create', { workspaceId: WS, watch: { name: 'Service', keywords: ['colis', 'service', 'film'] } });
    const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
    const labelled = posts();
    const { mentionIds } = await core.ingest.ingest(
      WS,
      source.id,
      labelled.map(([text], i) => ({ externalId: `p${i}`, author: {}, text, language: 'fr', publishedAt: new Date(now - 2 * 3_600_000 - i * 1000).toISOString() })),
    );
    const series = () => invoke(core, 'dashboard:series', { workspaceId: WS, watchId: watch.id, range: '1h', to: new Date(now + 60_000).toISOString() });

    // The new hour, classified by the lexicon: 12 "nul" posts and 28 parcel posts.
    const fresh = [
      ...Array.from({ length: 12 }, (_, i) => `Service nul ce matin ${i}`),
      ...Array.from({ length: 28 }, (_, i) => `Colis expédié ce matin ${i}`),
    ];
    await core.ingest.ingest(
      WS,
      source.id,
      fresh.map((text, i) => ({ externalId: `f${i}`, author: {}, text, language: 'fr', publishedAt: new Date(now - i * 1000).toISOString() })),
    );
    const before = (await series()).negativeShare!;
    expect(before.corrected).toBe(false);
    expect(before.share).toBeCloseTo(12 / 40, 10);

    for (let i = 0; i < labelled.length; i += 1) {
      await invoke(core, 'tone:correct', { workspaceId: WS, mentionId: mentionIds[i]!, toneClass: labelled[i]![1], by: 'Léa' });
    }
    // What the corrections record: 20 of the 30 negative posts were called negative, and 5 of the 30 others.
    const confusion = { negatives: 30, negativesCaught: 20, others: 30, othersCalledNegative: 5, source: 'corrections' as const };

    const after = (await series()).negativeShare!;
    const expected = estimateNegativeShare(12, 40, confusion);
    expect(after).toEqual({ share: expected.share, low: expected.low, high: expected.high, corrected: true });
    // The lexicon misses a third of the negative posts and calls one neutral post in six negative: 30 % classified
    // negative means about 25 % truly negative here.
    expect(after.share).toBeGreaterThan(0.2);
    expect(after.share).toBeLessThan(0.3);
    expect(after.high - after.low).toBeGreaterThan(before.high - before.low);
  });
});
