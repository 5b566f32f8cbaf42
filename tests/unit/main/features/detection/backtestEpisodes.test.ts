// The why-card an episode of a backtest keeps: written again as the episode grows, but never from a minute where
// nothing fired, or an alert's card would name no reason for its level.
import { describe, expect, it } from 'vitest';
import { EpisodeRecorder } from '../../../../../src/main/features/detection/backtestEpisodes';
import type { Evaluation } from '../../../../../src/main/features/detection/engine/watchEvaluator';
import type { Explanation, Signal } from '../../../../../src/shared/domain/detection';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 26, 17, 25);

const negative = (level: Signal['level']): Signal => ({ kind: 'negativeShare', level, value: 45, reference: 13.9, items: [] });
const critic = (level: Signal['level']): Signal => ({ kind: 'audience', level, value: 250_000, reference: 100_000, items: ['Claire Mercier'] });

function evaluation(minute: number, level: Evaluation['level'], previous: Evaluation['level'], windowCount: number, signals: Signal[]): Evaluation {
  return { at: T0 + minute * MINUTE, level, previous, signals, episode: 'none', windowCount, baseline: 20 } as Evaluation;
}

/** An explanation that only carries the signals it was written from: enough to see which minute wrote it. */
const recorder = () => new EpisodeRecorder({ explain: (signals) => ({ signals }) as unknown as Explanation });

describe('episodes of a backtest', () => {
  it('keeps the card that names a reason when a busier minute has none left (the level held by cooldown)', () => {
    const story = recorder();
    story.record(evaluation(0, 'alert', 'calm', 20, [negative('alert')]));
    story.record(evaluation(10, 'alert', 'alert', 24, [negative('calm')]));
    const [episode] = story.episodes;
    expect(episode!.peakLevel).toBe('alert');
    expect(episode!.explanation.signals.filter((s) => s.level !== 'calm')).toEqual([negative('alert')]);
  });

  it('writes the card again when a busier minute names more, such as a critic who posted after the opening', () => {
    const story = recorder();
    story.record(evaluation(0, 'alert', 'calm', 20, [negative('alert'), critic('calm')]));
    story.record(evaluation(20, 'alert', 'alert', 30, [negative('vigilance'), critic('vigilance')]));
    expect(story.episodes[0]!.explanation.signals).toEqual([negative('vigilance'), critic('vigilance')]);
  });
});
