// The "help the tone model" queue: the posts the workspace's tone classifier is least sure of, for an analyst to label.
import { z } from 'zod';
import { toneClassSchema } from './storedMention';

export const toneQueueItemSchema = z.object({
  mentionId: z.number().int().positive(),
  text: z.string(),
  language: z.string().nullable(),
  publishedAt: z.string(),
  /** The classifier's current verdict. */
  toneClass: toneClassSchema,
  /** 0 (sure) to 1 (a coin toss): one minus the margin of the model's two likeliest classes, or one minus the lexicon score's distance to 0. */
  uncertainty: z.number().min(0).max(1),
  /**
   * What the lexicon reads in the post: its compound score in [−1, 1] (0 is its neutral boundary) and how many of
   * its words it found. Before the local model exists this is what the queue shows: a post with no lexicon word is
   * a full coin toss for every post alike, so a percentage would say nothing.
   */
  lexicon: z.object({ score: z.number().min(-1).max(1), words: z.number().int().nonnegative() }),
});

export const toneQueueSchema = z.object({
  /** What chose the batch: the local model, or the lexicon while the model has too few corrections. */
  basis: z.enum(['model', 'lexicon']),
  /** Posts in the batch when it was chosen (at most 20); `items` are those still unanswered. */
  batchSize: z.number().int().nonnegative(),
  items: z.array(toneQueueItemSchema),
  corrections: z.number().int().nonnegative(),
  /** Corrections from which the local model takes over from the lexicon. */
  minCorrections: z.number().int().positive(),
});

export type ToneQueueItem = z.infer<typeof toneQueueItemSchema>;
export type ToneQueue = z.infer<typeof toneQueueSchema>;
