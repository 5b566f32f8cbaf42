/**
 * Incremental volume detector over fixed-size buckets of mention counts, at several time scales at once.
 *
 * Counts are log-transformed (sparse brands have medians of 0 to 2 mentions per bucket, big ones thousands).
 * Each scale averages the last k buckets: one bucket catches a sudden spike, an hour catches a surge that
 * builds without any single outstanding bucket. At every scale the level is compared with the same time of day
 * on each of the previous days (median of the slot and its neighbours: the seasonal baseline, robust to past
 * incidents) with a robust spread, and must also stand out against yesterday and against the same day last
 * week. An episode opens on the first bucket where a scale crosses the threshold; afterwards the detector stays
 * quiet for a cooldown and until every scale has fallen back, so a long spike yields one alert, not one per
 * bucket.
 */

export interface VolumeDetectorSettings {
  bucketMs: number;
  /** Trailing buckets averaged into the level compared at each scale. */
  scales: readonly number[];
  /** Days of history kept for the seasonal baseline. */
  historyDays: number;
  /** Slots on each side of the current time of day included in the seasonal sample. */
  slotTolerance: number;
  /** Robust z a scale's level must reach against the seasonal baseline. */
  threshold: number;
  /** Robust z the level must reach against yesterday and against last week (when those days exist). */
  confirmThreshold: number;
  /** Smallest spread, in log1p units, so that flat or sparse series do not alert on noise. */
  spreadFloor: number;
  /** Buckets after an episode opens during which no new episode can open. */
  cooldownBuckets: number;
  /** z under which every scale must fall before a new episode can open (the episode then ends). */
  rearmBelow: number;
  /** Buckets of history needed before any detection. */
  warmupBuckets: number;
  /** The z must also exceed this fraction of the highest z seen at that scale over the previous `noveltyDays` days (0 = off). */
  noveltyRatio: number;
  noveltyDays: number;
}

export interface VolumeObservation {
  bucketStart: number;
  count: number;
  /** Buckets averaged at the scale that explains the reading: the one crossing the threshold, else the highest z. */
  scale: number;
  /** Seasonal baseline at that scale, in mentions per bucket (back-transformed from the log scale). */
  baseline: number;
  /** Level at that scale, in mentions per bucket. */
  level: number;
  /** Robust z at that scale. */
  z: number;
  zYesterday: number | null;
  zLastWeek: number | null;
  /** True on the bucket where a new episode opens. */
  fired: boolean;
  /** True from the bucket an episode opens until every scale has fallen back under `rearmBelow`. */
  active: boolean;
}

const DAY_MS = 86_400_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface ScaleReading {
  scale: number;
  level: number;
  base: number;
  z: number;
  zYesterday: number | null;
  zLastWeek: number | null;
  /** Crosses the threshold, confirmed against yesterday and last week, and unusual for this series. */
  exceeds: boolean;
}

/** Levels of one scale: a ring buffer over `historyDays + 1` days, and the highest z of each past day. */
class ScaleHistory {
  readonly levels: Float64Array;
  readonly present: Uint8Array;
  readonly dailyMaxZ: number[] = [];
  currentDayMax = -Infinity;

  constructor(
    readonly scale: number,
    capacity: number,
  ) {
    this.levels = new Float64Array(capacity);
    this.present = new Uint8Array(capacity);
  }
}

export class SeasonalVolumeDetector {
  private readonly bucketsPerDay: number;
  private readonly capacity: number;
  private readonly histories: ScaleHistory[];
  private readonly maxScale: number;
  /** log1p counts of the last `maxScale` buckets, oldest first. */
  private readonly recent: number[] = [];
  private currentDay: number | null = null;
  private lastIndex: number | null = null;
  private seen = 0;
  private cooldown = 0;
  private armed = true;

  constructor(private readonly settings: VolumeDetectorSettings) {
    if (settings.scales.length === 0 || settings.scales.some((k) => !Number.isInteger(k) || k < 1)) {
      throw new Error('volume detector: scales must be positive whole numbers of buckets');
    }
    this.bucketsPerDay = Math.round(DAY_MS / settings.bucketMs);
    this.capacity = this.bucketsPerDay * (settings.historyDays + 1);
    this.histories = settings.scales.map((k) => new ScaleHistory(k, this.capacity));
    this.maxScale = Math.max(...settings.scales);
  }

  /** Start of the last bucket fed, or null before the first. */
  get lastBucketStart(): number | null {
    return this.lastIndex === null ? null : this.lastIndex * this.settings.bucketMs;
  }

  /** Feeds one complete bucket; buckets must arrive in time order (missing buckets count as zero). */
  observe(bucketStart: number, count: number): VolumeObservation {
    const index = this.indexOf(bucketStart);
    if (this.lastIndex !== null) {
      for (let gap = this.lastIndex + 1; gap < index; gap += 1) this.commit(gap, 0);
    }
    return this.commit(index, Math.max(0, count));
  }

