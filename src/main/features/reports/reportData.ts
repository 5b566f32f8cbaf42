// Gathers everything an incident report shows, from the services that recorded it, in one consistent read.
import type { Alert } from '../../../shared/domain/detection';
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { RegulatoryClock } from '../../../shared/domain/regulatoryClock';
import type { LogEntry, LogIntegrity } from '../../../shared/domain/crisisLog';
import type { StatementDetail } from '../../../shared/domain/statement';
import type { StatementReaction } from '../../../shared/domain/report';
import { REACTION_WINDOW_HOURS } from '../../../shared/domain/report';
import type { Workspace, WorkspaceId } from '../../../shared/domain/workspace';
import type { LevelChangeRow, ReportMention, ReportRepository, ResponseItemTimes } from './reportRepository';
import type { RollupRepository } from '../mentions';
import type { LessonRow } from '../lessons';
import type { IncidentRetex } from '../../../shared/domain/retex';
import type { PressDesk } from '../../../shared/domain/press';
import type { CompensationRegister } from '../../../shared/domain/compensation';
import { analyseReactions, firstPublication } from './reactionAnalysis';
import { scopeWindow, type ScopeWindow } from '../incidents';

const TOP_MENTIONS = 25;
const ALERT_LIMIT = 500;
/** A replay covers at most what a backtest may. */
const REPLAY_MAX_MS = 31 * 86_400_000;

export interface ReportSources {
  workspace(id: WorkspaceId): Workspace;
  incident(workspaceId: WorkspaceId, incidentId: string): IncidentDetail;
  /** Every entry of the incident, oldest first. */
  logEntries(workspaceId: WorkspaceId, incidentId: string): LogEntry[];
  verifyLog(workspaceId: WorkspaceId): LogIntegrity;
  statements(workspaceId: WorkspaceId, incidentId: string): StatementDetail[];
  alerts(workspaceId: WorkspaceId, limit: number): Alert[];
  repository(workspaceId: WorkspaceId): ReportRepository;
  rollups(workspaceId: WorkspaceId): RollupRepository;
  lessons(workspaceId: WorkspaceId): LessonRow[];
  /** The incident's regulatory clocks, their step states as of the report. */
  clocks(workspaceId: WorkspaceId, incidentId: string): RegulatoryClock[];
  /** The incident's own RETEX: its account, measured timings and follow-up actions. */
  retex(workspaceId: WorkspaceId, incidentId: string): IncidentRetex;
  /** The journalists' inquiries and how they were answered. */
  press(workspaceId: WorkspaceId, incidentId: string): PressDesk;
  /** The customer cases, their approvals and totals per currency. */
  compensation(workspaceId: WorkspaceId, incidentId: string): CompensationRegister;
  /** The organisation the crisis plan names. */
  organisation(workspaceId: WorkspaceId): string;
  /** The levels a backtest replay of [from, to) of a watch goes through (the replay starts calm). */
  replayLevels(workspaceId: WorkspaceId, watchId: number, fromIso: string, toIso: string): { level: string; at: string }[];
}

export interface QueueStats {
  flagged: number;
  byState: Record<string, number>;
  byReason: Record<string, number>;
  /** Median time from flagging to answered/offline, over the items handled. */
  medianHandledMs: number | null;
}

export interface ReportLesson {
  submittedAt: string;
  author: string | null;
  authorRole: string | null;
  wentWell: string;
  wentBadly: string;
  actions: { action: string; owner: string }[];
}

/** One hour of a watch; hour = epoch hours. */
export interface HourPoint {
  hour: number;
  count: number;
  negative: number;
  toned: number;
}

export interface WatchSeries {
  watchId: number;
  watchName: string;
  points: HourPoint[];
  total: number;
}

export interface ReportData {
  workspace: Workspace;
  incident: IncidentDetail;
  /** The incident's scope: its watches and its period (to its closing, or to the report's making while open). */
  window: ScopeWindow;
  /** Who the report is for: the crisis plan's organisation, else the workspace's. */
  organisation: string;
  log: LogEntry[];
  integrity: LogIntegrity;
  statements: StatementDetail[];
  alerts: Alert[];
  /** What the detection engine said, change by change, over the report window. */
  levelChanges: LevelChangeRow[];
  series: WatchSeries[];
  mentionsInWindow: number;
  reactions: StatementReaction[];
  topMentions: ReportMention[];
  /** For each published reply to a mention: time from the mention to the reply's first publication. */
  replyDelaysMs: number[];
  queue: QueueStats;
  lessons: ReportLesson[];
  clocks: RegulatoryClock[];
  retex: IncidentRetex;
  press: PressDesk;
  compensation: CompensationRegister;
  generatedAt: string;
}

