/**
 * The simple online detectors the volume ensemble is made of. Each one looks at the stream from one angle (the
 * level against the last day, against the same time of day, the size of a jump, how agitated the stream is, the
 * shape of its recent past) and reads a score: how unusual the latest reading is in that member's own units
 * (robust standard deviations, or percent of the stream's range for shapes), signed (up or down), with the
 * baseline it was compared with. Every member keeps a bounded history.
 */
import { SlidingQuantiles } from './slidingQuantiles';

export type MemberKind = 'level' | 'seasonal' | 'jump' | 'volatility' | 'shape' | 'surprise';

export interface MemberSpec {
  kind: MemberKind;
  /** Readings averaged (level, seasonal, jump, shape) or spanned (volatility) by the member. */
  scale: number;
  /** Read the stream on a log scale (sign(x)·ln(1+|x|)): ratios rather than differences, for bursty counts. */
  log?: boolean;
}

export interface MemberReading {
  kind: MemberKind;
  scale: number;
  /** Signed unusualness of the latest reading for this member. */
  score: number;
  /** What the member measured (a level, a jump, an agitation) in the stream's units. */
  level: number;
  /** What it expected: the usual level, the level before the jump, the usual agitation, a familiar shape's value. */
  baseline: number;
}

/** The latest readings of the stream, newest first, including one not committed yet (a peek). */
export interface RecentReadings {
  readonly size: number;
  back(k: number): number;
}

export interface StreamClock {
  /** Time-of-day slot of the latest reading, out of `slots` (1 when the stream has no daily rhythm to speak of). */
  slot: number;
  slots: number;
}

/** A member's reading and what committing it would change (nothing happens for a peek). */
export interface PendingReading {
  reading: MemberReading | null;
  commit(): void;
}

export interface MemberSizes {
  /** Readings in the last day (recent baselines). */
  recent: number;
  /** Readings in the last week (a stream's usual spread). */
  long: number;
  /** Days of the same time-of-day slot kept (seasonal baseline). */
  seasonalDays: number;
  /** Slots on each side of the current one pooled into the seasonal baseline. */
  slotTolerance: number;
  /** Levels in a shape, and how close to a known shape a new one must be to join it (0…1). */
  shapeLength: number;
  shapeVigilance: number;
  shapeCapacity: number;
  /** Smallest spread, as a fraction of the stream's wide spread over the last week. */
  spreadFloor: number;
  /** Surprise: levels a reading is sorted into, readings of context before it, readings its recent surprise spans. */
  surpriseBins: number;
  surpriseContext: number;
  surpriseSpan: number;
}

export interface StreamMember {
  readonly kind: MemberKind;
  readonly scale: number;
  read(recent: RecentReadings, clock: StreamClock): PendingReading;
}

const IQR_TO_SD = 1 / 1.349;
/** Contexts a surprise member keeps (its memory bound). */
const MAX_CONTEXTS = 4096;
/** Sightings a context's forecast is held back by: what followed a context once is only half foreseen. */
const FORECAST_PRIOR = 1;
/** Longest run of one band a surprise context tells apart. */
const MAX_RUN = 64;
/** Smallest spread of the recent surprise: a stream foreseen perfectly so far is surprised by a finite amount. */
const MIN_SURPRISE_SD = 0.02;
/**
 * Surprise scores are doubled so that the gate's one threshold (6, robust standard deviations for the other
 * members) asks three standard deviations of recent surprise, about Numenta's likelihood of 0.999.
 */
const SURPRISE_SCALE = 2;
const NOTHING: PendingReading = { reading: null, commit: () => undefined };
/** Spreads never reach zero: a flat stream that moves at all is unusual, but by a finite amount. */
const TINY = 1e-9;

function mean(recent: RecentReadings, count: number, offset = 0): number {
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += recent.back(offset + i);
  return sum / count;
}

function interquartileSpread(q: SlidingQuantiles): number {
  return (q.quantile(0.75) - q.quantile(0.25)) * IQR_TO_SD;
}

