// The "help the tone model" queue: a random sample until the local model is trained, then the posts it is least sure
// of, 20 at a time, never one already corrected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestService } from '../../../../../src/main/features/mentions/ingestService';
import { toneFeatures } from '../../../../../src/main/features/tone/correctionModel';
import { loadLexicons } from '../../../../../src/main/features/tone/lexicon';
import { scoreWithLexicon } from '../../../../../src/main/features/tone/lexiconScorer';
import { ToneEnricher } from '../../../../../src/main/features/tone/toneEnricher';
import { ToneService } from '../../../../../src/main/features/tone/toneService';
import { lexiconUncertainty, marginUncertainty } from '../../../../../src/main/features/tone/uncertainty';
import { EventBus } from '../../../../../src/main/platform/events/eventBus';
import { seededRandom } from '../../../../../src/main/platform/seededRandom';
import type { ToneClass } from '../../../../../src/shared/domain/storedMention';
import { listenDb } from '../../../../support/listenDb';
import { invoke, makeTestCore } from '../../../../support/testCore';

const WS = 'live';
const lexicons = loadLexicons();
const clock = { now: () => new Date('2026-03-10T12:00:00.000Z') };

/** [text, true tone] in four groups of 20: two the lexicon is sure of, one it has no word for, one it half reads. */
const posts: Array<[string, ToneClass]> = [];
for (let i = 0; i < 20; i += 1) {
  posts.push([`Service nul, honteux et scandaleux, dossier ${i}`, 'negative']);
  posts.push([`Merci, service génial et parfait, bravo ${i}`, 'positive']);
  posts.push([`Colis expédié depuis l’entrepôt ${i}`, 'neutral']);
  posts.push([`Un peu déçu mais bon, commande ${i}`, 'negative']);
}

async function setup(seed = 7) {
  const t = listenDb();
  const tone = new ToneService(t.lookup, lexicons, clock, new EventBus(), null, seededRandom(seed));
  const ingest = new IngestService({ workspaces: t.lookup, enricher: new ToneEnricher(lexicons, (id) => tone.model(id)), clock });
  const sourceId = t.addSource('webhook', 'Hook');
  const { mentionIds } = await ingest.ingest(WS, sourceId, [
    ...posts.map(([text], i) => ({ externalId: `p${i}`, author: {}, text, language: 'fr', publishedAt: new Date(Date.UTC(2026, 2, 10, 11, 0, i)).toISOString() })),
    // No lexicon scores German: it has no tone, and nothing to teach the model.
    { externalId: 'de', author: {}, text: 'Der Kundendienst hat heute wieder nicht geantwortet', language: 'de', publishedAt: '2026-03-10T11:30:00Z' },
  ]);
  const truth = new Map(mentionIds.slice(0, posts.length).map((id, i) => [id, posts[i]!]));
  return { tone, truth, german: mentionIds[posts.length]! };
}

/** Every chosen post is at least as uncertain as every post left out. */
function expectLeastSure(chosen: number[], uncertain: Map<number, number>) {
  const threshold = Math.min(...chosen.map((id) => uncertain.get(id)!));
  const left = [...uncertain].filter(([id]) => !chosen.includes(id)).map(([, u]) => u);
  expect(left.length).toBeGreaterThan(0);
  expect(Math.max(...left)).toBeLessThanOrEqual(threshold);
}

