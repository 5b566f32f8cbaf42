import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../../../../src/main/features/detection/engine/buildVocabulary';
import { applyHysteresis, fuseLevel } from '../../../../../../src/main/features/detection/engine/levelFusion';
import { extractTerms, keywordWords } from '../../../../../../src/main/features/detection/engine/vocabularyMatcher';
import type { MentionSummary } from '../../../../../../src/main/features/detection/engine/mentionSummary';
import { BUCKET_MS, WatchEvaluator } from '../../../../../../src/main/features/detection/engine/watchEvaluator';
import { DEFAULT_VOLUME_SETTINGS } from '../../../../../../src/main/features/detection/volume/defaultVolumeSettings';
import { VolumeDetector } from '../../../../../../src/main/features/detection/volume/volumeDetector';
import { loadDefaultPlan } from '../../../../../../src/main/features/plan/defaultPlan';
import { loadLexicons } from '../../../../../../src/main/features/tone/lexicon';
import type { Signal } from '../../../../../../src/shared/domain/detection';

const settings = loadDefaultPlan().thresholds.defaults;
const vocabulary = buildVocabulary(settings, loadLexicons());
const T0 = Date.UTC(2026, 2, 2, 9, 0);

const signal = (kind: Signal['kind'], level: Signal['level']): Signal => ({ kind, level, value: 0, reference: null, items: [] });

function mention(id: number, at: number, over: Partial<MentionSummary> = {}): MentionSummary {
  return {
    id,
    publishedAt: at,
    text: 'Nouvelle agence ouverte à Lausanne',
    authorName: `client${id % 50}`,
    audience: 300,
    authorKind: 'public',
    sourceKind: 'webhook',
    sourceName: 'Webhook',
    language: 'fr',
    tone: 'neutral',
    ...over,
  };
}

describe('level fusion', () => {
  it('needs negativity to go beyond vigilance', () => {
    expect(fuseLevel([signal('volume', 'crisis'), signal('emergingTerms', 'vigilance')])).toBe('vigilance');
    expect(fuseLevel([signal('volume', 'alert'), signal('negativeShare', 'vigilance')])).toBe('crisis');
    expect(fuseLevel([signal('vocabulary', 'vigilance'), signal('audience', 'vigilance')])).toBe('alert');
    expect(fuseLevel([signal('vocabulary', 'vigilance')])).toBe('vigilance');
    expect(fuseLevel([signal('volume', 'calm')])).toBe('calm');
  });

  it('escalates at once and steps down only after the cooldown', () => {
    let s = applyHysteresis({ level: 'calm', lastHighAt: null }, 'alert', 0, 3_600_000);
    expect(s.level).toBe('alert');
    s = applyHysteresis(s, 'calm', 60_000, 3_600_000);
    expect(s.level).toBe('alert');
    s = applyHysteresis(s, 'vigilance', 1_800_000, 3_600_000);
    expect(s.level).toBe('alert');
    s = applyHysteresis(s, 'calm', 3_700_000, 3_600_000);
    expect(s.level).toBe('calm');
  });
});

describe('emerging-term candidates', () => {
  it('keeps hashtags and content words, not the watch keywords, stop words or numbers', () => {
    expect(extractTerms('La Banque Leman est dans la tourmente #BoycottLeman 2026', keywordWords(['Banque Léman']))).toEqual([
      'tourmente',
      '#boycottleman',
    ]);
  });
});