/** A scale for streams that are flat most of the time: the widest of three robust spreads (25–75, 10–90, 1–99). */
function wideSpread(q: SlidingQuantiles): number {
  return Math.max(interquartileSpread(q), (q.quantile(0.9) - q.quantile(0.1)) / 2.563, (q.quantile(0.99) - q.quantile(0.01)) / 4.653);
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** The level (mean of the last `scale` readings) against the median and spread of the levels of the last day. */
class LevelMember implements StreamMember {
  readonly kind = 'level';
  private readonly recentLevels: SlidingQuantiles;
  private readonly longLevels: SlidingQuantiles;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.recentLevels = new SlidingQuantiles(sizes.recent);
    this.longLevels = new SlidingQuantiles(sizes.long);
  }

  read(recent: RecentReadings): PendingReading {
    if (recent.size < this.scale) return NOTHING;
    const level = mean(recent, this.scale);
    const commit = () => {
      this.recentLevels.push(level);
      this.longLevels.push(level);
    };
    if (this.recentLevels.size < 8) return { reading: null, commit };
    const baseline = this.recentLevels.quantile(0.5);
    const spread = Math.max(
      interquartileSpread(this.recentLevels),
      this.sizes.spreadFloor * wideSpread(this.longLevels),
      TINY * (1 + Math.abs(baseline)),
    );
    return { reading: { kind: this.kind, scale: this.scale, score: (level - baseline) / spread, level, baseline }, commit };
  }
}

/** The level against the same time of day (and its neighbouring slots) on the previous days. */
class SeasonalMember implements StreamMember {
  readonly kind = 'seasonal';
  private slotRings: Float64Array[] = [];
  private slotCounts: number[] = [];
  private readonly longLevels: SlidingQuantiles;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.longLevels = new SlidingQuantiles(sizes.long);
  }

  read(recent: RecentReadings, clock: StreamClock): PendingReading {
    if (clock.slots < 2 || recent.size < this.scale) return NOTHING;
    if (this.slotRings.length !== clock.slots) {
      this.slotRings = Array.from({ length: clock.slots }, () => new Float64Array(this.sizes.seasonalDays));
      this.slotCounts = new Array<number>(clock.slots).fill(0);
    }
    const level = mean(recent, this.scale);
    const commit = () => {
      const ring = this.slotRings[clock.slot]!;
      ring[this.slotCounts[clock.slot]! % ring.length] = level;
      this.slotCounts[clock.slot]! += 1;
      this.longLevels.push(level);
    };
    const sample: number[] = [];
    const t = this.sizes.slotTolerance;
    for (let d = -t; d <= t; d += 1) {
      const slot = (clock.slot + d + clock.slots) % clock.slots;
      const ring = this.slotRings[slot]!;
      const n = Math.min(this.slotCounts[slot]!, ring.length);
      for (let i = 0; i < n; i += 1) sample.push(ring[i]!);
    }
    // Three days of each pooled slot before the time of day means anything.
    if (sample.length < 3 * (2 * t + 1)) return { reading: null, commit };
    const baseline = median([...sample]);
    const mad = median(sample.map((v) => Math.abs(v - baseline))) * 1.4826;
    const spread = Math.max(mad, this.sizes.spreadFloor * wideSpread(this.longLevels), TINY * (1 + Math.abs(baseline)));
    return { reading: { kind: this.kind, scale: this.scale, score: (level - baseline) / spread, level, baseline }, commit };
  }
}

/** The change between the last `scale` readings and the `scale` before, against the changes of the last week. */
class JumpMember implements StreamMember {
  readonly kind = 'jump';
  private readonly changes: SlidingQuantiles;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.changes = new SlidingQuantiles(sizes.long);
  }

  read(recent: RecentReadings): PendingReading {
    if (recent.size < 2 * this.scale) return NOTHING;
    const level = mean(recent, this.scale);
    const before = mean(recent, this.scale, this.scale);
    const change = level - before;
    const commit = () => this.changes.push(change);
    if (this.changes.size < 8) return { reading: null, commit };
    const usual = this.changes.quantile(0.5);
    const spread = Math.max(
      interquartileSpread(this.changes),
      this.sizes.spreadFloor * wideSpread(this.changes),
      TINY * (1 + Math.abs(before)),
    );
    return { reading: { kind: this.kind, scale: this.scale, score: (change - usual) / spread, level, baseline: before }, commit };
  }
}

/** How agitated the stream is (mean absolute step over `scale` readings) against its agitation over the last week. */
class VolatilityMember implements StreamMember {
  readonly kind = 'volatility';
  private readonly agitation: SlidingQuantiles;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.agitation = new SlidingQuantiles(sizes.long);
  }

  read(recent: RecentReadings): PendingReading {
    if (recent.size < this.scale + 1) return NOTHING;
    let steps = 0;
    for (let i = 0; i < this.scale; i += 1) steps += Math.abs(recent.back(i) - recent.back(i + 1));
    const level = steps / this.scale;
    const commit = () => this.agitation.push(level);
    if (this.agitation.size < 8) return { reading: null, commit };
    const baseline = this.agitation.quantile(0.5);
    const spread = Math.max(interquartileSpread(this.agitation), this.sizes.spreadFloor * wideSpread(this.agitation), TINY * (1 + baseline));
    return { reading: { kind: this.kind, scale: this.scale, score: (level - baseline) / spread, level, baseline }, commit };
  }
}

