// Reaction to each published statement: volume, negative share and top terms in the hours before vs after
// its first publication, per watch of the incident, read from the minute rollups and hourly term counts (never raw mentions).
import type { StatementDetail } from '../../../shared/domain/statement';
import type { ReactionWindow, StatementReaction } from '../../../shared/domain/report';
import type { ReportRepository } from './reportRepository';
import type { RollupRepository } from '../mentions';
import { shownAsWritten } from '../detection';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const TOP_TERMS = 8;
/** Posts read for the terms' written forms (the hourly counts keep only accent-free keys). */
const FORMS_SAMPLE = 500;

/** First confirmed publication of a statement on any channel, or null when it never went out. */
export function firstPublication(detail: StatementDetail): string | null {
  const times = detail.outbox.flatMap((o) => (o.state === 'published' && o.publishedAt ? [o.publishedAt] : []));
  return times.length === 0 ? null : times.reduce((a, b) => (a < b ? a : b));
}

function window(repo: ReportRepository, rollups: RollupRepository, watchId: number, fromMs: number, toMs: number): ReactionWindow {
  const totals = rollups.totals(watchId, Math.floor(fromMs / MINUTE_MS), Math.floor(toMs / MINUTE_MS));
  const toned = totals.negative + totals.neutral + totals.positive;
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    mentions: totals.count,
    negative: totals.negative,
    toned,
    negativeShare: toned === 0 ? null : totals.negative / toned,
    topTerms: shownAsWritten(
      repo.topTerms(watchId, Math.floor(fromMs / HOUR_MS), Math.floor(toMs / HOUR_MS), TOP_TERMS),
      repo.recentTexts(watchId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), FORMS_SAMPLE),
    ),
  };
}

export function analyseReactions(
  repo: ReportRepository,
  rollups: RollupRepository,
  watches: readonly { id: number; name: string }[],
  statements: readonly StatementDetail[],
  windowHours: number,
  period: { readonly from: string; readonly to: string },
): StatementReaction[] {
  // The hours before a statement may predate the incident, and those after may outlast it: both are cut at the
  // period, so another story's mentions never count as a reaction to this one.
  const first = Date.parse(period.from);
  const last = Date.parse(period.to);
  const published = statements
    .map((detail) => ({ detail, at: firstPublication(detail) }))
    .filter((s): s is { detail: StatementDetail; at: string } => s.at !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  return published.map(({ detail, at }) => {
    const t = Date.parse(at);
    const span = windowHours * HOUR_MS;
    return {
      statementId: detail.statement.id,
      title: detail.statement.title,
      kind: detail.statement.kind,
      publishedAt: new Date(t).toISOString(),
      channels: [...new Set(detail.outbox.filter((o) => o.state === 'published').map((o) => o.channel))],
      windowHours,
      watches: watches.map((w) => ({
        watchId: w.id,
        watchName: w.name,
        before: window(repo, rollups, w.id, Math.min(t, Math.max(t - span, first)), t),
        after: window(repo, rollups, w.id, t, Math.max(t, Math.min(t + span, last))),
      })),
    };
  });
}
