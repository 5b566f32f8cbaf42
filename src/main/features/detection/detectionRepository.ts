// Detection storage: per-watch settings and level, alerts with their explanation, term hours, and the mentions
// the engine reads (new ones by id, those of a range for backtests); its rollup buckets come from the rollups module.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuthorKind } from '../../../shared/domain/mention';
import type { ToneClass } from '../../../shared/domain/storedMention';
import type { MentionSummary } from './engine/mentionSummary';
import { ANALYSED_CHARS } from '../tone';
import type { Db } from '../../platform/db/openDatabase';

export interface AlertRow {
  id: number;
  watchId: number;
  level: string;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  status: string;
  statusReason: string | null;
  statusBy: string | null;
  statusAt: string | null;
  explanationJson: string;
  openingExplanationJson: string | null;
}

interface MentionDbRow {
  id: number;
  published_at: string;
  text: string;
  title: string | null;
  author_name: string | null;
  author_handle: string | null;
  author_audience: number | null;
  author_kind: string;
  source_kind: string;
  source_name: string | null;
  language: string | null;
  tone_class: string | null;
}

const MENTION_COLUMNS = `m.id, m.published_at, m.text, m.title, m.author_name, m.author_handle, m.author_audience, m.author_kind,
  m.source_kind, m.source_name, m.language, m.tone_class`;
/**
 * A watch's mentions of a period, oldest first: walks the watch's links by their (watch, published_at) index, so
 * the cost follows the period, not the watch's whole history (by mentions.published_at it read every link of the
 * watch: 16 s for a watch of 280,000 mentions at 1,000,000). Exported so the index-use test explains what runs.
 */
export const MENTIONS_IN_RANGE_SQL = `SELECT ${MENTION_COLUMNS} FROM mention_watches w INDEXED BY mention_watches_stream
  JOIN mentions m ON m.id = w.mention_id
  WHERE w.watch_id = ? AND w.published_at >= ? AND w.published_at < ? ORDER BY w.published_at, w.mention_id LIMIT ?`;
const ALERT_COLUMNS = `id, watch_id AS watchId, level, opened_at AS openedAt, updated_at AS updatedAt, closed_at AS closedAt,
  status, status_reason AS statusReason, status_by AS statusBy, status_at AS statusAt, explanation_json AS explanationJson,
  opening_explanation_json AS openingExplanationJson`;

function toSummary(r: MentionDbRow): MentionSummary {
  return {
    id: r.id,
    publishedAt: Date.parse(r.published_at),
    // The engine reads terms and vocabulary from the same leading part of the text as tone.
    text: (r.title && !r.text.startsWith(r.title) ? `${r.title}. ${r.text}` : r.text).slice(0, ANALYSED_CHARS),
    authorName: r.author_name ?? r.author_handle,
    audience: r.author_audience,
    authorKind: r.author_kind as AuthorKind,
    sourceKind: r.source_kind,
    sourceName: r.source_name,
    language: r.language,
    tone: r.tone_class as ToneClass | null,
  };
}

export class DetectionRepository {
  readonly #mentionsById: Statement;
  readonly #mentionsInRange: Statement;
  readonly #termHours: Statement;
  readonly #termHoursBetween: Statement;
  readonly #addTerm: Statement;
  readonly #getSettings: Statement;
  readonly #saveSettings: Statement;
  readonly #getLevel: Statement;
  readonly #saveLevel: Statement;
  readonly #addLevelChange: Statement;
  readonly #insertAlert: Statement;
  readonly #updateAlert: Statement;
  readonly #followAlert: Statement;
  readonly #closeAlert: Statement;
  readonly #setStatus: Statement;
  readonly #getAlert: Statement;
  readonly #openAlert: Statement;
  readonly #listAlerts: Statement;
  readonly #episodeStart: Statement;
  readonly #alertNear: Statement;