/**
 * Shapes: the last `shapeLength` levels (each the mean of `scale` readings) as a point, and the shapes seen so far
 * as boxes around the points they gathered (the categories of fuzzy ART with complement coding, Carpenter,
 * Grossberg & Rosen 1991, kept in the stream's own units). A shape inside a box is familiar; otherwise its
 * novelty is how far the nearest box would have to grow to take it, per level, in percent of the stream's range.
 * A box may grow only while its total width stays within the vigilance; a shape too far from every box founds a
 * new one (the least recently used goes when the capacity is reached).
 */
class ShapeMember implements StreamMember {
  readonly kind = 'shape';
  private readonly lower: Float64Array[] = [];
  private readonly upper: Float64Array[] = [];
  private readonly lastUsed: number[] = [];
  private readonly levels: Float64Array;
  private levelCount = 0;
  private readings = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.levels = new Float64Array(sizes.shapeLength);
  }

  read(recent: RecentReadings): PendingReading {
    // A shape point every `scale` readings: the member sees a downsampled stream.
    if ((this.readings + 1) % this.scale !== 0 || recent.size < this.scale) return { reading: null, commit: () => (this.readings += 1) };
    const n = this.sizes.shapeLength;
    const level = mean(recent, this.scale);
    const shape = new Float64Array(n);
    for (let i = 0; i < n - 1; i += 1) shape[i] = this.levels[(this.levelCount - (n - 1) + i + n) % n]!;
    shape[n - 1] = level;
    const commit = () => this.learn(shape, level);
    if (this.levelCount < n - 1) return { reading: null, commit };
    const range = this.max - this.min;
    const nearest = this.nearest(shape);
    if (!(range > 0) || nearest.index < 0) return { reading: null, commit };
    const novelty = (100 * nearest.growth) / (n * range);
    const lo = this.lower[nearest.index]![n - 1]!;
    const hi = this.upper[nearest.index]![n - 1]!;
    const baseline = Math.min(Math.max(level, lo), hi);
    const score = level >= baseline ? novelty : -novelty;
    return { reading: { kind: this.kind, scale: this.scale, score, level, baseline }, commit };
  }

  private nearest(shape: Float64Array): { index: number; growth: number } {
    let index = -1;
    let growth = Infinity;
    for (let j = 0; j < this.lower.length; j += 1) {
      const lo = this.lower[j]!;
      const hi = this.upper[j]!;
      let g = 0;
      for (let i = 0; i < shape.length && g < growth; i += 1) {
        const v = shape[i]!;
        if (v < lo[i]!) g += lo[i]! - v;
        else if (v > hi[i]!) g += v - hi[i]!;
      }
      if (g < growth) {
        growth = g;
        index = j;
      }
    }
    return { index, growth };
  }

  private learn(shape: Float64Array, level: number): void {
    this.readings += 1;
    this.levels[this.levelCount % this.levels.length] = level;
    this.levelCount += 1;
    if (this.levelCount < this.levels.length) return;
    for (const v of shape) {
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    }
    const budget = shape.length * (1 - this.sizes.shapeVigilance) * (this.max - this.min);
    let chosen = -1;
    let chosenGrowth = Infinity;
    for (let j = 0; j < this.lower.length; j += 1) {
      const lo = this.lower[j]!;
      const hi = this.upper[j]!;
      let width = 0;
      let growth = 0;
      for (let i = 0; i < shape.length; i += 1) {
        const v = shape[i]!;
        const newLo = Math.min(lo[i]!, v);
        const newHi = Math.max(hi[i]!, v);
        width += newHi - newLo;
        growth += newHi - newLo - (hi[i]! - lo[i]!);
      }
      if (width <= budget && growth < chosenGrowth) {
        chosenGrowth = growth;
        chosen = j;
      }
    }
    if (chosen >= 0) {
      const lo = this.lower[chosen]!;
      const hi = this.upper[chosen]!;
      for (let i = 0; i < shape.length; i += 1) {
        lo[i] = Math.min(lo[i]!, shape[i]!);
        hi[i] = Math.max(hi[i]!, shape[i]!);
      }
      this.lastUsed[chosen] = this.readings;
      return;
    }
    if (this.lower.length >= this.sizes.shapeCapacity) {
      let stale = 0;
      for (let j = 1; j < this.lastUsed.length; j += 1) if (this.lastUsed[j]! < this.lastUsed[stale]!) stale = j;
      this.lower.splice(stale, 1);
      this.upper.splice(stale, 1);
      this.lastUsed.splice(stale, 1);
    }
    this.lower.push(Float64Array.from(shape));
    this.upper.push(Float64Array.from(shape));
    this.lastUsed.push(this.readings);
  }
}

