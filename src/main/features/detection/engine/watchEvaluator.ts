import type { CrisisLevel, DetectionSettings, Explanation, Signal } from '../../../../shared/domain/detection';
import { DEFAULT_VOLUME_SETTINGS } from '../volume/defaultVolumeSettings';
import { VolumeDetector } from '../volume/volumeDetector';
import { applyHysteresis, fuseLevel, levelIndex, type HysteresisState } from './levelFusion';
import type { BucketCounts, MentionSummary } from './mentionSummary';
import { binomialTail, normalTail } from './binomialTail';
import { burstingTerms, type BurstSettings, type TermBurst } from './termBursts';
import { estimateNegativeShare, foldAccents, type NegativeConfusion } from '../../tone';
import { extractTerms, type VocabularyMatcher } from './vocabularyMatcher';
import { shownTerms, writtenForms, type ShownTerm } from './writtenForms';

/** The live engine counts mentions per 5-minute bucket; the volume detector learns that interval from the buckets it is fed. */
export const BUCKET_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WINDOW_MS = HOUR_MS;
const WINDOW_BUCKETS = WINDOW_MS / BUCKET_MS;
const BUCKETS_PER_DAY = DAY_MS / BUCKET_MS;
const HISTORY_DAYS = 7;
/** Negative share assumed until a week holds enough toned mentions; the signal then stays at vigilance. */
const PRIOR_NEGATIVE_SHARE = 0.2;
const MIN_BASELINE_TONED = 200;
const MIN_WINDOW_TONED = 20;
/**
 * How rare the hour's negative count must be against the baseline share: as rare as 4 σ, judged by the exact
 * binomial tail, since small hours are noisy and the normal approximation flatters them.
 */
const NEGATIVE_ALPHA = normalTail(4);
const VOCABULARY_MIN_MENTIONS = 3;
/** A term emerges with at least 5 mentions in the hour that its usual share makes less likely than one in a million. */
const EMERGING_BURST: BurstSettings = { minCount: 5, alpha: 1e-6 };
const EMERGING_MIN_HISTORY_HOURS = 24;
const EMERGING_FIRST_MENTIONS = 3;
const INFLUENTIAL_KINDS = new Set(['journalist', 'media', 'politician']);
const MAX_RECENT = 20_000;

/** Emerging terms: the bursts (by key) and how people read them (written forms, phrases), most significant first. */
interface Emerging {
  signal: Signal;
  bursts: TermBurst[];
  shown: ShownTerm[];
}

export type EpisodeChange = 'opened' | 'escalated' | 'closed' | null;

export interface Evaluation {
  at: number;
  level: CrisisLevel;
  previous: CrisisLevel;
  signals: Signal[];
  episode: EpisodeChange;
  /** Volume of the last hour and the usual volume of that hour on previous days (null until a day of history exists). */
  windowCount: number;
  baseline: number | null;
}

interface RecentMention extends MentionSummary {
  crisisTerms: string[];
  terms: string[];
}

export interface EvaluatorOptions {
  cooldownMs: number;
  /** Accent-free words of the watch's keywords, left out of emerging terms. */
  ignoredTerms?: ReadonlySet<string>;
  /** How the workspace's tone classifier errs on negative posts, read at each evaluation; null: not measured yet. */
  shareConfusion?: () => NegativeConfusion | null;
}

export const DEFAULT_EVALUATOR_OPTIONS: EvaluatorOptions = { cooldownMs: HOUR_MS };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function levelFor(value: number, thresholds: { vigilance: number; alert: number; crisis: number }): CrisisLevel {
  if (value >= thresholds.crisis) return 'crisis';
  if (value >= thresholds.alert) return 'alert';
  if (value >= thresholds.vigilance) return 'vigilance';
  return 'calm';
}

function sample(m: RecentMention): Explanation['samples'][number] {
  return { mentionId: m.id, author: m.authorName, text: m.text.slice(0, 280), tone: m.tone, publishedAt: new Date(m.publishedAt).toISOString() };
}

/**
 * Terms by count, leaving out a word carried by a crisis phrase counted at least as often ("fuite", "donnees"
 * beside "fuite de données"): the phrase already says it.
 */
