// What the cell monitors: a brand, product, executive or topic, with its keywords, exclusions and sources.
import { z } from 'zod';

const term = z.string().trim().min(1).max(200);

export const watchInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** A mention belongs to the watch when any keyword appears (accent- and case-insensitive, whole words). */
  keywords: z.array(term).max(200).default([]),
  /** …unless one of these appears. */
  exclusions: z.array(term).max(200).default([]),
  /** Primary language subtags (`fr`, `en`); empty = every language. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20).default([]),
  /**
   * Empty = posts by anyone; otherwise only posts by these accounts (handles, with or without the @), such as the
   * staff accounts the firm declared, so their posts about the crisis reach HR and communications.
   */
  authors: z.array(term).max(500).default([]),
  /** Empty = mentions from every source; otherwise only these sources count (a watch with no keyword takes all of them). */
  sourceIds: z.array(z.number().int().positive()).max(500).default([]),
  enabled: z.boolean().default(true),
});
export type WatchInput = z.input<typeof watchInputSchema>;

export const watchSchema = watchInputSchema.extend({
  id: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Watch = z.infer<typeof watchSchema>;