describe('help the tone model queue', () => {
  it('asks about 20 posts drawn at random until the model is trained, then those the model is least sure of', async () => {
    const { tone, truth, german } = await setup();
    const ids = [...truth.keys()];
    const answer = (id: number) => tone.correct(WS, id, truth.get(id)![1], 'Léa');
    // A few corrections made from the mention drawer, among them posts the lexicon has no word for.
    const seed = [...ids.filter((_, i) => i % 4 === 0).slice(0, 5), ...ids.filter((_, i) => i % 4 === 1).slice(0, 5), ...ids.filter((_, i) => i % 4 === 2).slice(0, 5)];
    for (const id of seed) answer(id);

    const first = tone.queue(WS);
    expect(first.basis).toBe('lexicon');
    expect(first.batchSize).toBe(20);
    expect(first.items).toHaveLength(20);
    expect(first.corrections).toBe(15);
    const chosen = first.items.map((i) => i.mentionId);
    expect(chosen.some((id) => seed.includes(id) || id === german)).toBe(false);
    expect(new Set(chosen).size).toBe(20);
    // A draw over every kind of post, where the lexicon's least sure would be only the posts it has no word for or
    // half reads (those teach a first model little): posts of all four groups.
    const groups = new Set(chosen.map((id) => ids.indexOf(id) % 4));
    expect(groups.size).toBe(4);
    const byLexicon = new Map(ids.filter((id) => !seed.includes(id)).map((id) => [id, lexiconUncertainty(scoreWithLexicon(truth.get(id)![0], lexicons.fr).score)]));
    // The lexicon still scores the posts: the uncertainty shown is its own.
    for (const item of first.items) expect(item.uncertainty).toBeCloseTo(byLexicon.get(item.mentionId)!, 10);
    // What the panel shows instead of a percentage before the model exists: the lexicon's own reading of the post.
    for (const item of first.items) {
      const read = scoreWithLexicon(truth.get(item.mentionId)![0], lexicons.fr);
      expect(item.lexicon).toEqual({ score: read.score, words: read.hits });
    }
    const other = await setup(8);
    for (const id of seed) other.tone.correct(WS, id, truth.get(id)![1], 'Léa');
    expect(other.tone.queue(WS).items.map((i) => i.mentionId)).not.toEqual(chosen);

    // The batch stays while it is answered: an answered post leaves it, the others keep their place.
    answer(chosen[0]!);
    expect(tone.queue(WS).items.map((i) => i.mentionId)).toEqual(chosen.slice(1));
    let last;
    for (const id of chosen.slice(1)) last = answer(id);
    // The queue's answers are corrections like any other: the 30th trained the local model.
    expect(last!.corrections).toBe(35);
    expect(last!.modelSamples).toBe(35);

    const model = tone.model(WS)!;
    const next = tone.queue(WS);
    expect(next.basis).toBe('model');
    expect(next.items).toHaveLength(20);
    const answered = new Set([...seed, ...chosen]);
    const nextIds = next.items.map((i) => i.mentionId);
    expect(nextIds.some((id) => answered.has(id))).toBe(false);
    const byModel = new Map(
      ids.filter((id) => !answered.has(id)).map((id) => [id, marginUncertainty(model.probabilities(toneFeatures(truth.get(id)![0], lexicons.fr).features))]),
    );
    expect(byModel.size).toBe(45);
    expectLeastSure(nextIds, byModel);
    expect(next.items.map((i) => i.uncertainty)).toEqual(nextIds.map((id) => byModel.get(id)));
  });

  it('offers the rest when fewer than 20 posts are left, and nothing once every post is corrected', async () => {
    const { tone, truth } = await setup();
    const ids = [...truth.keys()];
    for (const id of ids.slice(0, 75)) tone.correct(WS, id, truth.get(id)![1], null);
    expect(tone.queue(WS).items.map((i) => i.mentionId).sort()).toEqual(ids.slice(75).sort());
    for (const id of ids.slice(75)) tone.correct(WS, id, truth.get(id)![1], null);
    expect(tone.queue(WS)).toMatchObject({ items: [], batchSize: 0, corrections: 80 });
  });
});

describe('tone:queue', () => {
  it('serves the batch through the contract, drops a post corrected by tone:correct and pushes mentions:changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-tone-queue-'));
    const core = makeTestCore(dir, { clock });
    try {
      const source = await invoke(core, 'sources:create', { workspaceId: WS, source: { kind: 'webhook', name: 'Hook', config: {} } });
      await core.ingest.ingest(
        WS,
        source.id,
        posts.map(([text], i) => ({ externalId: `p${i}`, author: {}, text, language: 'fr', publishedAt: new Date(Date.UTC(2026, 2, 10, 11, 0, i)).toISOString() })),
      );
      const queue = await invoke(core, 'tone:queue', { workspaceId: WS });
      expect(queue).toMatchObject({ basis: 'lexicon', batchSize: 20, corrections: 0, minCorrections: 30 });
      expect(queue.items).toHaveLength(20);
      const [first, ...rest] = queue.items;
      const changed: string[] = [];
      const stop = core.events.on('mentions:changed', ({ workspaceId }) => changed.push(workspaceId));
      await invoke(core, 'tone:correct', { workspaceId: WS, mentionId: first!.mentionId, toneClass: 'neutral', by: 'Léa' });
      stop();
      expect(changed).toEqual([WS]);
      expect((await invoke(core, 'tone:queue', { workspaceId: WS })).items).toEqual(rest);
      await expect(invoke(core, 'tone:queue', { workspaceId: 'nowhere' })).rejects.toThrow();
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
