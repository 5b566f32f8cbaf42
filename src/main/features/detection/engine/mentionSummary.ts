import type { AuthorKind } from '../../../../shared/domain/mention';
import type { ToneClass } from '../../../../shared/domain/storedMention';

/** What the engine keeps of a stored mention: enough for its signals and for the explanation of an alert. */
export interface MentionSummary {
  id: number;
  /** Epoch milliseconds of publication. */
  publishedAt: number;
  text: string;
  authorName: string | null;
  audience: number | null;
  authorKind: AuthorKind;
  sourceKind: string;
  sourceName: string | null;
  language: string | null;
  tone: ToneClass | null;
}

/** Counts per 5-minute bucket, the unit of the volume and tone baselines. */
export interface BucketCounts {
  count: number;
  negative: number;
  /** Mentions that have a tone at all (other languages have none). */
  toned: number;
}
