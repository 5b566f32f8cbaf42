// The mentions of an incident's watches and period, page by page in time order, as spreadsheet rows.
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { ReportMention, ReportRepository } from './reportRepository';
import { scopeWindow } from '../incidents';
import { safeCell } from './safeCell';

export const MENTION_COLUMNS = ['id', 'published_at', 'source_kind', 'source_name', 'author_handle', 'author_name', 'author_audience', 'author_kind', 'language', 'tone', 'title', 'text', 'url'] as const;
const PAGE = 5000;

export const mentionRow = (m: ReportMention): (string | number)[] =>
  [m.id, m.publishedAt, m.sourceKind, m.sourceName, m.authorHandle, m.authorName, m.authorAudience, m.authorKind, m.language, m.toneClass, m.title, m.text, m.url].map(safeCell);

/** Yields pages of the incident's mentions (its watches, its period); `total` is known up front for progress. */
export function* mentionPages(repo: ReportRepository, incident: IncidentDetail, now: Date): Generator<{ rows: ReportMention[]; total: number }> {
  const scope = scopeWindow(incident.scope, now);
  const total = repo.countBetween(scope);
  // Strictly after (from − 1 ms, id 0): the first page starts exactly at the period's start.
  let after = { publishedAt: new Date(Date.parse(scope.from) - 1).toISOString(), id: 0 };
  for (;;) {
    const rows = repo.mentionsAfter(scope, after, PAGE);
    if (rows.length === 0) return;
    yield { rows, total };
    const last = rows[rows.length - 1]!;
    after = { publishedAt: last.publishedAt, id: last.id };
  }
}
