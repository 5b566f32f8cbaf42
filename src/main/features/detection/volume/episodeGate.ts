/**
 * Decides when the ensemble's readings open an episode. A member counts only when its score is both large (at
 * least `threshold`) and new for this stream: above `noveltyRatio` times the largest score of the same sign it
 * has read over the last `noveltyDays` days. That second test is what makes one setting fit every stream: a
 * bursty stream whose members read 20 every week does not alert on 20, a calm one does. An episode opens on the
 * first reading where a member counts, then no other opens for `cooldownReadings` readings; it stays active
 * until that cooldown has run and every member has fallen back under the threshold in the episode's direction.
 * Episodes go up or down (a stream can fall silent); the caller decides which matter to it.
 */
import type { MemberReading } from './streamMembers';

export interface GateSettings {
  threshold: number;
  noveltyRatio: number;
  noveltyDays: number;
  cooldownReadings: number;
  /** Readings of history before any episode (the first day of a live stream; scores are unsettled). */
  warmupReadings: number;
}

export interface GateDecision {
  fired: boolean;
  active: boolean;
  /** Index of the reading that explains the decision: the one that opened the episode, else the most unusual. */
  lead: number;
  /** Direction of the active episode: 1 for a rise, -1 for a fall, 0 when none is active. */
  direction: number;
}

const DAY_MS = 86_400_000;

/** Largest score of one sign for one member: today's so far and one per previous day. */
class DailyMaxima {
  private readonly days: Float64Array;
  private count = 0;
  today = 0;

  constructor(capacity: number) {
    this.days = new Float64Array(capacity);
  }

  closeDay(): void {
    this.days[this.count % this.days.length] = this.today;
    this.count += 1;
    this.today = 0;
  }

  highest(): number {
    let max = this.today;
    const n = Math.min(this.count, this.days.length);
    for (let i = 0; i < n; i += 1) if (this.days[i]! > max) max = this.days[i]!;
    return max;
  }
}

export class EpisodeGate {
  private up: DailyMaxima[] = [];
  private down: DailyMaxima[] = [];
  private day: number | null = null;
  private seen = 0;
  private cooldown = 0;
  private direction = 0;

  constructor(private readonly settings: GateSettings) {
    if (!(settings.noveltyDays >= 1) || !Number.isInteger(settings.noveltyDays)) throw new Error('volume detector: noveltyDays must be a whole number ≥ 1');
  }

  /**
   * Judges the readings of one reading time; `commit` false judges without changing anything (a bucket still
   * filling). `readings[i]` is member i's reading (null when the member has nothing to say yet).
   */
  decide(at: number, readings: ReadonlyArray<MemberReading | null>, commit: boolean): GateDecision {
    const s = this.settings;
    while (this.up.length < readings.length) {
      this.up.push(new DailyMaxima(s.noveltyDays));
      this.down.push(new DailyMaxima(s.noveltyDays));
    }
    const day = Math.floor(at / DAY_MS);
    if (commit && this.day !== null && day > this.day) for (const m of [...this.up, ...this.down]) m.closeDay();
    const seen = this.seen + 1;
    const warm = seen > s.warmupReadings;
    let firing = -1;
    let lead = -1;
    readings.forEach((r, i) => {
      if (!r) return;
      const maxima = r.score >= 0 ? this.up[i]! : this.down[i]!;
      const past = maxima.highest();
      const size = Math.abs(r.score);
      if (size >= s.threshold && size > s.noveltyRatio * past && firing < 0) firing = i;
      if (lead < 0 || size > Math.abs(readings[lead]!.score)) lead = i;
    });
    const cooldown = Math.max(0, this.cooldown - 1);
    const fired = warm && firing >= 0 && cooldown === 0;
    const direction = fired ? Math.sign(readings[firing]!.score) : this.direction;
    const wasActive = this.direction !== 0;
    // An episode ends once (its cooldown run, every member back under the threshold) and only a new opening
    // starts another; a reading still accumulating (a peek) never ends one: its low count so far says nothing yet.
    const stillHigh = readings.some((r) => r !== null && r.score * direction >= s.threshold);
    const active = fired || (wasActive && (!commit || cooldown > 0 || stillHigh));
    if (commit) {
      this.day = this.day === null ? day : Math.max(this.day, day);
      this.seen = seen;
      this.cooldown = fired ? s.cooldownReadings : cooldown;
      this.direction = active ? direction : 0;
      if (warm) {
        readings.forEach((r, i) => {
          if (!r) return;
          const maxima = r.score >= 0 ? this.up[i]! : this.down[i]!;
          maxima.today = Math.max(maxima.today, Math.abs(r.score));
        });
      }
    }
    return { fired, active, lead: fired ? firing : lead, direction: active ? direction : 0 };
  }
}
