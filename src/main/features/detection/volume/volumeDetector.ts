/**
 * Online volume detector for any stream of readings: mention counts per 5-minute bucket in the live engine, or any
 * NAB series (5 minutes to an hour apart, irregular, with gaps) in the evaluation. One pass, bounded memory.
 *
 * The reading interval is taken from the data (median of the first gaps); the time of day is cut into slots of
 * that interval. Readings that arrive out of order are taken at the latest time seen; missing readings are not
 * invented (a count stream feeds its empty buckets as zeros). An ensemble of simple members (streamMembers.ts)
 * each reads how unusual the latest reading is from its own angle; the episode gate (episodeGate.ts) opens an
 * episode when one of them reads something both large and new for this stream. The member that opened it is the
 * explanation: what was unusual (the level, a jump, the agitation, the shape), by how much, against what baseline.
 */
import { EpisodeGate, type GateSettings } from './episodeGate';
import { createMember, type MemberKind, type MemberReading, type MemberSizes, type MemberSpec, type RecentReadings, type StreamClock, type StreamMember } from './streamMembers';

export interface VolumeDetectorSettings {
  members: readonly MemberSpec[];
  /** Hours of readings in the recent baseline, and days in a stream's usual spread. */
  recentHours: number;
  longDays: number;
  seasonalDays: number;
  slotTolerance: number;
  spreadFloor: number;
  shapeLength: number;
  shapeVigilance: number;
  shapeCapacity: number;
  surpriseBins: number;
  surpriseContext: number;
  surpriseSpan: number;
  gate: GateSettings;
}

export interface VolumeObservation {
  at: number;
  value: number;
  /** True on the reading where a new episode opens. */
  fired: boolean;
  /** True from the reading an episode opens until it has calmed down. */
  active: boolean;
  /** Whether the active episode is a rise or a fall (null when none is active). */
  direction: 'up' | 'down' | null;
  /** The member reading that explains the observation: the one that opened the episode, else the most unusual. */
  reason: MemberReading | null;
}

const DAY_MS = 86_400_000;
const GROWS_WITH_COUNT: ReadonlySet<MemberKind> = new Set(['level', 'seasonal', 'jump']);
const HOUR_MS = 3_600_000;
/** Gaps looked at before the interval is known. */
const INTERVAL_SAMPLE = 32;
const MAX_RECENT = 2048;
const MAX_LONG = 4096;
const MAX_SLOTS = 1440;

/** Fixed-size history of the latest readings, newest first through `back`. */
class ReadingRing implements RecentReadings {
  private readonly values: Float64Array;
  private head = 0;
  size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  push(value: number): void {
    this.values[this.head] = value;
    this.head = (this.head + 1) % this.values.length;
    this.size = Math.min(this.size + 1, this.values.length);
  }

  back(k: number): number {
    return this.values[(this.head - 1 - k + 2 * this.values.length) % this.values.length]!;
  }

