import type { CrisisLevel, Signal } from '../../../../shared/domain/detection';
import { CRISIS_LEVELS } from '../../../../shared/domain/detection';

export const levelIndex = (level: CrisisLevel): number => CRISIS_LEVELS.indexOf(level);
const levelAt = (index: number): CrisisLevel => CRISIS_LEVELS[Math.max(0, Math.min(CRISIS_LEVELS.length - 1, index))]!;

/**
 * Volume and negative share set the base level (the plan's ratios and point deltas); every other signal that
 * fires corroborates and raises it one step (two with three or more). Without any sign of negativity (negative
 * share, crisis vocabulary, an influential critic) nothing goes above vigilance: a campaign launch or a positive
 * buzz is loud but not a crisis.
 */
export function fuseLevel(signals: readonly Signal[]): CrisisLevel {
  const fired = signals.filter((s) => s.level !== 'calm');
  if (fired.length === 0) return 'calm';
  const byKind = (kind: Signal['kind']) => signals.find((s) => s.kind === kind)?.level ?? 'calm';
  const base = Math.max(levelIndex(byKind('volume')), levelIndex(byKind('negativeShare')));
  const negativity = ['negativeShare', 'vocabulary', 'audience'].some((k) => byKind(k as Signal['kind']) !== 'calm');
  let level: number;
  if (base === 0) {
    level = fired.length >= 2 && negativity ? levelIndex('alert') : levelIndex('vigilance');
  } else {
    const corroborating = fired.length - 1;
    level = base + (corroborating >= 3 ? 2 : corroborating >= 1 ? 1 : 0);
  }
  if (!negativity) level = Math.min(level, levelIndex('vigilance'));
  return levelAt(level);
}

export interface HysteresisState {
  level: CrisisLevel;
  /** Data time (ms) of the last evaluation whose fused level reached the current level. */
  lastHighAt: number | null;
}

/** Escalates at once; steps down only once the fused level has stayed lower for the whole cooldown. */
export function applyHysteresis(state: HysteresisState, target: CrisisLevel, now: number, cooldownMs: number): HysteresisState {
  if (levelIndex(target) >= levelIndex(state.level)) return { level: target, lastHighAt: now };
  const lastHighAt = state.lastHighAt ?? now;
  return now - lastHighAt >= cooldownMs ? { level: target, lastHighAt: now } : { level: state.level, lastHighAt };
}
