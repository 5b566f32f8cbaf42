import {
  CRISIS_LEVELS,
  detectionSettingsSchema,
  explanationSchema,
  type Alert,
  type AlertStatus,
  type BacktestResult,
  type CrisisLevel,
  type DetectionSettings,
  type LevelOverview,
  type Signal,
  type WatchDetectionSettings,
  type WatchLevel,
} from '../../../shared/domain/detection';
import type { CrisisPlan } from '../../../shared/domain/plan';
import type { WatchLevelSince } from '../../../shared/composer/goingOffline';
import type { WorkspaceId } from '../../../shared/domain/workspace';
import type { Clock } from '../../platform/clock';
import type { EventBus } from '../../platform/events/eventBus';
import type { Logger } from '../../platform/logger';
import { DetectionRepository, type AlertRow } from './detectionRepository';
import { WatchRepository } from '../watches';
import { RollupRepository, type CommittedBatch } from '../mentions';
import type { CrisisLogService } from '../crisisLog';
import { perWorkspace } from '../../platform/workspaces/perWorkspace';
import type { OpenWorkspace } from '../../platform/workspaces/workspaceStore';
import type { Lexicon, NegativeConfusion, ToneLanguage } from '../tone';
import { buildVocabulary } from './engine/buildVocabulary';
import { firedSignature, followEpisode, openingExplanation, sameExplanation } from './engine/episodeExplanation';
import { levelIndex } from './engine/levelFusion';
import { keywordWords } from './engine/vocabularyMatcher';
import type { BucketCounts } from './engine/mentionSummary';
import { BUCKET_MS, DEFAULT_EVALUATOR_OPTIONS, WatchEvaluator, type Evaluation } from './engine/watchEvaluator';
import { EpisodeRecorder } from './backtestEpisodes';
import type { WorkspaceLookup } from '../../platform/workspaces/workspaceLookup';
import { failure } from '../../platform/i18n/failure';
import { opOrder, type ReceivedOp, type SharedOpLog, type SharedOpLogHost } from '../../platform/sync/sharedOpLog';
import { alertKey, EPISODE_MS, parseAlertKey, readAlertOp, type AlertOpData } from './sharedAlerts';

const MINUTE_MS = 60_000;
const BUCKET_MINUTES = BUCKET_MS / MINUTE_MS;
const HISTORY_MS = 8 * 86_400_000;
const HOUR_MS = 3_600_000;
const BACKTEST_MAX_MENTIONS = 500_000;
const BACKTEST_MAX_RANGE_MS = 31 * 86_400_000;
const REPLAYS_KEPT = 8;

export interface DetectionDeps {
  store: WorkspaceLookup;
  events: EventBus;
  clock: Clock;
  /** Exercises run on an accelerated game clock: their mentions are stamped and evaluated in game time. */
  clockFor?: (workspaceId: WorkspaceId) => Clock;
  logger: Logger;
  lexicons: Record<ToneLanguage, Lexicon>;
  plan: (workspaceId: WorkspaceId) => CrisisPlan;
  crisisLog?: CrisisLogService;
  /** The tone classifier's measured confusion in a workspace (ToneService.shareConfusion). */
  shareConfusion?: (workspaceId: WorkspaceId) => NegativeConfusion | null;
  /** Alerts across the cell: every laptop shows each alert once, with the acknowledgements made anywhere. */
  sharing?: SharedOpLog;
}

interface LiveWatch {
  evaluator: WatchEvaluator;
  signals: Signal[];
  since: string | null;
  /** Data minute the open alert's explanation was last brought up to date. */
  explainedMinute: number | null;
}

interface WorkspaceDetection {
  ws: OpenWorkspace;
  /** Recent level replays, newest last, keyed by what decides them (range, settings, mentions in range). */
  replays: Map<string, BacktestResult['changes']>;
  repo: DetectionRepository;
  rollups: RollupRepository;
  watches: WatchRepository;
  live: Map<number, LiveWatch>;
}

/**
 * Runs the detection engine per watch as batches are committed (never rescanning stored mentions), stores
 * levels and alerts with their explanation, pushes `detection:levelChanged` / `detection:alertChanged`, and replays stored ranges
 * for backtests in a separate evaluator that never touches live state.
 */