  /**
   * Reads a bucket still filling (its count so far) without changing any state: what `observe` would say if the
   * bucket closed now. Counts only grow, so an episode `peek` reports is opened by `observe` when the bucket closes.
   */
  peek(bucketStart: number, countSoFar: number): VolumeObservation {
    const index = this.indexOf(bucketStart);
    const recent = [...this.recent];
    if (this.lastIndex !== null) {
      for (let gap = this.lastIndex + 1; gap < index && gap - this.lastIndex <= this.maxScale; gap += 1) recent.push(0);
    }
    recent.push(Math.log1p(Math.max(0, countSoFar)));
    const readings = this.read(index, recent.slice(-this.maxScale), this.seen + (index - (this.lastIndex ?? index - 1)));
    const cooldownLeft = Math.max(0, this.cooldown - (index - (this.lastIndex ?? index)));
    // A bucket still filling can open an episode but never end one: its low count so far says nothing yet.
    const fired = readings.some((r) => r.exceeds) && this.armed && cooldownLeft === 0;
    return this.result(bucketStart, countSoFar, readings, fired, fired || !this.armed);
  }

  private indexOf(bucketStart: number): number {
    const index = Math.floor(bucketStart / this.settings.bucketMs);
    if (this.lastIndex !== null && index <= this.lastIndex) {
      throw new Error('volume detector: buckets must arrive in increasing time order');
    }
    return index;
  }

  private commit(index: number, count: number): VolumeObservation {
    const s = this.settings;
    this.recent.push(Math.log1p(count));
    if (this.recent.length > this.maxScale) this.recent.shift();
    this.seen += 1;
    const readings = this.read(index, this.recent, this.seen);
    this.store(index, readings);

    if (this.cooldown > 0) this.cooldown -= 1;
    const zMax = Math.max(...readings.map((r) => r.z));
    if (!this.armed && zMax < s.rearmBelow) this.armed = true;
    const fired = readings.some((r) => r.exceeds) && this.armed && this.cooldown === 0;
    if (fired) {
      this.cooldown = s.cooldownBuckets;
      this.armed = false;
    }
    return this.result(index * s.bucketMs, count, readings, fired, !this.armed);
  }

  /** Each scale's level at bucket `index` from the given recent log counts, against the stored history. */
  private read(index: number, recent: readonly number[], seen: number): ScaleReading[] {
    const s = this.settings;
    return this.histories.map((h) => {
      const window = recent.slice(-h.scale);
      const level = window.reduce((a, b) => a + b, 0) / window.length;
      const seasonal: number[] = [];
      for (let day = 1; day <= s.historyDays; day += 1) {
        for (let d = -s.slotTolerance; d <= s.slotTolerance; d += 1) {
          const v = this.levelAt(h, index - day * this.bucketsPerDay + d);
          if (v !== null) seasonal.push(v);
        }
      }
      if (seasonal.length === 0 || seen < s.warmupBuckets) {
        return { scale: h.scale, level, base: seasonal.length ? median(seasonal) : level, z: 0, zYesterday: null, zLastWeek: null, exceeds: false };
      }
      const base = median(seasonal);
      const spread = Math.max(1.4826 * median(seasonal.map((v) => Math.abs(v - base))), s.spreadFloor);
      const z = (level - base) / spread;
      const yesterday = this.levelAt(h, index - this.bucketsPerDay);
      const lastWeek = s.historyDays >= 7 ? this.levelAt(h, index - 7 * this.bucketsPerDay) : null;
      const zYesterday = yesterday === null ? null : (level - yesterday) / spread;
      const zLastWeek = lastWeek === null ? null : (level - lastWeek) / spread;
      const confirmed =
        (zYesterday === null || zYesterday >= s.confirmThreshold) && (zLastWeek === null || zLastWeek >= s.confirmThreshold);
      const novel = s.noveltyRatio <= 0 || h.dailyMaxZ.length === 0 || z >= s.noveltyRatio * Math.max(...h.dailyMaxZ);
      return { scale: h.scale, level, base, z, zYesterday, zLastWeek, exceeds: z >= s.threshold && confirmed && novel };
    });
  }

  private store(index: number, readings: readonly ScaleReading[]): void {
    const day = Math.floor(index / this.bucketsPerDay);
    const slot = ((index % this.capacity) + this.capacity) % this.capacity;
    const newDay = this.currentDay !== null && day !== this.currentDay;
    this.histories.forEach((h, i) => {
      const reading = readings[i]!;
      if (newDay) {
        h.dailyMaxZ.push(h.currentDayMax);
        if (h.dailyMaxZ.length > this.settings.noveltyDays) h.dailyMaxZ.shift();
        h.currentDayMax = -Infinity;
      }
      if (reading.z > h.currentDayMax) h.currentDayMax = reading.z;
      h.levels[slot] = reading.level;
      h.present[slot] = 1;
    });
    this.currentDay = day;
    this.lastIndex = index;
  }

  private result(bucketStart: number, count: number, readings: readonly ScaleReading[], fired: boolean, active: boolean): VolumeObservation {
    // The scale that opens (or would open) the episode explains it; otherwise the one that stands out most.
    const exceeding = readings.filter((r) => r.exceeds);
    const lead = (exceeding.length ? exceeding : readings).reduce((best, r) => (r.z > best.z ? r : best));
    return {
      bucketStart,
      count,
      scale: lead.scale,
      level: Math.expm1(lead.level),
      baseline: Math.expm1(lead.base),
      z: lead.z,
      zYesterday: lead.zYesterday,
      zLastWeek: lead.zLastWeek,
      fired,
      active,
    };
  }

  private levelAt(h: ScaleHistory, index: number): number | null {
    // Stored buckets are (lastIndex − capacity, lastIndex]; older slots have been overwritten.
    if (this.lastIndex === null || index > this.lastIndex || index <= this.lastIndex - this.capacity) return null;
    const slot = ((index % this.capacity) + this.capacity) % this.capacity;
    return h.present[slot] ? h.levels[slot]! : null;
  }
}