/**
 * Surprise of a sequence predictor, turned into a likelihood the way Numenta's HTM detector does (Ahmad et al.,
 * 2017): each level (mean of `scale` readings) is sorted into one of `surpriseBins` bands of the stream's usual
 * range, a table learns which band follows each context (the previous `surpriseContext` bands and how many levels
 * in a row the stream has stayed in the latest one, so that it knows when a long run usually ends), and the raw
 * surprise of a level is how little of the table's forecast fell on or next to its band (0 when foreseen, 1 when
 * never seen after that context). One surprising level is common; what is unusual is a run of them: the score is
 * how far the mean surprise of the last `surpriseSpan` levels stands above the same mean over the member's long
 * run (as many levels as the stream has readings in a week), in its standard deviations. The baseline told back is the level the table expected; the sign says whether the stream
 * went above or below it. Memory is bounded: at most `MAX_CONTEXTS` contexts, the least recently seen dropped.
 */
class SurpriseMember implements StreamMember {
  readonly kind = 'surprise';
  private readonly contexts = new Map<string, Float64Array>();
  private readonly values: SlidingQuantiles;
  private readonly bands: Int32Array;
  private readonly surprises: Float64Array;
  private historyCount = 0;
  /** Levels in a row the stream has stayed in its latest band (capped): the context's memory of where it is in a run. */
  private run = 0;
  private readings = 0;
  private longSum = 0;
  private longSquares = 0;
  private longCount = 0;
  private longWritten = 0;
  private readonly long: Float64Array;

  constructor(
    readonly scale: number,
    private readonly sizes: MemberSizes,
  ) {
    this.values = new SlidingQuantiles(sizes.long);
    this.bands = new Int32Array(sizes.surpriseContext);
    this.surprises = new Float64Array(sizes.surpriseSpan);
    this.long = new Float64Array(sizes.long);
  }

  read(recent: RecentReadings): PendingReading {
    if ((this.readings + 1) % this.scale !== 0 || recent.size < this.scale) return { reading: null, commit: () => (this.readings += 1) };
    const level = mean(recent, this.scale);
    const k = this.sizes.surpriseContext;
    const warm = this.values.size >= 8 && this.historyCount >= k;
    const band = warm ? this.bandOf(level) : -1;
    const key = warm ? this.contextKey() : '';
    const forecast = warm ? this.contexts.get(key) : undefined;
    const surprise = warm ? this.surpriseOf(forecast, band) : 0;
    const commit = () => this.learn(level, key, band, surprise, warm);
    if (!warm || this.longCount < 8 * this.sizes.surpriseSpan) return { reading: null, commit };
    const recentMean = this.recentMean(surprise);
    const longMean = this.longSum / this.longCount;
    const longSd = Math.sqrt(Math.max(0, this.longSquares / this.longCount - longMean * longMean));
    const z = (SURPRISE_SCALE * (recentMean - longMean)) / Math.max(longSd, MIN_SURPRISE_SD);
    const baseline = this.expectedLevel(forecast, level);
    return { reading: { kind: this.kind, scale: this.scale, score: level >= baseline ? z : -z, level, baseline }, commit };
  }

  /** Mean surprise of the last `surpriseSpan` levels, this one included. */
  private recentMean(surprise: number): number {
    const span = this.sizes.surpriseSpan;
    let sum = surprise;
    for (let i = 0; i < span - 1; i += 1) sum += this.surprises[(this.historyCount - 1 - i + 2 * span) % span]!;
    return sum / span;
  }

  /** Band of a level: the stream's 1–99 % range cut into equal bands, with one more on each side for levels beyond. */
  private bandOf(level: number): number {
    const lo = this.values.quantile(0.01);
    const hi = this.values.quantile(0.99);
    const n = this.sizes.surpriseBins;
    if (!(hi > lo)) return level > hi ? n - 1 : level < lo ? 0 : n >> 1;
    return Math.min(n - 1, Math.max(0, Math.floor(((level - lo) / (hi - lo)) * (n - 2)) + 1));
  }

