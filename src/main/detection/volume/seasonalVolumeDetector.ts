/**
 * Incremental volume detector over fixed-size buckets of mention counts.
 *
 * Counts are log-transformed (sparse brands have medians of 0 to 2 mentions per bucket, big ones thousands) and
 * smoothed over a short trailing window. The smoothed level is compared with the same time of day on each of the
 * previous days (median of the slot and its neighbours: the seasonal baseline, robust to past incidents) with a
 * robust spread, and must also stand out against yesterday and against the same day last week. An episode opens
 * on the first bucket crossing the threshold; afterwards the detector stays quiet for a cooldown and until the
 * level has fallen back, so a long spike yields one alert, not one per bucket.
 */

export interface VolumeDetectorSettings {
  bucketMs: number;
  /** Trailing buckets averaged into the level that is compared. */
  shortBuckets: number;
  /** Days of history kept for the seasonal baseline. */
  historyDays: number;
  /** Slots on each side of the current time of day included in the seasonal sample. */
  slotTolerance: number;
  /** Robust z the level must reach against the seasonal baseline. */
  threshold: number;
  /** Robust z the level must reach against yesterday and against last week (when those days exist). */
  confirmThreshold: number;
  /** Smallest spread, in log1p units, so that flat or sparse series do not alert on noise. */
  spreadFloor: number;
  /** Buckets after an episode opens during which no new episode can open. */
  cooldownBuckets: number;
  /** z under which the level must fall before a new episode can open. */
  rearmBelow: number;
  /** Buckets of history needed before any detection. */
  warmupBuckets: number;
  /** The z must also exceed this fraction of the highest z seen over the previous `noveltyDays` days (0 = off). */
  noveltyRatio: number;
  noveltyDays: number;
}

export interface VolumeObservation {
  bucketStart: number;
  count: number;
  /** Seasonal baseline in mentions per bucket (back-transformed from the log scale). */
  baseline: number;
  /** Short-window level in mentions per bucket. */
  level: number;
  z: number;
  zYesterday: number | null;
  zLastWeek: number | null;
  /** True on the bucket where a new episode opens. */
  fired: boolean;
  /** True while the level stays above the threshold (the episode is live). */
  elevated: boolean;
}

const DAY_MS = 86_400_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class SeasonalVolumeDetector {
  private readonly bucketsPerDay: number;
  private readonly capacity: number;
  /** Smoothed log levels by bucket index, ring buffer over `historyDays + 1` days. */
  private readonly levels: Float64Array;
  private readonly present: Uint8Array;
  private readonly recent: number[] = [];
  /** Highest z of each past day (ring over `noveltyDays`), so that only unusual deviations for this series open episodes. */
  private readonly dailyMaxZ: number[] = [];
  private currentDay: number | null = null;
  private currentDayMax = -Infinity;
  private lastIndex: number | null = null;
  private seen = 0;
  private cooldown = 0;
  private armed = true;

  constructor(private readonly settings: VolumeDetectorSettings) {
    this.bucketsPerDay = Math.round(DAY_MS / settings.bucketMs);
    this.capacity = this.bucketsPerDay * (settings.historyDays + 1);
    this.levels = new Float64Array(this.capacity);
    this.present = new Uint8Array(this.capacity);
  }

  /** Feeds one complete bucket; buckets must arrive in time order (missing buckets count as zero). */
  observe(bucketStart: number, count: number): VolumeObservation {
    const index = Math.floor(bucketStart / this.settings.bucketMs);
    if (this.lastIndex !== null && index <= this.lastIndex) {
      throw new Error('volume detector: buckets must arrive in increasing time order');
    }
    if (this.lastIndex !== null) {
      for (let gap = this.lastIndex + 1; gap < index; gap += 1) this.push(gap, 0);
    }
    return this.push(index, Math.max(0, count), bucketStart);
  }

  private push(index: number, count: number, bucketStart = index * this.settings.bucketMs): VolumeObservation {
    const s = this.settings;
    this.recent.push(Math.log1p(count));
    if (this.recent.length > s.shortBuckets) this.recent.shift();
    const level = this.recent.reduce((a, b) => a + b, 0) / this.recent.length;

    const seasonal: number[] = [];
    for (let day = 1; day <= s.historyDays; day += 1) {
      for (let d = -s.slotTolerance; d <= s.slotTolerance; d += 1) {
        const v = this.levelAt(index - day * this.bucketsPerDay + d);
        if (v !== null) seasonal.push(v);
      }
    }
    this.seen += 1;
    const slot = this.capacityIndex(index);
    this.levels[slot] = level;
    this.present[slot] = 1;
    this.lastIndex = index;

    if (seasonal.length === 0 || this.seen < s.warmupBuckets) {
      return this.result(bucketStart, count, level, seasonal.length ? median(seasonal) : level, 0, null, null, false);
    }
    const base = median(seasonal);
    const mad = median(seasonal.map((v) => Math.abs(v - base)));
    const spread = Math.max(1.4826 * mad, s.spreadFloor);
    const z = (level - base) / spread;
    const yesterday = this.levelAt(index - this.bucketsPerDay);
    const lastWeek = s.historyDays >= 7 ? this.levelAt(index - 7 * this.bucketsPerDay) : null;
    const zYesterday = yesterday === null ? null : (level - yesterday) / spread;
    const zLastWeek = lastWeek === null ? null : (level - lastWeek) / spread;

    if (this.cooldown > 0) this.cooldown -= 1;
    if (!this.armed && z < s.rearmBelow) this.armed = true;
    const confirmed =
      (zYesterday === null || zYesterday >= s.confirmThreshold) && (zLastWeek === null || zLastWeek >= s.confirmThreshold);
    const novel = s.noveltyRatio <= 0 || this.dailyMaxZ.length === 0 || z >= s.noveltyRatio * Math.max(...this.dailyMaxZ);
    this.trackDailyMax(index, z);
    const elevated = z >= s.threshold && confirmed && novel;
    const fired = elevated && this.armed && this.cooldown === 0;
    if (fired) {
      this.cooldown = s.cooldownBuckets;
      this.armed = false;
    }
    return this.result(bucketStart, count, level, base, z, zYesterday, zLastWeek, fired, elevated);
  }

  private result(
    bucketStart: number,
    count: number,
    level: number,
    base: number,
    z: number,
    zYesterday: number | null,
    zLastWeek: number | null,
    fired: boolean,
    elevated = false,
  ): VolumeObservation {
    return { bucketStart, count, level: Math.expm1(level), baseline: Math.expm1(base), z, zYesterday, zLastWeek, fired, elevated };
  }

  private trackDailyMax(index: number, z: number): void {
    const day = Math.floor(index / this.bucketsPerDay);
    if (this.currentDay !== null && day !== this.currentDay) {
      this.dailyMaxZ.push(this.currentDayMax);
      if (this.dailyMaxZ.length > this.settings.noveltyDays) this.dailyMaxZ.shift();
      this.currentDayMax = -Infinity;
    }
    this.currentDay = day;
    if (z > this.currentDayMax) this.currentDayMax = z;
  }

  private capacityIndex(index: number): number {
    return ((index % this.capacity) + this.capacity) % this.capacity;
  }

  private levelAt(index: number): number | null {
    // Stored buckets are (lastIndex − capacity, lastIndex]; older slots have been overwritten.
    if (this.lastIndex === null || index > this.lastIndex || index <= this.lastIndex - this.capacity) return null;
    const slot = this.capacityIndex(index);
    return this.present[slot] ? this.levels[slot]! : null;
  }
}
