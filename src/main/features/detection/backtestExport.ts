// A backtest as a file: JSON (the result as the API returns it) or CSV, one row per episode with its why-card
// flattened into columns, UTF-8 with BOM so Excel reads accents. Times stay UTC ISO, as stored.
import { stringify } from 'csv-stringify/sync';
import type { BacktestResult, Explanation } from '../../../shared/domain/detection';
import { safeCell } from '../reports';

export const BACKTEST_COLUMNS = [
  'started_at',
  'ended_at',
  'peak_level',
  'peak_at',
  'alert_opened',
  'mentions_last_hour',
  'signals',
  'emerging_terms',
  'top_terms',
  'influential_authors',
  'sample_posts',
] as const;

const BOM = '\ufeff';

export interface BacktestFile {
  fileName: string;
  mimeType: string;
  content: string;
}

const signals = (why: Explanation) =>
  why.signals
    .filter((s) => s.level !== 'calm')
    .map((s) => `${s.kind}=${s.level}${s.items.length ? ` (${s.items.join(', ')})` : ''}`)
    .join('; ');

const authors = (why: Explanation) =>
  why.topAuthors.map((a) => `${a.name}${a.audience === null ? '' : ` [${a.audience}]`} ${a.kind}`).join('; ');

const samples = (why: Explanation) => why.samples.map((m) => `${m.publishedAt} ${m.author ?? ''}: ${m.text}`).join('\n');

export function backtestFile(result: BacktestResult, watchName: string, format: 'csv' | 'json'): BacktestFile {
  const stem = `backtest-${watchName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || result.watchId}-${result.from.slice(0, 10)}-${result.to.slice(0, 10)}`;
  if (format === 'json') return { fileName: `${stem}.json`, mimeType: 'application/json', content: JSON.stringify({ watchName, ...result }, null, 2) };
  const rows = result.episodes.map((e) =>
    [
      e.startedAt,
      e.endedAt,
      e.peakLevel,
      e.peakAt,
      e.alerted ? 1 : 0,
      e.explanation.mentions,
      signals(e.explanation),
      e.explanation.emerging.map((t) => t.term).join('; '),
      e.explanation.topTerms.map((t) => `${t.term} (${t.count})`).join('; '),
      authors(e.explanation),
      samples(e.explanation),
    ].map(safeCell),
  );
  return { fileName: `${stem}.csv`, mimeType: 'text/csv', content: BOM + stringify([[...BACKTEST_COLUMNS], ...rows]) };
}
