// What a replay went through, as the story a user reads: each change of level, and each stretch above calm
// (vigilance included) with its why-card. The card is written again whenever the episode escalates or its last
// hour grows busier, as a card kept up to date during the episode would read at its height: authors and words
// that arrived after the opening are named.
import type { BacktestEpisode, BacktestResult } from '../../../shared/domain/detection';
import { levelIndex } from './engine/levelFusion';
import type { Evaluation, WatchEvaluator } from './engine/watchEvaluator';

export class EpisodeRecorder {
  readonly changes: BacktestResult['changes'] = [];
  readonly episodes: BacktestEpisode[] = [];
  #open: BacktestEpisode | null = null;
  /** Mentions in the last hour when the open episode's card was last written. */
  #busiest = 0;

  constructor(private readonly evaluator: Pick<WatchEvaluator, 'explain'>) {}

  record(result: Evaluation): void {
    const at = new Date(result.at).toISOString();
    if (result.level !== result.previous) this.changes.push({ at, level: result.level, previous: result.previous });
    if (result.level === 'calm') {
      if (this.#open) this.#open.endedAt = at;
      this.#open = null;
      return;
    }
    if (this.#open === null) {
      this.#busiest = result.windowCount;
      this.#open = {
        startedAt: at,
        endedAt: null,
        peakLevel: result.level,
        peakAt: at,
        alerted: levelIndex(result.level) >= levelIndex('alert'),
        explanation: this.evaluator.explain(result.signals),
      };
      this.episodes.push(this.#open);
      return;
    }
    const escalated = levelIndex(result.level) > levelIndex(this.#open.peakLevel);
    if (escalated) {
      this.#open.peakLevel = result.level;
      this.#open.peakAt = at;
      this.#open.alerted ||= levelIndex(result.level) >= levelIndex('alert');
    }
    // A busier minute where every signal is quiet (the level only held by cooldown) would leave the card with no reason.
    const speaks = result.signals.some((signal) => signal.level !== 'calm');
    if (escalated || (speaks && result.windowCount > this.#busiest)) {
      this.#busiest = Math.max(this.#busiest, result.windowCount);
      this.#open.explanation = this.evaluator.explain(result.signals);
    }
  }
}
