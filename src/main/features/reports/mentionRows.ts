// The mentions of an incident's period, page by page in time order, as spreadsheet rows.
import type { IncidentDetail } from '../../../shared/domain/incident';
import type { ReportMention, ReportRepository } from './reportRepository';
import { reportWindow } from './reportData';
import { safeCell } from './safeCell';

export const MENTION_COLUMNS = ['id', 'published_at', 'source_kind', 'source_name', 'author_handle', 'author_name', 'author_audience', 'author_kind', 'language', 'tone', 'title', 'text', 'url'] as const;
const PAGE = 5000;

export const mentionRow = (m: ReportMention): (string | number)[] =>
  [m.id, m.publishedAt, m.sourceKind, m.sourceName, m.authorHandle, m.authorName, m.authorAudience, m.authorKind, m.language, m.toneClass, m.title, m.text, m.url].map(safeCell);

/** Yields pages of mentions in [window.from, window.to); `total` is known up front for progress. */
export function* mentionPages(repo: ReportRepository, incident: IncidentDetail, now: Date): Generator<{ rows: ReportMention[]; total: number }> {
  const { from, to } = reportWindow(incident, now);
  const toIso = new Date(to).toISOString();
  const total = repo.countBetween(new Date(from).toISOString(), toIso);
  // Strictly after (from − 1 ms, id 0): the first page starts exactly at the window's start.
  let after = { publishedAt: new Date(from - 1).toISOString(), id: 0 };
  for (;;) {
    const rows = repo.mentionsAfter(toIso, after, PAGE);
    if (rows.length === 0) return;
    yield { rows, total };
    const last = rows[rows.length - 1]!;
    after = { publishedAt: last.publishedAt, id: last.id };
  }
}