  /** The ring with one more (uncommitted) reading on top. */
  withNext(value: number): RecentReadings {
    return { size: Math.min(this.size + 1, this.values.length), back: (k) => (k === 0 ? value : this.back(k - 1)) };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The members of the detector and the stream's clock, without any decision: what the gate (or several) judges. */
export class VolumeEnsemble {
  private readonly recent: ReadingRing;
  private readonly gaps: number[] = [];
  private members: StreamMember[] = [];
  private clock: StreamClock | null = null;
  private intervalMs: number | null = null;
  private lastAt: number | null = null;

  constructor(private readonly settings: VolumeDetectorSettings) {
    if (settings.members.length === 0) throw new Error('volume detector: at least one member');
    this.recent = new ReadingRing(2 * Math.max(...settings.members.map((m) => m.scale)) + 2);
  }

  /** Interval between readings, once the first gaps have shown it. */
  get interval(): number | null {
    return this.intervalMs;
  }

  get lastReadingAt(): number | null {
    return this.lastAt;
  }

  get size(): number {
    return this.settings.members.length;
  }

  /** Feeds one reading; returns each member's reading (all null until the interval is known). */
  observe(at: number, value: number): { time: number; readings: Array<MemberReading | null> } {
    if (!Number.isFinite(at) || !Number.isFinite(value)) throw new Error('volume detector: readings need a finite time and value');
    if (this.intervalMs === null && this.lastAt !== null && at > this.lastAt) {
      this.gaps.push(at - this.lastAt);
      if (this.gaps.length >= INTERVAL_SAMPLE) this.start(median(this.gaps));
    }
    const time = this.lastAt === null ? at : Math.max(at, this.lastAt);
    const pending = this.read(time, value);
    for (const p of pending) p.commit();
    this.recent.push(value);
    this.lastAt = time;
    return { time, readings: pending.map((p) => p.reading) };
  }

  /** What `observe` would read for this reading, changing nothing. */
  peek(at: number, value: number): { time: number; readings: Array<MemberReading | null> } {
    const time = this.lastAt === null ? at : Math.max(at, this.lastAt);
    return { time, readings: this.read(time, value).map((p) => p.reading) };
  }

  private read(time: number, value: number) {
    const clock = this.clock;
    if (clock === null) return this.settings.members.map(() => ({ reading: null, commit: () => undefined }));
    const at = { slot: Math.floor((time % DAY_MS) / (DAY_MS / clock.slots)) % clock.slots, slots: clock.slots };
    const recent = this.recent.withNext(value);
    return this.members.map((m) => m.read(recent, at));
  }

  private start(interval: number): void {
    const s = this.settings;
    this.intervalMs = interval;
    // Below a reading every six hours there is a time of day to compare with.
    const slots = interval <= DAY_MS / 4 ? Math.min(MAX_SLOTS, Math.max(1, Math.round(DAY_MS / interval))) : 1;
    this.clock = { slot: 0, slots };
    const recent = Math.min(MAX_RECENT, Math.max(8, Math.round((s.recentHours * HOUR_MS) / interval)));
    const sizes: MemberSizes = {
      recent,
      long: Math.min(MAX_LONG, Math.max(recent, Math.round((s.longDays * DAY_MS) / interval))),
      seasonalDays: s.seasonalDays,
      slotTolerance: s.slotTolerance,
      shapeLength: s.shapeLength,
      shapeVigilance: s.shapeVigilance,
      shapeCapacity: s.shapeCapacity,
      spreadFloor: s.spreadFloor,
      surpriseBins: s.surpriseBins,
      surpriseContext: s.surpriseContext,
      surpriseSpan: s.surpriseSpan,
    };
    this.members = s.members.map((spec) => createMember(spec, sizes));
  }
}

export class VolumeDetector {
  private readonly ensemble: VolumeEnsemble;
  private readonly gate: EpisodeGate;

  constructor(settings: VolumeDetectorSettings) {
    this.ensemble = new VolumeEnsemble(settings);
    this.gate = new EpisodeGate(settings.gate);
  }

  get interval(): number | null {
    return this.ensemble.interval;
  }

  /** Time of the last reading fed, or null before the first. */
  get lastReadingAt(): number | null {
    return this.ensemble.lastReadingAt;
  }

  observe(at: number, value: number): VolumeObservation {
    const { time, readings } = this.ensemble.observe(at, value);
    return this.judge(at, value, readings, this.gate.decide(time, readings, true));
  }

  /**
   * Reads a reading still accumulating (a bucket still filling, its count so far) without changing any state.
   * Only rises of the members that can only grow with the count (level, time of day, jump) may open an episode
   * here: the agitation and the shape of a half-filled bucket say nothing yet. So an episode a peek opens is
   * opened by `observe` too once the bucket closes (with its count at least as high).
   */
  peek(at: number, value: number): VolumeObservation {
    const { time, readings } = this.ensemble.peek(at, value);
    const growing = readings.map((r) => (r && r.score > 0 && GROWS_WITH_COUNT.has(r.kind) ? r : null));
    const decision = this.gate.decide(time, growing, false);
    return this.judge(at, value, growing, decision);
  }

  private judge(at: number, value: number, readings: Array<MemberReading | null>, decision: ReturnType<EpisodeGate['decide']>): VolumeObservation {
    return {
      at,
      value,
      fired: decision.fired,
      active: decision.active,
      direction: decision.direction > 0 ? 'up' : decision.direction < 0 ? 'down' : null,
      reason: decision.lead >= 0 ? readings[decision.lead]! : null,
    };
  }
}