describe('WatchEvaluator', () => {
  it('raises one alert for a burst of critical posts and explains it with vocabulary and the big-audience author', () => {
    const ev = new WatchEvaluator(settings, vocabulary);
    const burst: MentionSummary[] = [];
    for (let i = 0; i < 30; i += 1) {
      burst.push(
        mention(i + 1, T0 + i * 30_000, {
          text: i % 2 ? 'Scandale : fuite de données chez Banque Léman, #boycott' : 'Banque Léman nous ment, honteux et inadmissible',
          tone: 'negative',
        }),
      );
    }
    burst.push(
      mention(99, T0 + 10 * 60_000, {
        text: 'Fuite de données chez Banque Léman : la banque savait',
        authorName: 'Claire Martin',
        audience: 250_000,
        authorKind: 'journalist',
        tone: 'negative',
      }),
    );
    ev.addMentions(burst);
    const result = ev.evaluate(T0 + 16 * 60_000);
    expect(result.level).toBe('alert');
    expect(result.episode).toBe('opened');
    const why = ev.explain(result.signals);
    const vocab = why.signals.find((s) => s.kind === 'vocabulary')!;
    expect(vocab.items).toEqual(expect.arrayContaining(['fuite de données', 'scandale']));
    expect(why.signals.find((s) => s.kind === 'audience')!.items[0]).toBe('Claire Martin');
    expect(why.topAuthors[0]).toMatchObject({ name: 'Claire Martin', audience: 250_000 });
    expect(why.tone.negative).toBe(31);
    // Terms are counted accent-free but shown as people write them; the words of a crisis phrase are not repeated.
    const shownTerms = why.topTerms.map((t) => t.term);
    expect(shownTerms).toContain('fuite de données');
    expect(shownTerms).not.toContain('donnees');
    expect(shownTerms).not.toContain('données');
    // Same episode: no second alert while it lasts.
    ev.addMentions([mention(200, T0 + 20 * 60_000, { text: 'Encore ce scandale', tone: 'negative' })]);
    expect(ev.evaluate(T0 + 21 * 60_000).episode).toBeNull();
  });

  it('closes the episode after an hour of calm', () => {
    const ev = new WatchEvaluator(settings, vocabulary);
    ev.addMentions(
      Array.from({ length: 12 }, (_, i) =>
        mention(i + 1, T0 + i * 1000, { text: 'Arnaque et scandale', tone: 'negative', authorKind: 'media', audience: 500_000 }),
      ),
    );
    expect(ev.evaluate(T0 + 60_000).episode).toBe('opened');
    expect(ev.evaluate(T0 + 30 * 60_000).level).toBe('alert');
    // The hour's mentions have left the window, but the cooldown runs from the last time it was still high.
    expect(ev.evaluate(T0 + 65 * 60_000).level).toBe('alert');
    const closed = ev.evaluate(T0 + 100 * 60_000);
    expect(closed.level).toBe('calm');
    expect(closed.episode).toBe('closed');
  });

  it('raises its volume signal when the NAB-scored volume detector opens a rising episode, a surge with the mention that tips it', () => {
    const perDay = 86_400_000 / BUCKET_MS;
    const start = Math.floor(T0 / BUCKET_MS) - 9 * perDay;
    const onset = start + 8 * perDay + 100;
    const counts = Array.from({ length: 9 * perDay }, (_, i) => {
      const hour = ((i % perDay) / perDay) * 24;
      const usual = 3 + Math.round(5 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI))) + (i % 3);
      return start + i >= onset && start + i < onset + 12 ? usual * 12 : usual;
    });
    const detector = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
    const detectorOpens = counts.flatMap((count, i) => {
      const o = detector.observe((start + i) * BUCKET_MS, count);
      return o.fired && o.direction === 'up' ? [start + i] : [];
    });
    expect(detectorOpens).toContain(onset);

    const ev = new WatchEvaluator(settings, vocabulary);
    let id = 0;
    const raised: number[] = [];
    let previous: Signal['level'] = 'calm';
    counts.forEach((count, i) => {
      const bucket = start + i;
      for (let k = 0; k < count; k += 1) {
        const at = bucket * BUCKET_MS + Math.floor(((k + 0.5) * BUCKET_MS) / count);
        ev.addMentions([mention(++id, at)]);
        const volume = ev.evaluate(at).signals.find((x) => x.kind === 'volume')!;
        if (previous === 'calm' && volume.level !== 'calm') raised.push(bucket);
        previous = volume.level;
      }
    });
    // Same detector, same counts: the surge raises the live signal in the very bucket the detector opens it (the
    // count so far already stands out); an episode opened by the agitation or the shape of the stream, which a
    // bucket still filling cannot show, is raised once that bucket has closed.
    expect(raised).toContain(onset);
    expect(raised).toHaveLength(detectorOpens.length);
    raised.forEach((b, i) => expect(b - detectorOpens[i]!).toBeGreaterThanOrEqual(0));
    raised.forEach((b, i) => expect(b - detectorOpens[i]!).toBeLessThanOrEqual(1));
  });
});

