// What travels between the cell's laptops about sources and mentions, in each laptop's own document: the sources it
// created (their settings, never their secrets), the sources it took over from an owner away too long, and the
// mentions it ingested, in compressed batches (one Automerge value per batch, not one object per mention, so a
// hundred thousand mentions stay a few hundred small changes).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { sourceKindSchema } from '../../../../shared/domain/mention';

const deviceSchema = z.string().regex(/^[0-9a-f]{32}$/);
export const MAX_MENTIONS_PER_BATCH = 2_000;
/** A batch's compressed mentions; far above what 2,000 mentions take, so only a hostile peer reaches it. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export const sharedSourceSchema = z.object({
  uid: z.uuid(),
  kind: sourceKindSchema,
  name: z.string().max(120),
  config: z.record(z.string(), z.unknown()),
  intervalSeconds: z.number().int().min(1).max(86_400),
  /** Names of the secrets the source needs: a laptop without them cannot take it over. */
  credentialKeys: z.array(z.string().max(200)).max(20),
  /** The laptop that created the source: its first owner. */
  device: deviceSchema,
});
export type SharedSource = z.infer<typeof sharedSourceSchema>;

export const claimSchema = z.object({
  /** One more than the takeover number of the owner it replaced (the creator's is 0). */
  epoch: z.number().int().positive(),
  at: z.iso.datetime(),
});
export type Claim = z.infer<typeof claimSchema>;

export const batchSchema = z.object({
  source: z.uuid(),
  count: z.number().int().positive().max(MAX_MENTIONS_PER_BATCH),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_BATCH_BYTES, { params: { wording: 'platform.validation.dataTooLarge', values: { megabytes: MAX_BATCH_BYTES / 1024 / 1024 } } }),
});
export type MentionBatch = z.infer<typeof batchSchema>;

/** One laptop's document: keyed by ids, never by position, so nothing a laptop writes can move another's. */
export interface CellSourcesDocument {
  sources: Record<string, SharedSource>;
  claims: Record<string, Claim>;
  batches: Record<string, MentionBatch>;
}

export const encodeMentions = (mentions: readonly unknown[]): Uint8Array<ArrayBuffer> => new Uint8Array(deflateRawSync(Buffer.from(JSON.stringify(mentions), 'utf8')));

/** Why a batch was refused, for the log: which check failed, and what the data had to say. */
export interface BatchRefusal {
  readonly refused: 'inflate' | 'json' | 'shape' | 'count';
  readonly detail?: string;
}

/** The mentions of a batch, or why it cannot be read: a hostile batch is refused whole, loudly. */
export function decodeMentions(batch: MentionBatch): unknown[] | BatchRefusal {
  let text: string;
  try {
    text = inflateRawSync(batch.data, { maxOutputLength: 256 * 1024 * 1024 }).toString('utf8');
  } catch (error) {
    return { refused: 'inflate', detail: error instanceof Error ? error.message : String(error) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { refused: 'json' };
  }
  if (!Array.isArray(value)) return { refused: 'shape' };
  if (value.length !== batch.count || value.length > MAX_MENTIONS_PER_BATCH) return { refused: 'count', detail: `${value.length}/${batch.count}` };
  return value;
}

/**
 * Who polls a source: the laptop with the highest takeover number, the creator at 0; two laptops taking it over at
 * once with the same number are ordered by device id, so every laptop picks the same one.
 */
export function ownerOf(source: SharedSource, claims: readonly { deviceId: string; claim: Claim }[]): { deviceId: string; epoch: number } {
  let owner = { deviceId: source.device, epoch: 0 };
  for (const { deviceId, claim } of claims) {
    if (claim.epoch > owner.epoch || (claim.epoch === owner.epoch && deviceId > owner.deviceId)) owner = { deviceId, epoch: claim.epoch };
  }
  return owner;
}
