import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../../../../src/main/features/detection/engine/buildVocabulary';
import type { MentionSummary } from '../../../../../../src/main/features/detection/engine/mentionSummary';
import { burstingTerms, poissonTail } from '../../../../../../src/main/features/detection/engine/termBursts';
import { extractTerms, keywordWords } from '../../../../../../src/main/features/detection/engine/vocabularyMatcher';
import { DEFAULT_EVALUATOR_OPTIONS, WatchEvaluator } from '../../../../../../src/main/features/detection/engine/watchEvaluator';
import { loadDefaultPlan } from '../../../../../../src/main/features/plan/defaultPlan';
import { loadLexicons } from '../../../../../../src/main/features/tone/lexicon';
import { pick, poisson, seededRandom } from '../../../../../../src/main/platform/seededRandom';

const settings = loadDefaultPlan().thresholds.defaults;
const vocabulary = buildVocabulary(settings, loadLexicons());
const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 2, 0, 0);
const BRAND = 'Banque Léman';
const BRAND_WORDS = ['banque', 'banques', 'leman', 'léman', '#banqueleman', '#banqueléman', '#leman', '#léman'];

const ORDINARY = [
  'Rendez-vous à la Banque Léman de Lausanne ce matin, accueil rapide',
  'La Banque Léman ouvre une agence à Genève #BanqueLéman',
  'Les banques suisses et la Banque Léman publient leurs taux',
  'Question sur mon compte chez Banque Léman, quelqu’un sait ?',
  '#Léman Conférence de la Banque Léman sur l’épargne',
  'Application mobile Banque Léman mise à jour aujourd’hui',
];
const NEW_HASHTAG = ['Mes données ont fuité #FuiteLéman Banque Léman', '#FuiteLéman la Banque Léman doit s’expliquer', 'Encore un client touché #FuiteLéman'];

/**
 * Three days of ordinary mentions of the brand (≈1.5 a minute), then a new hashtag that appears at ONSET and grows:
 * one use in its first minutes, then more and more, as a story spreads.
 */
function stream(onset: number): MentionSummary[] {
  const random = seededRandom(42);
  const out: MentionSummary[] = [];
  for (let minute = START; minute < onset + 3 * 3_600_000; minute += MINUTE) {
    const hour = new Date(minute).getUTCHours();
    const ordinary = poisson(hour >= 7 && hour <= 22 ? 2 : 0.5, random);
    for (let k = 0; k < ordinary; k += 1) out.push(summary(out.length + 1, minute + Math.floor(random() * MINUTE), pick(ORDINARY, random)));
    if (minute >= onset) {
      const uses = poisson(Math.min(6, 0.2 + (minute - onset) / (8 * MINUTE)), random);
      for (let k = 0; k < uses; k += 1) out.push(summary(out.length + 1, minute + Math.floor(random() * MINUTE), pick(NEW_HASHTAG, random)));
    }
  }
  return out.sort((a, b) => a.publishedAt - b.publishedAt);
}

function summary(id: number, at: number, text: string): MentionSummary {
  return { id, publishedAt: at, text, authorName: `client${id % 97}`, audience: 200, authorKind: 'public', sourceKind: 'webhook', sourceName: 'Webhook', language: 'fr', tone: 'neutral' };
}

describe('emerging terms', () => {
  it('uses the Poisson tail', () => {
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(poissonTail(3, 2)).toBeCloseTo(1 - Math.exp(-2) * (1 + 2 + 2), 10);
    expect(poissonTail(3, 10)).toBeCloseTo(1 - Math.exp(-10) * (1 + 10 + 50), 10);
    const far = (Math.exp(-0.01) * 0.01 ** 5) / 120;
    expect(poissonTail(5, 0.01) / far).toBeCloseTo(1 + 0.01 / 6 + 0.01 ** 2 / 42, 7);
    expect(poissonTail(2000, 1000)).toBeLessThan(1e-100);
  });

  it('judges a term by its own share: a louder usual conversation does not make its words emerge, a new word does', () => {
    const history = (term: string) => ({ pastCount: term === 'agence' ? 300 : 0, pastMentions: 1000 });
    // An hour five times louder than usual: "agence" keeps its 30 % share; "#fuite" was never seen.
    const bursts = burstingTerms(new Map([['agence', 160], ['#fuite', 6]]), 500, history, { minCount: 5, alpha: 1e-6 });
    expect(bursts.map((b) => b.term)).toEqual(['#fuite']);
    expect(bursts[0]!.expected).toBeCloseTo(0.25, 2);
  });

  it('leaves out the watch name, its keywords, their plurals and hashtags made only of them, not a hashtag that adds to them', () => {
    const ignored = keywordWords([BRAND, 'Léman']);
    expect(extractTerms('La Banque Léman et les banques #BanqueLéman #Leman #FuiteLéman lémanique', ignored)).toEqual(['#fuiteleman', 'lemanique']);
  });

  it('flags a new hashtag within 15 minutes of its first 10 uses, names its first mentions, and never lists the brand', () => {
    const onset = START + 3 * 86_400_000 + 10 * 3_600_000;
    const mentions = stream(onset);
    const tenthUse = mentions.filter((m) => m.text.includes('#FuiteLéman'))[9]!.publishedAt;
    const evaluator = new WatchEvaluator(settings, vocabulary, { ...DEFAULT_EVALUATOR_OPTIONS, ignoredTerms: keywordWords([BRAND]) });
    let next = 0;
    let flaggedAt: number | null = null;
    let explained = false;
    for (let minute = START; minute < onset + 3 * 3_600_000; minute += MINUTE) {
      const batch: MentionSummary[] = [];
      while (next < mentions.length && mentions[next]!.publishedAt < minute + MINUTE) batch.push(mentions[next++]!);
      evaluator.addMentions(batch);
      const { signals } = evaluator.evaluate(minute + MINUTE - 1);
      const emerging = signals.find((s) => s.kind === 'emergingTerms')!.items;
      expect(emerging.filter((t) => BRAND_WORDS.includes(t.toLowerCase()))).toEqual([]);
      // Shown as the posts write it, capitals and accents included.
      if (flaggedAt === null && emerging.includes('#FuiteLéman')) flaggedAt = minute + MINUTE - 1;
      if (minute % (60 * MINUTE) === 0 || (flaggedAt !== null && !explained)) {
        const why = evaluator.explain(signals);
        expect(why.topTerms.map((t) => t.term).filter((t) => BRAND_WORDS.includes(t))).toEqual([]);
        if (flaggedAt !== null && !explained) {
          explained = true;
          const entry = why.emerging.find((e) => e.term === '#FuiteLéman')!;
          expect(entry.expected).toBeLessThan(1);
          // The first mentions that carried the hashtag, earliest first.
          const firsts = mentions.filter((m) => m.text.includes('#FuiteLéman') && m.publishedAt > minute + MINUTE - 1 - 3_600_000).slice(0, 3);
          expect(entry.firstMentions.map((m) => m.mentionId)).toEqual(firsts.map((m) => m.id));
        }
      }
    }
    expect(flaggedAt).not.toBeNull();
    expect(flaggedAt!).toBeGreaterThanOrEqual(onset);
    expect(flaggedAt! - tenthUse).toBeLessThanOrEqual(15 * MINUTE);
    expect(explained).toBe(true);
  });
});