  private contextKey(): string {
    const k = this.sizes.surpriseContext;
    const parts: number[] = [];
    for (let i = 0; i < k; i += 1) parts.push(this.bands[(this.historyCount - k + i + 2 * k) % k]!);
    // Runs are told apart by their order of magnitude (1, 2, 3–4, 5–8, …): exact lengths would split a noisy
    // stream's contexts too thin to learn.
    parts.push(Math.ceil(Math.log2(this.run)));
    return parts.join(',');
  }

  /** Share of the forecast that fell on the band (full credit) or a neighbouring one (half credit), taken from 1. */
  private surpriseOf(forecast: Float64Array | undefined, band: number): number {
    if (!forecast) return 1;
    let total = 0;
    for (const c of forecast) total += c;
    const near = forecast[band]! + 0.5 * ((forecast[band - 1] ?? 0) + (forecast[band + 1] ?? 0));
    return 1 - Math.min(1, near / (total + FORECAST_PRIOR));
  }

  /** The level the forecast pointed to: the middle of its most likely band, in the stream's units. */
  private expectedLevel(forecast: Float64Array | undefined, level: number): number {
    if (!forecast) return this.values.quantile(0.5);
    let best = 0;
    for (let b = 1; b < forecast.length; b += 1) if (forecast[b]! > forecast[best]!) best = b;
    const lo = this.values.quantile(0.01);
    const hi = this.values.quantile(0.99);
    const n = this.sizes.surpriseBins;
    if (!(hi > lo)) return level;
    if (best === 0) return lo;
    if (best === n - 1) return hi;
    return lo + ((best - 0.5) / (n - 2)) * (hi - lo);
  }

  private learn(level: number, key: string, band: number, surprise: number, warm: boolean): void {
    this.readings += 1;
    if (warm) {
      let forecast = this.contexts.get(key);
      if (forecast) this.contexts.delete(key);
      else {
        forecast = new Float64Array(this.sizes.surpriseBins);
        if (this.contexts.size >= MAX_CONTEXTS) this.contexts.delete(this.contexts.keys().next().value!);
      }
      forecast[band]! += 1;
      this.contexts.set(key, forecast);
      const recentMean = this.recentMean(surprise);
      const span = this.sizes.surpriseSpan;
      this.surprises[this.historyCount % span] = surprise;
      const slot = this.longWritten % this.long.length;
      this.longWritten += 1;
      if (this.longCount >= this.long.length) {
        const old = this.long[slot]!;
        this.longSum -= old;
        this.longSquares -= old * old;
      } else this.longCount += 1;
      this.long[slot] = recentMean;
      this.longSum += recentMean;
      this.longSquares += recentMean * recentMean;
    }
    const stored = warm ? band : 0;
    const last = this.bands[(this.historyCount - 1 + this.bands.length) % this.bands.length];
    this.run = this.historyCount > 0 && stored === last ? Math.min(this.run + 1, MAX_RUN) : 1;
    this.bands[this.historyCount % this.bands.length] = stored;
    this.historyCount += 1;
    this.values.push(level);
  }
}

const toLog = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));
const fromLog = (y: number) => Math.sign(y) * Math.expm1(Math.abs(y));

/** A member reading the stream on a log scale; its level and baseline are told back in the stream's units. */
class LogScaleMember implements StreamMember {
  constructor(private readonly inner: StreamMember) {}

  get kind(): MemberKind {
    return this.inner.kind;
  }

  get scale(): number {
    return this.inner.scale;
  }

  read(recent: RecentReadings, clock: StreamClock): PendingReading {
    const pending = this.inner.read({ size: recent.size, back: (k) => toLog(recent.back(k)) }, clock);
    const r = pending.reading;
    return { reading: r && { ...r, level: fromLog(r.level), baseline: fromLog(r.baseline) }, commit: pending.commit };
  }
}

export function createMember(spec: MemberSpec, sizes: MemberSizes): StreamMember {
  if (!Number.isInteger(spec.scale) || spec.scale < 1) throw new Error(`volume detector: ${spec.kind} scale must be a positive whole number`);
  const member = createLinearMember(spec, sizes);
  return spec.log ? new LogScaleMember(member) : member;
}

function createLinearMember(spec: MemberSpec, sizes: MemberSizes): StreamMember {
  switch (spec.kind) {
    case 'level':
      return new LevelMember(spec.scale, sizes);
    case 'seasonal':
      return new SeasonalMember(spec.scale, sizes);
    case 'jump':
      return new JumpMember(spec.scale, sizes);
    case 'volatility':
      return new VolatilityMember(spec.scale, sizes);
    case 'shape':
      return new ShapeMember(spec.scale, sizes);
    case 'surprise':
      return new SurpriseMember(spec.scale, sizes);
  }
}
