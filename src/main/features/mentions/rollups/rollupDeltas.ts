// What one ingest batch adds to the rollups, summed per watch and minute in memory so the transaction writes one
// upsert per watch and minute (and one per part) however many mentions the batch holds.

type RollupDimension = 'lang' | 'source';

export interface RollupDelta {
  readonly watchId: number;
  /** Unix epoch minutes of published_at. */
  readonly minute: number;
  count: number;
  negative: number;
  neutral: number;
  positive: number;
  audience: number;
  /** Counts keyed by `partKey(dimension, value)`. */
  readonly parts: Map<string, number>;
}

/** The fields of a stored mention that the rollups count. */
export interface RolledMention {
  readonly publishedAt: string;
  readonly toneClass: string | null;
  readonly authorAudience: number | null;
  readonly language: string | null;
  readonly sourceId: number;
}

const MS_PER_MINUTE = 60_000;

/** The rollup minute of a mention: unix epoch minutes of its published_at. */
export const minuteOf = (publishedAt: string): number => Math.floor(Date.parse(publishedAt) / MS_PER_MINUTE);

/** Key of a rollup part: dimension and value joined by a tab (values never contain one). */
const partKey = (dimension: RollupDimension, value: string): string => `${dimension}\t${value}`;

export class RollupDeltas {
  readonly #byKey = new Map<string, RollupDelta>();

  /** Counts `mention` once for `watchId`, in the minute it was published. */
  add(watchId: number, mention: RolledMention): void {
    const minute = minuteOf(mention.publishedAt);
    const key = `${watchId}:${minute}`;
    let delta = this.#byKey.get(key);
    if (!delta) {
      delta = { watchId, minute, count: 0, negative: 0, neutral: 0, positive: 0, audience: 0, parts: new Map() };
      this.#byKey.set(key, delta);
    }
    delta.count += 1;
    if (mention.toneClass === 'negative') delta.negative += 1;
    else if (mention.toneClass === 'neutral') delta.neutral += 1;
    else if (mention.toneClass === 'positive') delta.positive += 1;
    delta.audience += mention.authorAudience ?? 0;
    const lang = partKey('lang', mention.language ?? 'und');
    delta.parts.set(lang, (delta.parts.get(lang) ?? 0) + 1);
    // By source id, not kind or name: the reader is shown the source as the user named it, even after a rename.
    const source = partKey('source', String(mention.sourceId));
    delta.parts.set(source, (delta.parts.get(source) ?? 0) + 1);
  }

  values(): IterableIterator<RollupDelta> {
    return this.#byKey.values();
  }
}