function withoutPhraseWords(counts: Map<string, number>): Array<[string, number]> {
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const phrases = ranked.filter(([term]) => term.includes(' ')).map(([term, count]) => ({ words: new Set(foldAccents(term).split(' ')), count }));
  return ranked.filter(([term, count]) => term.includes(' ') || !phrases.some((p) => p.words.has(term) && p.count >= count));
}

function top<K>(counts: Map<K, number>, n: number): Array<[K, number]> {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * The detection state of one watch, fed incrementally with new mentions (never rescanning storage): 5-minute
 * bucket counts for a week (volume and tone baselines), hourly term counts (emerging terms), and the mentions
 * of the last hour (audience, vocabulary, explanation). Pure: the service persists and pushes what it decides.
 */
export class WatchEvaluator {
  private readonly buckets = new Map<number, BucketCounts>();
  /** The volume detector `eval:nab` scores, fed each bucket once it is complete. */
  private readonly volume = new VolumeDetector(DEFAULT_VOLUME_SETTINGS);
  private readonly termHours = new Map<number, Map<string, number>>();
  /** Mentions of the last hour, in time order (explanations, emerging terms). */
  private recent: RecentMention[] = [];
  /** The subset that can fire the audience or vocabulary signals, so those stay cheap at high volume. */
  private notable: RecentMention[] = [];
  private prunedAtBucket: number | null = null;
  private baselineCache: { bucket: number; negative: number; toned: number } | null = null;
  private emergingCache: ({ minute: number } & Emerging) | null = null;
  private firstBucket: number | null = null;
  private firstTermHour: number | null = null;
  private state: HysteresisState = { level: 'calm', lastHighAt: null };
  private episodeOpen = false;
  private now = 0;

  constructor(
    private settings: DetectionSettings,
    private readonly vocabulary: VocabularyMatcher,
    private readonly options: EvaluatorOptions = DEFAULT_EVALUATOR_OPTIONS,
  ) {}

  get level(): CrisisLevel {
    return this.state.level;
  }

  get inEpisode(): boolean {
    return this.episodeOpen;
  }

  updateSettings(settings: DetectionSettings): void {
    this.settings = settings;
  }

  /** Resumes a level stored before a restart, so a running episode is not re-announced. */
  restore(level: CrisisLevel, episodeOpen: boolean): void {
    this.state = { level, lastHighAt: null };
    this.episodeOpen = episodeOpen;
  }

  /** Baseline counts from storage (per-minute rollups summed into 5-minute buckets by the caller). */
  warmBuckets(rows: Iterable<{ bucket: number } & BucketCounts>): void {
    for (const row of rows) {
      const b = this.bucket(row.bucket);
      b.count += row.count;
      b.negative += row.negative;
      b.toned += row.toned;
    }
    this.baselineCache = null;
  }

  warmTerms(rows: Iterable<{ hour: number; term: string; count: number }>): void {
    for (const row of rows) {
      this.firstTermHour = this.firstTermHour === null ? row.hour : Math.min(this.firstTermHour, row.hour);
      const hour = this.termHours.get(row.hour) ?? new Map<string, number>();
      hour.set(row.term, (hour.get(row.term) ?? 0) + row.count);
      this.termHours.set(row.hour, hour);
    }
  }

  /** The last hour's mentions after a restart: already in the rollups, needed for signals and explanations. */
  warmRecent(mentions: readonly MentionSummary[]): void {
    this.remember(mentions.map((m) => ({ ...m, crisisTerms: this.vocabulary.match(m.text), terms: extractTerms(m.text, this.options.ignoredTerms) })));
  }

  /** Adds new mentions; returns the term counts they add per hour, for the caller to persist. */
  addMentions(mentions: readonly MentionSummary[]): Array<{ hour: number; term: string; count: number }> {
    const added = new Map<string, { hour: number; term: string; count: number }>();
    const fresh: RecentMention[] = [];
    for (const m of mentions) {
      const bucket = Math.floor(m.publishedAt / BUCKET_MS);
      const b = this.bucket(bucket);
      b.count += 1;
      if (m.tone) b.toned += 1;
      if (m.tone === 'negative') b.negative += 1;
      const terms = extractTerms(m.text, this.options.ignoredTerms);
      const hour = Math.floor(m.publishedAt / HOUR_MS);
      this.firstTermHour = this.firstTermHour === null ? hour : Math.min(this.firstTermHour, hour);
      const hourTerms = this.termHours.get(hour) ?? new Map<string, number>();
      for (const term of terms) {
        hourTerms.set(term, (hourTerms.get(term) ?? 0) + 1);
        const key = `${hour}|${term}`;
        const entry = added.get(key) ?? { hour, term, count: 0 };
        entry.count += 1;
        added.set(key, entry);
      }
      this.termHours.set(hour, hourTerms);
      fresh.push({ ...m, crisisTerms: this.vocabulary.match(m.text), terms });
    }
    this.remember(fresh);
    // Only late mentions (older than the current window) change the cached week baseline.
    const cached = this.baselineCache;
    if (cached && fresh.some((m) => Math.floor(m.publishedAt / BUCKET_MS) <= cached.bucket - WINDOW_BUCKETS)) this.baselineCache = null;
    return [...added.values()];
  }

  private remember(fresh: RecentMention[]): void {
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.publishedAt - b.publishedAt);
    const inOrder = (list: RecentMention[]) => list.length === 0 || list[list.length - 1]!.publishedAt <= fresh[0]!.publishedAt;
    const recentInOrder = inOrder(this.recent);
    this.recent.push(...fresh);
    if (!recentInOrder) this.recent.sort((a, b) => a.publishedAt - b.publishedAt);
    if (this.recent.length > MAX_RECENT) this.recent = this.recent.slice(-MAX_RECENT);
    const notable = fresh.filter((m) => m.crisisTerms.length > 0 || this.influential(m));
    if (notable.length > 0) {
      const notableInOrder = inOrder(this.notable);
      this.notable.push(...notable);
      if (!notableInOrder) this.notable.sort((a, b) => a.publishedAt - b.publishedAt);
    }
  }

  private influential(m: MentionSummary): boolean {
    return (m.audience ?? 0) >= this.settings.influentialAudience || INFLUENTIAL_KINDS.has(m.authorKind);
  }

  /** The part of a time-ordered list inside the last hour (binary search: lists hold up to an hour of mentions). */
  private inWindow(list: RecentMention[]): RecentMention[] {
    const from = this.now - WINDOW_MS;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.publishedAt > from) hi = mid;
      else lo = mid + 1;
    }
    let end = list.length;
    while (end > lo && list[end - 1]!.publishedAt > this.now) end -= 1;
    return list.slice(lo, end);
  }

  /** Recomputes the signals at data time `at` (never earlier than the last evaluation) and moves the level. */
  evaluate(at: number): Evaluation {
    this.now = Math.max(this.now, at);
    this.prune();
    const current = Math.floor(this.now / BUCKET_MS);
    const notable = this.inWindow(this.notable);
    const { windowCount, windowNegative, windowToned } = this.windowCounts(current);
    const enough = windowCount >= this.settings.minMentionsPerHour;

    const volume = this.volumeSignal(current, windowCount, enough);
    const signals: Signal[] = [
      volume.signal,
      this.negativeShareSignal(current, windowNegative, windowToned, enough),
      this.audienceSignal(notable),
      this.vocabularySignal(notable),
      this.emergingSignal(),
    ];
    const previous = this.state.level;
    this.state = applyHysteresis(this.state, fuseLevel(signals), this.now, this.options.cooldownMs);
    const level = this.state.level;
    let episode: EpisodeChange = null;
    if (!this.episodeOpen && levelIndex(level) >= levelIndex('alert')) {
      this.episodeOpen = true;
      episode = 'opened';
    } else if (this.episodeOpen && levelIndex(level) > levelIndex(previous)) {
      episode = 'escalated';
    } else if (this.episodeOpen && levelIndex(level) <= levelIndex('vigilance')) {
      this.episodeOpen = false;
      episode = 'closed';
    }
    return { at: this.now, level, previous, signals, episode, windowCount, baseline: volume.baseline };
  }

  /** What the last hour looks like: the why-card stored with an alert. */
  explain(signals: Signal[]): Explanation {
    const window = this.inWindow(this.recent);
    const terms = new Map<string, number>();
    const authors = new Map<string, { name: string; audience: number | null; kind: string; mentions: number }>();
    const sources = new Map<string, number>();
    const languages = new Map<string, number>();
    const tone = { negative: 0, neutral: 0, positive: 0, unknown: 0 };
    for (const m of window) {
      // A one-word crisis term is counted under its accent-free key, as the post's own words are, so it is not listed twice.
      for (const t of new Set([...m.crisisTerms.map((c) => (c.includes(' ') ? c : foldAccents(c))), ...m.terms])) terms.set(t, (terms.get(t) ?? 0) + 1);
      if (m.authorName) {
        const a = authors.get(m.authorName) ?? { name: m.authorName, audience: m.audience, kind: m.authorKind, mentions: 0 };
        a.mentions += 1;
        a.audience = Math.max(a.audience ?? 0, m.audience ?? 0) || a.audience;
        authors.set(m.authorName, a);
      }
      const source = m.sourceName ?? m.sourceKind;
      sources.set(source, (sources.get(source) ?? 0) + 1);
      const lang = m.language ?? 'und';
      languages.set(lang, (languages.get(lang) ?? 0) + 1);
      tone[m.tone ?? 'unknown'] += 1;
    }
    const weight = (m: RecentMention) =>
      (m.crisisTerms.length > 0 ? 2 : 0) + (m.tone === 'negative' ? 1 : 0) + Math.log10(1 + (m.audience ?? 0)) / 10;
    const samples = [...window].sort((a, b) => weight(b) - weight(a) || b.publishedAt - a.publishedAt).slice(0, 5);
    const topTerms = withoutPhraseWords(terms).slice(0, 10);
    const forms = writtenForms(
      window.map((m) => m.text),
      new Set(topTerms.map(([term]) => term)),
    );
    const fired = new Set(signals.find((s) => s.kind === 'emergingTerms')?.items ?? []);
    const { bursts, shown } = this.emerging();
    return {
      at: new Date(this.now).toISOString(),
      windowMinutes: WINDOW_MS / 60_000,
      mentions: window.length,
      signals,
      topTerms: topTerms.map(([term, count]) => ({ term: forms.get(term) ?? term, count })),
      topAuthors: [...authors.values()].sort((a, b) => (b.audience ?? 0) - (a.audience ?? 0) || b.mentions - a.mentions).slice(0, 5),
      sources: top(sources, 8).map(([name, count]) => ({ name, count })),
      languages: top(languages, 8).map(([language, count]) => ({ language, count })),
      tone,
      samples: samples.map(sample),
      // The window is in time order: the first mentions that carried each new term, the ones that brought it in.
      emerging: shown
        .filter((term) => fired.has(term.shown))
        .map((term) => {
          const main = bursts.find((b) => term.keys.includes(b.term))!;
          return {
            term: term.shown,
            count: main.count,
            expected: Math.round(main.expected * 100) / 100,
            firstMentions: window.filter((m) => m.terms.includes(main.term)).slice(0, EMERGING_FIRST_MENTIONS).map(sample),
          };
        }),
      peak: null,
    };
  }

  private bucket(index: number): BucketCounts {
    let b = this.buckets.get(index);
    if (!b) {
      b = { count: 0, negative: 0, toned: 0 };
      this.buckets.set(index, b);
      this.firstBucket = this.firstBucket === null ? index : Math.min(this.firstBucket, index);
    }
    return b;
  }

  private sumBuckets(from: number, to: number): BucketCounts {
    const sum = { count: 0, negative: 0, toned: 0 };
    for (let i = from; i <= to; i += 1) {
      const b = this.buckets.get(i);
      if (!b) continue;
      sum.count += b.count;
      sum.negative += b.negative;
      sum.toned += b.toned;
    }
    return sum;
  }

  private windowCounts(current: number) {
    const w = this.sumBuckets(current - WINDOW_BUCKETS + 1, current);
    return { windowCount: w.count, windowNegative: w.negative, windowToned: w.toned };
  }

  /**
   * Whether volume is abnormal is the volume detector's call (its episode): complete buckets are fed in order, the
   * bucket still filling is only peeked at, so a surge is seen with the mention that makes it stand out. Only a
   * rise counts: fewer mentions than usual is no crisis. How far it goes is told in words the plan uses: the last
   * hour against the median of the same hour on previous days, whose ratio sets the level (at least vigilance while
   * the episode lasts); the items say which of the detector's tests stood out (level, time of day, jump,
   * agitation, shape), by how much and at what time scale. A mention arriving for a bucket already fed counts in
   * the rollups and in the other signals, not in the detector's history.
   */
  private volumeSignal(current: number, windowCount: number, enough: boolean): { signal: Signal; baseline: number | null } {
    const calm: Signal = { kind: 'volume', level: 'calm', value: 0, reference: null, items: [] };
    if (this.firstBucket === null) return { signal: calm, baseline: null };
    const fed = this.volume.lastReadingAt;
    const start = fed === null ? Math.max(this.firstBucket, current - (HISTORY_DAYS + 1) * BUCKETS_PER_DAY) : fed / BUCKET_MS + 1;
    for (let b = start; b < current; b += 1) this.volume.observe(b * BUCKET_MS, this.buckets.get(b)?.count ?? 0);
    const detector = this.volume.peek(current * BUCKET_MS, this.buckets.get(current)?.count ?? 0);

    const past: number[] = [];
    for (let d = 1; d <= HISTORY_DAYS; d += 1) {
      const end = current - d * BUCKETS_PER_DAY;
      if (end - WINDOW_BUCKETS + 1 < this.firstBucket) break;
      past.push(this.sumBuckets(end - WINDOW_BUCKETS + 1, end).count);
    }
    if (past.length === 0) return { signal: calm, baseline: null };
    const baseline = median(past);
    const ratio = Math.round(((windowCount + 1) / (baseline + 1)) * 10) / 10;
    const byRatio = levelFor(ratio, this.settings.volumeRatio);
    const surge = detector.active && detector.direction === 'up';
    const level = enough && surge ? (levelIndex(byRatio) > levelIndex('vigilance') ? byRatio : 'vigilance') : 'calm';
    const reason = detector.reason;
    const items = reason ? [reason.kind, `score=${reason.score.toFixed(1)}`, `${(reason.scale * BUCKET_MS) / 60_000} min`] : [];
    return { signal: { kind: 'volume', level, value: ratio, reference: baseline, items }, baseline };
  }

  /**
   * The window's negative share against the watch's own week, both corrected for the classifier's known errors
   * when the workspace has measured them (tone/negativeShare.ts), so the level reads the true share and not the
   * classifier's habits. Whether the rise is more than noise is tested on the counts as classified: the
   * correction is the same affine map on both sides, so it changes the size of the gap, not its significance.
   */
  private negativeShareSignal(current: number, negative: number, toned: number, enough: boolean): Signal {
    if (this.baselineCache?.bucket !== current) {
      const sum = this.sumBuckets(current - HISTORY_DAYS * BUCKETS_PER_DAY, current - WINDOW_BUCKETS);
      this.baselineCache = { bucket: current, negative: sum.negative, toned: sum.toned };
    }
    const base = this.baselineCache;
    const confusion = this.options.shareConfusion?.() ?? null;
    const confident = base.toned >= MIN_BASELINE_TONED;
    const rawBaseShare = confident ? base.negative / base.toned : PRIOR_NEGATIVE_SHARE;
    const baseShare = confident ? estimateNegativeShare(base.negative, base.toned, confusion).share : PRIOR_NEGATIVE_SHARE;
    const window = estimateNegativeShare(negative, toned, confusion);
    const share = toned > 0 ? window.share : 0;
    const deltaPoints = (share - baseShare) * 100;
    const p = Math.min(Math.max(rawBaseShare, 0.02), 0.98);
    const significant = toned >= MIN_WINDOW_TONED && negative > toned * p && binomialTail(negative, toned, p) <= NEGATIVE_ALPHA;
    let level = enough && significant ? levelFor(deltaPoints, this.settings.negativeShareDelta) : 'calm';
    if (!confident && levelIndex(level) > levelIndex('vigilance')) level = 'vigilance';
    const percent = (x: number) => Math.round(x * 1000) / 10;
    return {
      kind: 'negativeShare',
      level,
      value: percent(share),
      reference: percent(baseShare),
      items: [],
      ...(toned > 0 ? { band: { low: percent(window.low), high: percent(window.high), corrected: window.corrected } } : {}),
    };
  }

  /** An influential author (audience above the plan's threshold, or a journalist/media account) who is critical. */
  private audienceSignal(window: RecentMention[]): Signal {
    const critics = window.filter((m) => this.influential(m) && (m.tone === 'negative' || m.crisisTerms.length > 0));
    const names = new Map<string, number>();
    for (const m of critics) {
      const name = m.authorName ?? m.sourceName ?? m.sourceKind;
      names.set(name, Math.max(names.get(name) ?? 0, m.audience ?? 0));
    }
    const ranked = top(names, 5);
    return {
      kind: 'audience',
      level: critics.length > 0 ? 'vigilance' : 'calm',
      value: ranked[0]?.[1] ?? 0,
      reference: this.settings.influentialAudience,
      items: ranked.map(([name]) => name),
    };
  }

  private vocabularySignal(window: RecentMention[]): Signal {
    const terms = new Map<string, number>();
    let mentions = 0;
    for (const m of window) {
      if (m.crisisTerms.length === 0) continue;
      mentions += 1;
      for (const t of m.crisisTerms) terms.set(t, (terms.get(t) ?? 0) + 1);
    }
    return {
      kind: 'vocabulary',
      level: mentions >= VOCABULARY_MIN_MENTIONS ? 'vigilance' : 'calm',
      value: mentions,
      reference: VOCABULARY_MIN_MENTIONS,
      items: top(terms, 8).map(([t]) => t),
    };
  }

  /** Terms whose count in the last hour bursts against their own share of the past week (termBursts.ts). */
  private emergingSignal(): Signal {
    return this.emerging().signal;
  }

  private emerging(): Emerging {
    // Term bursts build over minutes: recomputing once per minute of data keeps high-volume batches cheap.
    const minute = Math.floor(this.now / 60_000);
    if (this.emergingCache?.minute !== minute) this.emergingCache = { minute, ...this.computeEmerging(this.inWindow(this.recent)) };
    return this.emergingCache;
  }

  private computeEmerging(window: RecentMention[]): Emerging {
    const quiet = { signal: { kind: 'emergingTerms' as const, level: 'calm' as const, value: 0, reference: null, items: [] }, bursts: [], shown: [] };
    // History: whole hours before the one the window starts in, so the window's own mentions are not their own past.
    const firstHour = Math.floor((this.now - WINDOW_MS) / HOUR_MS);
    const historyHours = this.firstTermHour === null ? 0 : Math.min(HISTORY_DAYS * 24, firstHour - this.firstTermHour);
    if (historyHours < EMERGING_MIN_HISTORY_HOURS) return quiet;
    const fromHour = firstHour - historyHours;
    const pastMentions = this.sumBuckets((fromHour * HOUR_MS) / BUCKET_MS, (firstHour * HOUR_MS) / BUCKET_MS - 1).count;
    const counts = new Map<string, number>();
    for (const m of window) for (const t of m.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const bursts = burstingTerms(
      counts,
      window.length,
      (term) => {
        let pastCount = 0;
        for (let h = fromHour; h < firstHour; h += 1) pastCount += this.termHours.get(h)?.get(term) ?? 0;
        return { pastCount, pastMentions };
      },
      EMERGING_BURST,
    ).slice(0, 8);
    if (bursts.length === 0) return quiet;
    const keys = bursts.map((b) => b.term);
    const shown = shownTerms(
      window.filter((m) => m.terms.some((t) => keys.includes(t))).map((m) => m.text),
      keys,
    );
    return {
      signal: { kind: 'emergingTerms', level: 'vigilance', value: shown.length, reference: null, items: shown.map((t) => t.shown) },
      bursts,
      shown,
    };
  }

  private prune(): void {
    const current = Math.floor(this.now / BUCKET_MS);
    if (this.prunedAtBucket === current) return;
    this.prunedAtBucket = current;
    const oldestBucket = current - (HISTORY_DAYS + 1) * BUCKETS_PER_DAY;
    for (const index of this.buckets.keys()) if (index < oldestBucket) this.buckets.delete(index);
    const oldestHour = Math.floor(this.now / HOUR_MS) - HISTORY_DAYS * 24 - 1;
    for (const hour of this.termHours.keys()) if (hour < oldestHour) this.termHours.delete(hour);
    const from = this.now - WINDOW_MS;
    this.recent = this.recent.filter((m) => m.publishedAt > from);
    this.notable = this.notable.filter((m) => m.publishedAt > from);
  }
}
