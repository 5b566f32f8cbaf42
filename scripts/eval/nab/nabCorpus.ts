import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NabProfileName, NabWindow } from './nabScorer';

/** One NAB series: `realTweets/<file>.csv` keyed as NAB keys its labels. */
export interface NabSeries {
  key: string;
  timestamps: number[];
  values: number[];
}

export interface PublishedFileScore {
  detector: string;
  profile: string;
  file: string;
  score: number;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/** NAB timestamps carry no zone; they are read as UTC so that day-of-week and time-of-day are stable. */
export function parseNabTimestamp(text: string): number {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) throw new Error(`not a NAB timestamp: "${text}"`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function parseNabCsv(key: string, text: string): NabSeries {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0]?.trim() !== 'timestamp,value') throw new Error(`${key}: expected header "timestamp,value"`);
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const [ts, value] = lines[i]!.split(',');
    const v = Number(value);
    if (ts === undefined || !Number.isFinite(v)) throw new Error(`${key}: bad row ${i + 1}`);
    timestamps.push(parseNabTimestamp(ts));
    values.push(v);
  }
  return { key, timestamps, values };
}

export function readNabWindows(folder: string): Map<string, NabWindow[]> {
  const raw = JSON.parse(readFileSync(join(folder, 'labels', 'combined_windows.json'), 'utf8')) as Record<
    string,
    Array<[string, string]>
  >;
  const windows = new Map<string, NabWindow[]>();
  for (const [key, list] of Object.entries(raw)) {
    windows.set(
      key,
      list.map(([start, end]) => ({ start: parseNabTimestamp(start), end: parseNabTimestamp(end) })),
    );
  }
  return windows;
}

/** Every labelled series of the folder (data/<category>/*.csv that has an entry in combined_windows.json). */
export function readNabSeries(folder: string, windows: Map<string, NabWindow[]>): NabSeries[] {
  const series: NabSeries[] = [];
  const dataDir = join(folder, 'data');
  for (const category of readdirSync(dataDir, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const file of readdirSync(join(dataDir, category.name)).sort()) {
      const key = `${category.name}/${file}`;
      if (!file.endsWith('.csv') || !windows.has(key)) continue;
      series.push(parseNabCsv(key, readFileSync(join(dataDir, category.name, file), 'utf8')));
    }
  }
  return series;
}

/** NAB's published per-file raw scores (`results/<det>/<det>_<profile>_scores.csv`), when present. */
export function readPublishedScores(folder: string, profile: NabProfileName): PublishedFileScore[] {
  const resultsDir = join(folder, 'results');
  if (!existsSync(resultsDir)) return [];
  const rows: PublishedFileScore[] = [];
  for (const detector of readdirSync(resultsDir).sort()) {
    const file = join(resultsDir, detector, `${detector}_${profile}_scores.csv`);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = lines[0]?.split(',') ?? [];
    const fileCol = header.indexOf('File');
    const scoreCol = header.indexOf('Score');
    if (fileCol < 0 || scoreCol < 0) continue;
    const seen = new Set<string>();
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const name = cells[fileCol] ?? '';
      const score = Number(cells[scoreCol]);
      // Upstream score files list some files twice and end with a Totals row.
      if (name === '' || name === 'Totals' || seen.has(name) || !Number.isFinite(score)) continue;
      seen.add(name);
      rows.push({ detector, profile, file: name, score });
    }
  }
  return rows;
}
