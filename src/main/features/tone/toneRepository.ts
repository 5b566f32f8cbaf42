// Tone corrections by analysts (they also fix the mention and its rollups) and the workspace's local tone model.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ToneClass } from '../../../shared/domain/storedMention';
import type { Db } from '../../platform/db/openDatabase';
import { RollupRepository } from '../mentions';
import { ANALYSED_CHARS } from './toneEnricher';

export interface CorrectionSample {
  text: string;
  language: string | null;
  toneClass: ToneClass;
}

/** An uncorrected mention the "help the tone model" queue may ask about, its text cut as the enricher reads it. */
export interface QueueCandidate {
  mentionId: number;
  text: string;
  language: string | null;
  publishedAt: string;
  toneClass: ToneClass;
}

const CANDIDATE_COLUMNS = `id AS mentionId, substr(title, 1, ${ANALYSED_CHARS}) AS title, substr(text, 1, ${ANALYSED_CHARS}) AS text,
  language, published_at AS publishedAt, tone_class AS toneClass`;

/** Title and body as one text, as the enricher and the model read a post. */
function postText(r: { text: string; title: string | null }): string {
  return r.title && !r.text.startsWith(r.title) ? `${r.title}. ${r.text}` : r.text;
}

export class ToneRepository {
  readonly #mention: Statement;
  readonly #watches: Statement;
  readonly #setTone: Statement;
  readonly #record: Statement;
  readonly #rollups: RollupRepository;
  readonly #samples: Statement;
  readonly #count: Statement;
  readonly #verdicts: Statement;
  readonly #model: Statement;
  readonly #saveModel: Statement;
  readonly #candidates: Statement;
  readonly #stillUncorrected: Statement;

  constructor(private readonly db: Db) {
    this.#mention = db.prepare('SELECT tone_class AS tone, published_at AS publishedAt FROM mentions WHERE id = ?');
    this.#watches = db.prepare('SELECT watch_id AS watchId FROM mention_watches WHERE mention_id = ?');
    this.#setTone = db.prepare('UPDATE mentions SET tone_class = ?, tone_score = ?, tone_corrected = 1 WHERE id = ?');
    this.#record = db.prepare(
      `INSERT INTO tone_corrections (mention_id, tone_class, previous_class, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (mention_id) DO UPDATE SET tone_class = excluded.tone_class, corrected_by = excluded.corrected_by,
         corrected_at = excluded.corrected_at`,
    );
    this.#rollups = new RollupRepository(db);
    this.#samples = db.prepare(
      `SELECT m.text, m.title, m.language, c.tone_class AS toneClass FROM tone_corrections c JOIN mentions m ON m.id = c.mention_id
       ORDER BY c.corrected_at`,
    );
    this.#count = db.prepare('SELECT count(*) AS n FROM tone_corrections');
    // previous_class keeps the classifier's verdict from the first correction: a later change of mind by an
    // analyst updates tone_class only.
    this.#verdicts = db.prepare(
      `SELECT previous_class = 'negative' AS predictedNegative, tone_class = 'negative' AS negative, count(*) AS n
       FROM tone_corrections WHERE previous_class IS NOT NULL GROUP BY 1, 2`,
    );
    this.#model = db.prepare('SELECT weights, samples FROM tone_models WHERE id = 1');
    this.#saveModel = db.prepare(
      `INSERT INTO tone_models (id, weights, samples, trained_at, metrics_json) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET weights = excluded.weights, samples = excluded.samples, trained_at = excluded.trained_at,
         metrics_json = excluded.metrics_json`,
    );
    // Mentions without a tone are in a language no lexicon scores: the model cannot learn from them.
    this.#candidates = db.prepare(
      `SELECT ${CANDIDATE_COLUMNS} FROM mentions WHERE tone_corrected = 0 AND tone_class IS NOT NULL
       ORDER BY published_at DESC, id DESC LIMIT ?`,
    );
    this.#stillUncorrected = db.prepare(
      `SELECT ${CANDIDATE_COLUMNS} FROM mentions WHERE id IN (SELECT value FROM json_each(?)) AND tone_corrected = 0 AND tone_class IS NOT NULL`,
    );
  }

  /** Sets the mention's tone, records the correction and moves the mention between the rollups' tone columns. */
  correct(mentionId: number, tone: ToneClass, by: string | null, now: string): { previous: ToneClass | null } | null {
    return this.db.transaction(() => {
      const row = this.#mention.get(mentionId) as { tone: ToneClass | null; publishedAt: string } | undefined;
      if (!row) return null;
      this.#setTone.run(tone, tone === 'positive' ? 1 : tone === 'negative' ? -1 : 0, mentionId);
      this.#record.run(mentionId, tone, row.tone, by, now);
      if (row.tone !== tone) {
        for (const { watchId } of this.#watches.all(mentionId) as Array<{ watchId: number }>) {
          this.#rollups.moveTone(watchId, row.publishedAt, row.tone, tone);
        }
      }
      return { previous: row.tone };
    })();
  }

  samples(): CorrectionSample[] {
    return (this.#samples.all() as Array<{ text: string; title: string | null; language: string | null; toneClass: ToneClass }>).map(
      (r) => ({ text: postText(r), language: r.language, toneClass: r.toneClass }),
    );
  }

  /** Corrections that had a classifier verdict, grouped by (verdict negative?, truly negative?). */
  verdicts(): Array<{ predictedNegative: boolean; negative: boolean; n: number }> {
    return (this.#verdicts.all() as Array<{ predictedNegative: number; negative: number; n: number }>).map((r) => ({
      predictedNegative: r.predictedNegative === 1,
      negative: r.negative === 1,
      n: r.n,
    }));
  }

  /** The newest uncorrected mentions that have a tone, newest first. */
  candidates(limit: number): QueueCandidate[] {
    return (this.#candidates.all(limit) as Array<QueueCandidate & { title: string | null }>).map(({ title, ...r }) => ({ ...r, text: postText({ text: r.text, title }) }));
  }

  /** Those of these mentions that still exist and are still uncorrected, in the order given. */
  stillUncorrected(mentionIds: readonly number[]): QueueCandidate[] {
    const rows = this.#stillUncorrected.all(JSON.stringify(mentionIds)) as Array<QueueCandidate & { title: string | null }>;
    const byId = new Map(rows.map(({ title, ...r }) => [r.mentionId, { ...r, text: postText({ text: r.text, title }) }]));
    return mentionIds.flatMap((id) => byId.get(id) ?? []);
  }

  correctionCount(): number {
    return (this.#count.get() as { n: number }).n;
  }

  model(): { weights: Buffer; samples: number } | undefined {
    return this.#model.get() as { weights: Buffer; samples: number } | undefined;
  }

  saveModel(weights: Buffer, samples: number, now: string, metrics: unknown): void {
    this.#saveModel.run(weights, samples, now, JSON.stringify(metrics));
  }
}
