// What a replay went through, as the story a user reads: each change of level, and each stretch above calm
// (vigilance included) with the why-card the engine would have written when the stretch peaked.
import type { BacktestEpisode, BacktestResult } from '../../../shared/domain/detection';
import { levelIndex } from './engine/levelFusion';
import type { Evaluation, WatchEvaluator } from './engine/watchEvaluator';

export class EpisodeRecorder {
  readonly changes: BacktestResult['changes'] = [];
  readonly episodes: BacktestEpisode[] = [];
  #open: BacktestEpisode | null = null;

  constructor(private readonly evaluator: Pick<WatchEvaluator, 'explain'>) {}

  record(result: Evaluation): void {
    if (result.level === result.previous) return;
    const at = new Date(result.at).toISOString();
    this.changes.push({ at, level: result.level, previous: result.previous });
    if (result.level === 'calm') {
      if (this.#open) this.#open.endedAt = at;
      this.#open = null;
      return;
    }
    if (this.#open === null) {
      this.#open = {
        startedAt: at,
        endedAt: null,
        peakLevel: result.level,
        peakAt: at,
        alerted: levelIndex(result.level) >= levelIndex('alert'),
        explanation: this.evaluator.explain(result.signals),
      };
      this.episodes.push(this.#open);
    } else if (levelIndex(result.level) > levelIndex(this.#open.peakLevel)) {
      this.#open.peakLevel = result.level;
      this.#open.peakAt = at;
      this.#open.alerted ||= levelIndex(result.level) >= levelIndex('alert');
      this.#open.explanation = this.evaluator.explain(result.signals);
    }
  }
}
