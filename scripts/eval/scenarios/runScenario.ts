import type { DetectionSettings } from '../../../src/shared/domain/detection';
import { ToneEnricher } from '../../../src/main/features/tone/toneEnricher';
import { DEFAULT_EVALUATOR_OPTIONS, WatchEvaluator } from '../../../src/main/features/detection/engine/watchEvaluator';
import type { MentionSummary } from '../../../src/main/features/detection/engine/mentionSummary';
import { keywordWords, type VocabularyMatcher } from '../../../src/main/features/detection/engine/vocabularyMatcher';
import type { GeneratedScenario } from '../../../src/main/features/detection/scenarios/scenarioGenerator';

export interface ScenarioOutcome {
  kind: string;
  language: string;
  multiplier: number;
  onset: number | null;
  /** Minutes from onset to the first alert of the episode; null when missed or not a crisis. */
  delayMinutes: number | null;
  detected: boolean;
  /** Alerts opened outside the labelled crisis (for calm scenarios, every alert). */
  falseAlerts: number;
  watchDays: number;
  alerts: Array<{ at: number; level: string; signals: string[] }>;
}

const MINUTE_MS = 60_000;
/** An alert counts for the onset if it opens within this time after it. */
const DETECTION_HORIZON_MS = 6 * 3_600_000;

/** Replays a scenario minute by minute through the real tone enricher and the watch evaluator. */
export function runScenario(
  scenario: GeneratedScenario,
  settings: DetectionSettings,
  vocabulary: VocabularyMatcher,
  enricher: ToneEnricher,
): ScenarioOutcome {
  // The watch is named after the brand, as a cell names it: its words are left out of top and emerging terms.
  const evaluator = new WatchEvaluator(settings, vocabulary, { ...DEFAULT_EVALUATOR_OPTIONS, ignoredTerms: keywordWords([scenario.spec.brand]) });
  const alerts: ScenarioOutcome['alerts'] = [];
  const summaries: MentionSummary[] = scenario.mentions.map((m, i) => {
    const e = enricher.enrich({ text: m.text, language: m.language });
    return {
      id: i + 1,
      publishedAt: Date.parse(m.publishedAt),
      text: m.text,
      authorName: m.author.displayName ?? m.author.handle ?? null,
      audience: m.author.audience ?? null,
      authorKind: m.author.kind,
      sourceKind: 'exercise',
      sourceName: m.sourceName ?? null,
      language: e.language,
      tone: e.toneClass,
    };
  });
  let next = 0;
  const { start, days } = scenario.spec;
  for (let minute = start; minute < start + days * 86_400_000; minute += MINUTE_MS) {
    const batch: MentionSummary[] = [];
    while (next < summaries.length && summaries[next]!.publishedAt < minute + MINUTE_MS) batch.push(summaries[next++]!);
    evaluator.addMentions(batch);
    const result = evaluator.evaluate(minute + MINUTE_MS - 1);
    if (result.episode === 'opened') {
      alerts.push({ at: result.at, level: result.level, signals: result.signals.filter((s) => s.level !== 'calm').map((s) => s.kind) });
    }
  }
  const onset = scenario.onset;
  const hit = onset === null ? undefined : alerts.find((a) => a.at >= onset && a.at <= onset + DETECTION_HORIZON_MS);
  return {
    kind: scenario.spec.kind,
    language: scenario.spec.language,
    multiplier: scenario.spec.multiplier,
    onset,
    delayMinutes: hit && onset !== null ? Math.round((hit.at - onset) / MINUTE_MS) : null,
    detected: hit !== undefined,
    falseAlerts: alerts.filter((a) => a !== hit).length,
    watchDays: days,
    alerts,
  };
}
