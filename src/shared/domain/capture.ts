// Manual capture: what someone saw or heard outside the connectors (a press call, a TV segment, a post on a phone).
import { z } from 'zod';
import { authorKindSchema } from './mention';

export const captureChannelSchema = z.enum(['pressCall', 'tv', 'radio', 'print', 'phonePost', 'other']);
export type CaptureChannel = z.infer<typeof captureChannelSchema>;

export const captureInputSchema = z.object({
  channel: captureChannelSchema,
  /** Outlet, programme or network ("France 2, JT de 20 h", "Instagram"). */
  outlet: z.string().trim().min(1).max(200),
  authorName: z.string().trim().max(200).optional(),
  authorKind: authorKindSchema.default('unknown'),
  audience: z.number().int().nonnegative().max(10_000_000_000).optional(),
  text: z.string().trim().min(1).max(20_000),
  url: z.url({ protocol: /^https?$/ }).max(4096).optional(),
  language: z.enum(['fr', 'en']).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
});
export type CaptureInput = z.input<typeof captureInputSchema>;