export function gatherReportData(sources: ReportSources, workspaceId: WorkspaceId, incidentId: string, now: Date): ReportData {
  const incident = sources.incident(workspaceId, incidentId);
  const scope = scopeWindow(incident.scope, now);
  const { from: fromIso, to: toIso } = scope;
  const repo = sources.repository(workspaceId);
  const rollups = sources.rollups(workspaceId);
  const fromMinute = Math.floor(Date.parse(fromIso) / 60_000);
  const toMinute = Math.ceil(Date.parse(toIso) / 60_000);
  const watches = repo.watches(scope);
  const series = watches.map((w) => {
    // By hour: whole hours from the hour grain, the window's ragged ends from the minute grain.
    const points: HourPoint[] = rollups
      .volumeByBuckets(w.id, 60, fromMinute, toMinute)
      .map((b) => ({ hour: b.bucket, count: b.count, negative: b.negative, toned: b.negative + b.neutral + b.positive }));
    return { watchId: w.id, watchName: w.name, points, total: points.reduce((sum, p) => sum + p.count, 0) };
  });
  const log = sources.logEntries(workspaceId, incidentId);
  const statements = sources.statements(workspaceId, incidentId);
  const alerts = sources
    .alerts(workspaceId, ALERT_LIMIT)
    .filter((a) => scope.watchIds.includes(a.watchId) && a.openedAt < toIso && (a.closedAt === null || a.closedAt >= fromIso))
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
    // An alert still open after the incident closed keeps gathering posts: the report quotes only the period's.
    .map((a) => ({ ...a, explanation: { ...a.explanation, samples: a.explanation.samples.filter((m) => m.publishedAt >= fromIso && m.publishedAt < toIso) } }));
  const workspace = sources.workspace(workspaceId);
  return {
    workspace,
    incident,
    window: scope,
    organisation: sources.organisation(workspaceId) || workspace.settings.organisation || workspace.settings.displayName,
    log,
    integrity: sources.verifyLog(workspaceId),
    statements,
    alerts,
    levelChanges: levelChronology(sources, workspaceId, repo, watches, scope),
    series,
    mentionsInWindow: repo.countBetween(scope),
    reactions: analyseReactions(repo, rollups, watches, statements, REACTION_WINDOW_HOURS, scope),
    topMentions: repo.topByAudience(scope, TOP_MENTIONS),
    replyDelaysMs: replyDelays(repo, statements),
    queue: queueStats(repo.responseItems(scope)),
    lessons: sources.lessons(workspaceId).map(toLesson),
    clocks: sources.clocks(workspaceId, incidentId),
    retex: sources.retex(workspaceId, incidentId),
    press: sources.press(workspaceId, incidentId),
    compensation: sources.compensation(workspaceId, incidentId),
    generatedAt: now.toISOString(),
  };
}

/**
 * Stored live levels; for the part of the period before a watch existed (imported past mentions) no live detection
 * ran, so its levels are the ones a backtest replay gives, from the period's start for at most 31 days.
 */
function levelChronology(
  sources: ReportSources,
  workspaceId: WorkspaceId,
  repo: ReportRepository,
  watches: readonly { id: number; name: string; createdAt: string }[],
  scope: ScopeWindow,
): LevelChangeRow[] {
  const from = Date.parse(scope.from);
  const replayed = watches.flatMap((w) => {
    const end = Math.min(Date.parse(w.createdAt), Date.parse(scope.to), from + REPLAY_MAX_MS);
    if (!(end > from)) return [];
    return sources
      .replayLevels(workspaceId, w.id, scope.from, new Date(end).toISOString())
      .map((c): LevelChangeRow => ({ watchId: w.id, watchName: w.name, level: c.level, at: c.at, replayed: true }));
  });
  return [...replayed, ...repo.levelChanges(scope)].sort((a, b) => a.at.localeCompare(b.at));
}

function replyDelays(repo: ReportRepository, statements: readonly StatementDetail[]): number[] {
  return statements.flatMap((d) => {
    const mentionId = Number(d.statement.replyToMentionId);
    const published = firstPublication(d);
    if (d.statement.kind !== 'reply' || !Number.isSafeInteger(mentionId) || published === null) return [];
    const mentionAt = repo.mentionPublishedAt(mentionId);
    return mentionAt === null ? [] : [Math.max(0, Date.parse(published) - Date.parse(mentionAt))];
  });
}

function queueStats(items: readonly ResponseItemTimes[]): QueueStats {
  const count = (key: (i: ResponseItemTimes) => string) =>
    items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [key(i)]: (acc[key(i)] ?? 0) + 1 }), {});
  const handled = items
    .filter((i) => i.handledAt !== null && (i.state === 'answered' || i.state === 'offline'))
    .map((i) => Date.parse(i.handledAt!) - Date.parse(i.flaggedAt))
    .sort((a, b) => a - b);
  const mid = Math.floor(handled.length / 2);
  return {
    flagged: items.length,
    byState: count((i) => i.state),
    byReason: count((i) => i.reason),
    medianHandledMs: handled.length === 0 ? null : handled.length % 2 ? handled[mid]! : (handled[mid - 1]! + handled[mid]!) / 2,
  };
}

/** Stored actions are JSON written by the app; anything unexpected is shown as nothing rather than failing the report. */
function toLesson(row: LessonRow): ReportLesson {
  let actions: { action: string; owner: string }[] = [];
  try {
    const parsed: unknown = JSON.parse(row.actionsJson);
    if (Array.isArray(parsed)) {
      actions = parsed.flatMap((a: unknown) => {
        const { action, owner } = (a ?? {}) as { action?: unknown; owner?: unknown };
        return typeof action === 'string' ? [{ action, owner: typeof owner === 'string' ? owner : '' }] : [];
      });
    }
  } catch {
    actions = [];
  }
  return { submittedAt: row.submittedAt, author: row.author, authorRole: row.authorRole, wentWell: row.wentWell, wentBadly: row.wentBadly, actions };
}