  constructor(private readonly db: Db) {
    this.#mentionsById = db.prepare(
      `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN mention_watches w ON w.mention_id = m.id AND w.watch_id = ?
       WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.published_at`,
    );
    this.#mentionsInRange = db.prepare(MENTIONS_IN_RANGE_SQL);
    this.#termHours = db.prepare('SELECT hour, term, count FROM watch_term_hours WHERE watch_id = ? AND hour >= ?');
    this.#termHoursBetween = db.prepare('SELECT hour, term, count FROM watch_term_hours WHERE watch_id = ? AND hour >= ? AND hour < ?');
    this.#addTerm = db.prepare(
      `INSERT INTO watch_term_hours (watch_id, hour, term, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (watch_id, hour, term) DO UPDATE SET count = count + excluded.count`,
    );
    this.#getSettings = db.prepare('SELECT settings_json AS json FROM detection_settings WHERE watch_id = ?');
    this.#saveSettings = db.prepare(
      `INSERT INTO detection_settings (watch_id, settings_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (watch_id) DO UPDATE SET settings_json = excluded.settings_json, updated_at = excluded.updated_at`,
    );
    this.#getLevel = db.prepare('SELECT level, since FROM detection_levels WHERE watch_id = ?');
    this.#saveLevel = db.prepare(
      `INSERT INTO detection_levels (watch_id, level, since, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (watch_id) DO UPDATE SET level = excluded.level, since = excluded.since, updated_at = excluded.updated_at`,
    );
    this.#addLevelChange = db.prepare('INSERT INTO detection_level_changes (watch_id, level, at) VALUES (?, ?, ?)');
    this.#insertAlert = db.prepare(
      'INSERT INTO alerts (watch_id, level, opened_at, updated_at, explanation_json, opening_explanation_json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#updateAlert = db.prepare('UPDATE alerts SET level = ?, updated_at = ?, explanation_json = ? WHERE id = ?');
    this.#followAlert = db.prepare('UPDATE alerts SET updated_at = ?, explanation_json = ? WHERE id = ? AND closed_at IS NULL');
    this.#closeAlert = db.prepare('UPDATE alerts SET closed_at = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL');
    this.#setStatus = db.prepare(
      'UPDATE alerts SET status = ?, status_reason = ?, status_by = ?, status_at = ?, updated_at = ? WHERE id = ?',
    );
    this.#getAlert = db.prepare(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`);
    this.#episodeStart = db.prepare(
      `SELECT min(at) AS at FROM detection_level_changes
       WHERE watch_id = @watchId AND at <= @at AND level <> 'calm'
         AND at > coalesce((SELECT max(at) FROM detection_level_changes WHERE watch_id = @watchId AND at <= @at AND level = 'calm'), '')`,
    );
    this.#alertNear = db.prepare(
      `SELECT ${ALERT_COLUMNS} FROM alerts WHERE watch_id = @watchId AND opened_at >= @from AND opened_at <= @to
       ORDER BY abs(julianday(opened_at) - julianday(@at)), id LIMIT 1`,
    );
    this.#openAlert = db.prepare(
      `SELECT ${ALERT_COLUMNS} FROM alerts WHERE watch_id = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1`,
    );
    this.#listAlerts = db.prepare(
      `SELECT ${ALERT_COLUMNS} FROM alerts WHERE (? = 'all' OR status = ?)
         AND (? IS NULL OR opened_at >= ?) AND (? IS NULL OR opened_at < ?) AND (? IS NULL OR watch_id = ?)
         AND (? IS NULL OR (opened_at, id) < (?, ?))
       ORDER BY opened_at DESC, id DESC LIMIT ?`,
    );
  }

  mentionsById(watchId: number, ids: readonly number[]): MentionSummary[] {
    return (this.#mentionsById.all(watchId, JSON.stringify(ids)) as MentionDbRow[]).map(toSummary);
  }

  mentionsInRange(watchId: number, fromIso: string, toIso: string, limit: number): MentionSummary[] {
    return (this.#mentionsInRange.all(watchId, fromIso, toIso, limit) as MentionDbRow[]).map(toSummary);
  }

  termHours(watchId: number, fromHour: number): Array<{ hour: number; term: string; count: number }> {
    return this.#termHours.all(watchId, fromHour) as Array<{ hour: number; term: string; count: number }>;
  }

  /** Term counts of the hours in [fromHour, toHour): a replay must not see the words of its own future. */
  termHoursBetween(watchId: number, fromHour: number, toHour: number): Array<{ hour: number; term: string; count: number }> {
    return this.#termHoursBetween.all(watchId, fromHour, toHour) as Array<{ hour: number; term: string; count: number }>;
  }

  addTermCounts(watchId: number, rows: ReadonlyArray<{ hour: number; term: string; count: number }>): void {
    if (rows.length === 0) return;
    this.db.transaction(() => {
      for (const r of rows) this.#addTerm.run(watchId, r.hour, r.term, r.count);
    })();
  }

  settings(watchId: number): unknown {
    const row = this.#getSettings.get(watchId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as unknown) : undefined;
  }

  saveSettings(watchId: number, settings: unknown, now: string): void {
    this.#saveSettings.run(watchId, JSON.stringify(settings), now);
  }

  level(watchId: number): { level: string; since: string } | undefined {
    return this.#getLevel.get(watchId) as { level: string; since: string } | undefined;
  }

  /** The watch's current level, and the change in its history. */
  saveLevel(watchId: number, level: string, since: string): void {
    this.#saveLevel.run(watchId, level, since, since);
    this.#addLevelChange.run(watchId, level, since);
  }

  /** A new alert: its explanation and, for the record, the same explanation as it opened. */
  openAlert(watchId: number, level: string, at: string, explanation: unknown): number {
    const json = JSON.stringify(explanation);
    return Number(this.#insertAlert.run(watchId, level, at, at, json, json).lastInsertRowid);
  }

  /** The open alert's explanation as the episode goes on; its opening record is left as it was. */
  followAlert(id: number, at: string, explanation: unknown): void {
    this.#followAlert.run(at, JSON.stringify(explanation), id);
  }

  escalateAlert(id: number, level: string, at: string, explanation: unknown): void {
    this.#updateAlert.run(level, at, JSON.stringify(explanation), id);
  }

  closeAlert(id: number, at: string): void {
    this.#closeAlert.run(at, at, id);
  }

  setStatus(id: number, status: string, reason: string | null, by: string | null, at: string): void {
    this.#setStatus.run(status, reason, by, at, at, id);
  }

  alert(id: number): AlertRow | undefined {
    return this.#getAlert.get(id) as AlertRow | undefined;
  }

  /** When the watch last left calm at or before `at`: the first signal of the episode running then. */
  episodeStart(watchId: number, at: string): string | null {
    return (this.#episodeStart.get({ watchId, at }) as { at: string | null } | undefined)?.at ?? null;
  }

  /** The watch's alert opened nearest `at`, within [from, to]: the same episode as one another laptop saw open then. */
  alertNear(watchId: number, at: string, from: string, to: string): AlertRow | undefined {
    return this.#alertNear.get({ watchId, at, from, to }) as AlertRow | undefined;
  }

  currentAlert(watchId: number): AlertRow | undefined {
    return this.#openAlert.get(watchId) as AlertRow | undefined;
  }

  /** Newest first; `from`/`to` bound the opening time, `watchId` keeps one watch's. */
  alerts(status: string, limit: number, scope: { from?: string; to?: string; watchId?: number; before?: { openedAt: string; id: number } } = {}): AlertRow[] {
    const from = scope.from ?? null;
    const to = scope.to ?? null;
    const watch = scope.watchId ?? null;
    const before = scope.before ?? null;
    return this.#listAlerts.all(status, status, from, from, to, to, watch, watch, before?.openedAt ?? null, before?.openedAt ?? null, before?.id ?? null, limit) as AlertRow[];
  }
}