export class DetectionService implements SharedOpLogHost {
  readonly #state = perWorkspace(
    (ws: OpenWorkspace): WorkspaceDetection => ({
      ws,
      replays: new Map(),
      repo: new DetectionRepository(ws.db),
      rollups: new RollupRepository(ws.db),
      watches: new WatchRepository(ws.db),
      live: new Map(),
    }),
  );
  readonly #active = new Map<WorkspaceId, WorkspaceDetection>();

  constructor(private readonly deps: DetectionDeps) {
    deps.sharing?.serve(this);
  }

  #now(workspaceId: WorkspaceId): number {
    return (this.deps.clockFor?.(workspaceId) ?? this.deps.clock).now().getTime();
  }

  /** Ingest hook: evaluates every watch that received mentions, right after the commit. */
  onCommitted(batch: CommittedBatch): void {
    const state = this.#workspace(batch.workspaceId);
    const now = this.#now(batch.workspaceId);
    for (const watchId of batch.watchIds) {
      const live = this.#live(batch.workspaceId, state, watchId, now, new Set(batch.mentionIds));
      if (!live) continue;
      const mentions = state.repo.mentionsById(watchId, batch.mentionIds);
      state.repo.addTermCounts(watchId, live.evaluator.addMentions(mentions));
      this.#apply(batch.workspaceId, state, watchId, live, live.evaluator.evaluate(now));
    }
  }

  /** Watches or the mentions they hold changed: each evaluator is warmed again from storage when next used. */
  watchesChanged(workspaceId: WorkspaceId): void {
    this.#active.get(workspaceId)?.live.clear();
  }

  /** Lets levels fall back as time passes without mentions (cooldown), for every watch already evaluated. */
  tick(): void {
    for (const [workspaceId, state] of this.#active) {
      try {
        if (this.deps.store.get(workspaceId) !== state.ws) throw new Error('reopened');
      } catch {
        this.#active.delete(workspaceId);
        continue;
      }
      const now = this.#now(workspaceId);
      for (const [watchId, live] of state.live) this.#apply(workspaceId, state, watchId, live, live.evaluator.evaluate(now));
    }
  }

  overview(workspaceId: WorkspaceId): LevelOverview {
    const state = this.#workspace(workspaceId);
    const now = this.#now(workspaceId);
    const watches: WatchLevel[] = state.watches.list().map((w) => {
      const live = this.#live(workspaceId, state, w.id, now);
      const stored = state.repo.level(w.id);
      const open = state.repo.currentAlert(w.id);
      const alert = open ? this.#toAlert(open, w.name) : null;
      return {
        watchId: w.id,
        watchName: w.name,
        level: live?.evaluator.level ?? (stored?.level as CrisisLevel | undefined) ?? 'calm',
        since: stored?.since ?? null,
        alert: alert,
        // While an alert is open the banner names what its why-card says, so both read the same data.
        signals: alert?.explanation.signals ?? live?.signals ?? [],
      };
    });
    const level = watches.reduce<CrisisLevel>((max, w) => (levelIndex(w.level) > levelIndex(max) ? w.level : max), 'calm');
    // The most serious first; at the same level the newest rise first, since that is the news the cell has not seen.
    const newest = (a: WatchLevel, b: WatchLevel) => (b.since ?? '').localeCompare(a.since ?? '');
    return { level, watches: watches.sort((a, b) => levelIndex(b.level) - levelIndex(a.level) || newest(a, b) || a.watchName.localeCompare(b.watchName)) };
  }

  /** Each watch's stored level and when it changed to it, without warming any evaluator. */
  levels(workspaceId: WorkspaceId): WatchLevelSince[] {
    const state = this.#workspace(workspaceId);
    return state.watches.list().map((w) => {
      const stored = state.repo.level(w.id);
      const level = stored && CRISIS_LEVELS.includes(stored.level as CrisisLevel) ? (stored.level as CrisisLevel) : 'calm';
      return { watchId: w.id, watchName: w.name, level, since: stored?.since ?? null };
    });
  }

  listAlerts(
    workspaceId: WorkspaceId,
    status: AlertStatus | 'all',
    limit: number,
    scope: { from?: string; to?: string; watchId?: number; before?: { openedAt: string; id: number } } = {},
  ): Alert[] {
    const state = this.#workspace(workspaceId);
    const names = new Map(state.watches.list().map((w) => [w.id, w.name]));
    const bounds = {
      ...scope,
      from: scope.from === undefined ? undefined : new Date(scope.from).toISOString(),
      to: scope.to === undefined ? undefined : new Date(scope.to).toISOString(),
    };
    return state.repo.alerts(status, limit, bounds).map((r) => this.#toAlert(r, names.get(r.watchId) ?? `#${r.watchId}`));
  }

  getAlert(workspaceId: WorkspaceId, alertId: number): Alert {
    const state = this.#workspace(workspaceId);
    const row = state.repo.alert(alertId);
    if (!row) throw failure('NOT_FOUND', 'detection.failures.noAlert', { id: alertId });
    return this.#toAlert(row, state.watches.get(row.watchId)?.name ?? `#${row.watchId}`);
  }

  /**
   * The first signal of the alert's episode: the earliest mention of the hour the detector judged when the watch
   * first left calm in this episode (levels are judged on the last hour), else that level change itself.
   */
  episodeStart(workspaceId: WorkspaceId, alertId: number): string {
    const alert = this.getAlert(workspaceId, alertId);
    const { repo } = this.#workspace(workspaceId);
    const firstLevel = repo.episodeStart(alert.watchId, alert.openedAt) ?? alert.openedAt;
    const judged = new Date(Date.parse(firstLevel) - HOUR_MS).toISOString();
    const [first] = repo.mentionsInRange(alert.watchId, judged, firstLevel, 1);
    return first ? new Date(first.publishedAt).toISOString() : firstLevel;
  }

  /** Acknowledge or dismiss (with a reason), recorded in the crisis log. */
  setStatus(workspaceId: WorkspaceId, alertId: number, status: 'acknowledged' | 'dismissed', reason: string | null, by: string | null): Alert {
    const state = this.#workspace(workspaceId);
    const row = state.repo.alert(alertId);
    if (!row) throw failure('NOT_FOUND', 'detection.failures.noAlert', { id: alertId });
    if (status === 'dismissed' && !reason?.trim()) throw failure('INVALID_INPUT', 'detection.failures.dismissalNeedsReason');
    const at = this.deps.clock.now().toISOString();
    state.repo.setStatus(alertId, status, reason?.trim() || null, by?.trim() || null, at);
    const alert = this.getAlert(workspaceId, alertId);
    this.#share(workspaceId, alert.watchName, alert.openedAt, 'status', by?.trim() ?? '', at, { status, reason: reason?.trim() || null });
    this.#log(workspaceId, `alert.${status}`, {
      alertId,
      watch: alert.watchName,
      by: by ?? '',
      reason: reason ?? '',
    });
    this.deps.events.emit('detection:alertChanged', { workspaceId, alertId });
    return alert;
  }

  settings(workspaceId: WorkspaceId, watchId: number): WatchDetectionSettings {
    const state = this.#workspace(workspaceId);
    const watch = state.watches.get(watchId);
    if (!watch) throw failure('NOT_FOUND', 'detection.failures.noWatch', { id: watchId });
    const own = detectionSettingsSchema.safeParse(state.repo.settings(watchId));
    if (own.success) return { watchId, origin: 'watch', settings: own.data };
    return { watchId, origin: 'plan', settings: this.#planSettings(workspaceId, watch.name) };
  }

  saveSettings(workspaceId: WorkspaceId, watchId: number, settings: DetectionSettings): WatchDetectionSettings {
    const state = this.#workspace(workspaceId);
    if (!state.watches.get(watchId)) throw failure('NOT_FOUND', 'detection.failures.noWatch', { id: watchId });
    state.repo.saveSettings(watchId, settings, this.deps.clock.now().toISOString());
    state.live.delete(watchId);
    return this.settings(workspaceId, watchId);
  }

  watchName(workspaceId: WorkspaceId, watchId: number): string {
    const watch = this.#workspace(workspaceId).watches.get(watchId);
    if (!watch) throw failure('NOT_FOUND', 'detection.failures.noWatch', { id: watchId });
    return watch.name;
  }

  /**
   * The levels a replay of [from, to) goes through, for the dashboard's strip over periods without live
   * detection. A replay costs seconds on a busy week, so the last few are kept until their mentions or the
   * watch's settings change.
   */
  replayLevels(workspaceId: WorkspaceId, watchId: number, fromIso: string, toIso: string): BacktestResult['changes'] {
    const state = this.#workspace(workspaceId);
    const settings = this.settings(workspaceId, watchId).settings;
    const mentions = engineBuckets(state.rollups, watchId, Math.floor(Date.parse(fromIso) / MINUTE_MS), Math.ceil(Date.parse(toIso) / MINUTE_MS)).reduce(
      (sum, b) => sum + b.count,
      0,
    );
    const key = JSON.stringify([watchId, fromIso, toIso, mentions, settings]);
    const known = state.replays.get(key);
    if (known) return known;
    const changes = this.backtest(workspaceId, watchId, fromIso, toIso, settings).changes;
    state.replays.set(key, changes);
    if (state.replays.size > REPLAYS_KEPT) state.replays.delete(state.replays.keys().next().value!);
    return changes;
  }

  /** Replays [from, to) of one watch with the given (or current) settings; live levels and alerts are untouched. */
  backtest(workspaceId: WorkspaceId, watchId: number, fromIso: string, toIso: string, settings?: DetectionSettings): BacktestResult {
    const state = this.#workspace(workspaceId);
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    if (!(to > from)) throw failure('INVALID_INPUT', 'detection.failures.backtestEndsBeforeStart');
    if (to - from > BACKTEST_MAX_RANGE_MS) throw failure('INVALID_INPUT', 'detection.failures.backtestTooLong', { days: BACKTEST_MAX_RANGE_MS / 86_400_000 });
    const effective = settings ?? this.settings(workspaceId, watchId).settings;
    const watch = state.watches.get(watchId);
    if (!watch) throw failure('NOT_FOUND', 'detection.failures.noWatch', { id: watchId });
    const evaluator = new WatchEvaluator(effective, buildVocabulary(effective, this.deps.lexicons), {
      ...DEFAULT_EVALUATOR_OPTIONS,
      ignoredTerms: keywordWords([watch.name, ...watch.keywords]),
      shareConfusion: () => this.deps.shareConfusion?.(workspaceId) ?? null,
    });
    const fromBucket = Math.floor(from / BUCKET_MS);
    evaluator.warmBuckets(engineBuckets(state.rollups, watchId, Math.floor((from - HISTORY_MS) / MINUTE_MS), fromBucket * BUCKET_MINUTES));
    // The week of words before the range, as the live engine knew it then: emerging terms are judged against it.
    const fromHour = Math.floor((fromBucket * BUCKET_MS) / HOUR_MS);
    evaluator.warmTerms(state.repo.termHoursBetween(watchId, fromHour - 7 * 24 - 1, fromHour));
    const mentions = state.repo.mentionsInRange(watchId, new Date(from).toISOString(), new Date(to).toISOString(), BACKTEST_MAX_MENTIONS);
    const buckets: BacktestResult['buckets'] = [];
    const alerts: BacktestResult['alerts'] = [];
    const story = new EpisodeRecorder(evaluator);
    let next = 0;
    for (let b = fromBucket; b * BUCKET_MS < to; b += 1) {
      const end = (b + 1) * BUCKET_MS;
      const batch = [];
      while (next < mentions.length && mentions[next]!.publishedAt < end) batch.push(mentions[next++]!);
      evaluator.addMentions(batch);
      let result: Evaluation | null = null;
      // Minute steps inside the bucket, as the live engine evaluates at least every batch.
      for (let m = b * BUCKET_MS + MINUTE_MS; m <= end; m += MINUTE_MS) {
        result = evaluator.evaluate(m - 1);
        story.record(result);
        if (result.episode === 'opened') {
          alerts.push({ openedAt: new Date(result.at).toISOString(), level: result.level, closedAt: null, signals: result.signals });
        } else if (result.episode === 'escalated' && alerts.length > 0) {
          alerts[alerts.length - 1]!.level = result.level;
        } else if (result.episode === 'closed' && alerts.length > 0) {
          alerts[alerts.length - 1]!.closedAt = new Date(result.at).toISOString();
        }
      }
      buckets.push({
        at: new Date(b * BUCKET_MS).toISOString(),
        count: batch.length,
        baseline: result?.baseline == null ? null : Math.round((result.baseline / 12) * 10) / 10,
        level: result?.level ?? 'calm',
      });
    }
    return {
      watchId,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      buckets,
      alerts,
      mentions: mentions.length,
      changes: story.changes,
      episodes: story.episodes,
    };
  }

  #workspace(workspaceId: WorkspaceId): WorkspaceDetection {
    const state = this.#state(this.deps.store.get(workspaceId));
    this.#active.set(workspaceId, state);
    return state;
  }

  #planSettings(workspaceId: WorkspaceId, watchName: string): DetectionSettings {
    const { thresholds } = this.deps.plan(workspaceId);
    const own = thresholds.perWatch.find((p) => p.watch.toLowerCase() === watchName.toLowerCase());
    return own?.values ?? thresholds.defaults;
  }

  /** The watch's evaluator, warmed from storage (a week of rollups, term hours, the last hour) on first use. */
  #live(workspaceId: WorkspaceId, state: WorkspaceDetection, watchId: number, now: number, pending = new Set<number>()): LiveWatch | null {
    const existing = state.live.get(watchId);
    if (existing) return existing;
    const watch = state.watches.get(watchId);
    if (!watch) return null;
    const { settings } = this.settings(workspaceId, watchId);
    const evaluator = new WatchEvaluator(settings, buildVocabulary(settings, this.deps.lexicons), {
      ...DEFAULT_EVALUATOR_OPTIONS,
      ignoredTerms: keywordWords([watch.name, ...watch.keywords]),
      shareConfusion: () => this.deps.shareConfusion?.(workspaceId) ?? null,
    });
    const nowMinute = Math.floor(now / MINUTE_MS);
    const windowStart = now - HOUR_MS;
    // Rollups up to the start of the last hour feed the baseline; the last hour comes from its mentions.
    evaluator.warmBuckets(engineBuckets(state.rollups, watchId, nowMinute - HISTORY_MS / MINUTE_MS, Math.floor(windowStart / MINUTE_MS)));
    const recent = state.repo.mentionsInRange(watchId, new Date(windowStart - MINUTE_MS).toISOString(), new Date(now + HOUR_MS).toISOString(), 20_000);
    // Mentions of the batch being handled are added by the caller, not here.
    evaluator.addMentions(recent.filter((m) => m.publishedAt >= Math.floor(windowStart / MINUTE_MS) * MINUTE_MS && !pending.has(m.id)));
    evaluator.warmTerms(state.repo.termHours(watchId, Math.floor(now / HOUR_MS) - 7 * 24 - 1));
    const stored = state.repo.level(watchId);
    if (stored && CRISIS_LEVELS.includes(stored.level as CrisisLevel)) {
      evaluator.restore(stored.level as CrisisLevel, state.repo.currentAlert(watchId) !== undefined);
    }
    const live: LiveWatch = { evaluator, signals: [], since: stored?.since ?? null, explainedMinute: null };
    state.live.set(watchId, live);
    return live;
  }

  #apply(workspaceId: WorkspaceId, state: WorkspaceDetection, watchId: number, live: LiveWatch, result: Evaluation): void {
    live.signals = result.signals;
    const at = new Date(result.at).toISOString();
    const watchName = state.watches.get(watchId)?.name ?? `#${watchId}`;
    if (result.level !== result.previous) {
      live.since = at;
      state.repo.saveLevel(watchId, result.level, at);
    }
    let alertId: number | null = null;
    if (result.episode === 'opened') {
      // Another laptop of the cell may have raised this episode's alert already: it is this laptop's alert too.
      const raised = state.repo.currentAlert(watchId);
      const explanation = openingExplanation(live.evaluator.explain(result.signals));
      alertId = raised?.id ?? state.repo.openAlert(watchId, result.level, at, explanation);
      live.explainedMinute = Math.floor(result.at / MINUTE_MS);
      if (!raised) this.#log(workspaceId, 'alert.opened', { alertId, watch: watchName, level: result.level });
      this.#share(workspaceId, watchName, raised?.openedAt ?? at, 'opened', '', at, { level: result.level, openedAt: raised?.openedAt ?? at, explanation });
    } else if (result.episode === 'closed') {
      const open = state.repo.currentAlert(watchId);
      if (open) {
        alertId = open.id;
        state.repo.closeAlert(open.id, at);
        this.#share(workspaceId, watchName, open.openedAt, 'closed', '', at, { closedAt: at });
      }
    } else if (live.evaluator.inEpisode) {
      alertId = this.#follow(workspaceId, state, live, watchId, result);
    }
    if (result.level !== result.previous) {
      this.deps.events.emit('detection:levelChanged', { workspaceId, watchId, level: result.level, previous: result.previous });
    }
    if (alertId !== null) this.deps.events.emit('detection:alertChanged', { workspaceId, alertId });
  }

  /**
   * Brings the open alert's why-card up to date with the episode: at once when the level rises or the signals
   * that fired change (the banner names them), otherwise at most once per minute of data. Returns the alert's id
   * when its explanation changed.
   */
  #follow(workspaceId: WorkspaceId, state: WorkspaceDetection, live: LiveWatch, watchId: number, result: Evaluation): number | null {
    const open = state.repo.currentAlert(watchId);
    if (!open) return null;
    const stored = explanationSchema.parse(JSON.parse(open.explanationJson));
    const minute = Math.floor(result.at / MINUTE_MS);
    const urgent = result.episode === 'escalated' || firedSignature({ signals: result.signals }) !== firedSignature(stored);
    if (!urgent && live.explainedMinute === minute) return null;
    live.explainedMinute = minute;
    const next = followEpisode(stored, live.evaluator.explain(result.signals));
    const at = new Date(result.at).toISOString();
    if (result.episode === 'escalated') {
      state.repo.escalateAlert(open.id, result.level, at, next);
      this.#share(workspaceId, state.watches.get(watchId)?.name ?? `#${watchId}`, open.openedAt, 'escalated', '', at, { level: result.level });
    } else if (sameExplanation(stored, next)) return null;
    else state.repo.followAlert(open.id, at, next);
    return open.id;
  }

  #share<K extends keyof AlertOpData>(workspaceId: WorkspaceId, watchName: string, openedAt: string, kind: K, by: string, at: string, data: AlertOpData[K]): void {
    if (!this.deps.sharing?.inCell(workspaceId)) return;
    this.deps.sharing.record(workspaceId, [{ key: alertKey(watchName, openedAt), kind, by, at, data }]);
  }

  /** Alerts still open when this laptop joined the cell go to the cell, with their acknowledgement. */
  joined(workspaceId: WorkspaceId): void {
    const open = this.listAlerts(workspaceId, 'all', 500).filter((alert) => alert.closedAt === null);
    this.deps.sharing?.record(
      workspaceId,
      open.flatMap((alert) => {
        const key = alertKey(alert.watchName, alert.openedAt);
        const opened = { key, kind: 'opened', by: '', at: alert.openedAt, data: { level: alert.level, openedAt: alert.openedAt, explanation: alert.opening } };
        if (alert.status === 'open') return [opened];
        return [opened, { key, kind: 'status', by: alert.statusBy ?? '', at: alert.statusAt ?? alert.updatedAt, data: { status: alert.status, reason: alert.statusReason } }];
      }),
    );
  }

  /**
   * The cell's word on these alerts changed: an alert this laptop lacks is added (its watch known here), one it has
   * takes the highest level, the closing when this laptop's own detection is not following the episode, and the
   * last acknowledgement or dismissal made anywhere. The crisis log hears of them from the laptop that made them.
   */
  changed(workspaceId: WorkspaceId, keys: ReadonlySet<string>): void {
    const state = this.#workspace(workspaceId);
    const watches = new Map(state.watches.list().map((w) => [w.name, w.id]));
    for (const key of keys) {
      const name = parseAlertKey(key);
      const watchId = name && watches.get(name.watchName);
      if (!name || watchId === undefined || watchId === null) continue;
      const alertId = this.#takeIn(workspaceId, state, { watchId, watchName: name.watchName, hour: name.hour }, this.deps.sharing?.ops(workspaceId, key) ?? []);
      if (alertId !== null) this.deps.events.emit('detection:alertChanged', { workspaceId, alertId });
    }
  }

  #takeIn(workspaceId: WorkspaceId, state: WorkspaceDetection, named: { watchId: number; watchName: string; hour: string }, ops: readonly ReceivedOp[]): number | null {
    const { watchId, watchName } = named;
    const opening = ops.map((op) => readAlertOp(op, 'opened')).find((d) => d !== null);
    const near = (at: string) => {
      const ms = Date.parse(at);
      return state.repo.alertNear(watchId, at, new Date(ms - EPISODE_MS).toISOString(), new Date(ms + EPISODE_MS).toISOString());
    };
    let alert = near(opening?.openedAt ?? named.hour);
    if (!alert) {
      if (!opening) return null;
      state.repo.openAlert(watchId, opening.level, opening.openedAt, opening.explanation);
      alert = near(opening.openedAt);
      if (!alert) return null;
    }
    for (const op of ops) {
      const escalated = readAlertOp(op, 'escalated');
      if (escalated && levelIndex(escalated.level) > levelIndex(alert.level as CrisisLevel)) {
        state.repo.escalateAlert(alert.id, escalated.level, op.at, JSON.parse(alert.explanationJson));
        alert = { ...alert, level: escalated.level };
      }
    }
    const closing = ops.map((op) => readAlertOp(op, 'closed')).find((d) => d !== null);
    if (closing && alert.closedAt === null && !state.live.get(watchId)?.evaluator.inEpisode) state.repo.closeAlert(alert.id, closing.closedAt);
    // Every laptop's name for this alert: its acknowledgements may be under any of them.
    const sameAlert = (this.deps.sharing?.keys(workspaceId) ?? []).filter((k) => {
      const other = parseAlertKey(k);
      return other?.watchName === watchName && Math.abs(Date.parse(other.hour) - Date.parse(alert.openedAt)) <= 2 * EPISODE_MS && near(other.hour)?.id === alert.id;
    });
    const decided = sameAlert
      .flatMap((k) => this.deps.sharing?.ops(workspaceId, k) ?? [])
      .sort(opOrder)
      .map((op) => ({ op, data: readAlertOp(op, 'status') }))
      .filter((d) => d.data !== null)
      .at(-1);
    if (decided?.data && (decided.data.status !== alert.status || decided.op.at !== alert.statusAt)) {
      state.repo.setStatus(alert.id, decided.data.status, decided.data.reason, decided.op.by || null, decided.op.at);
    }
    return alert.id;
  }

  /** The entry is worded from the system-log catalogue by its code. */
  #log(workspaceId: WorkspaceId, code: string, data: Record<string, string | number>): void {
    try {
      this.deps.crisisLog?.system(workspaceId, { incidentId: null, code, data });
    } catch (error) {
      this.deps.logger.error('detection could not write the crisis log', { error: String(error) });
    }
  }

  #toAlert(row: AlertRow, watchName: string): Alert {
    return {
      id: row.id,
      watchId: row.watchId,
      watchName,
      level: row.level as Alert['level'],
      openedAt: row.openedAt,
      updatedAt: row.updatedAt,
      closedAt: row.closedAt,
      status: row.status as AlertStatus,
      statusReason: row.statusReason,
      statusBy: row.statusBy,
      statusAt: row.statusAt,
      explanation: explanationSchema.parse(JSON.parse(row.explanationJson)),
      opening: explanationSchema.parse(JSON.parse(row.openingExplanationJson ?? row.explanationJson)),
    };
  }
}

/** The watch's minute rollups summed into the engine's buckets (bucket = epoch minutes / BUCKET_MINUTES). */
function engineBuckets(rollups: RollupRepository, watchId: number, fromMinute: number, toMinute: number): Array<{ bucket: number } & BucketCounts> {
  return rollups
    .volumeByMinutes(watchId, BUCKET_MINUTES, fromMinute, toMinute)
    .map((r) => ({ bucket: r.bucket, count: r.count, negative: r.negative, toned: r.negative + r.neutral + r.positive }));
}
