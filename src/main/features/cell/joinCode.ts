// The join code: what a newcomer needs, as one line of text to paste (a QR code can carry the same text).
import { z } from 'zod';
import { peerAddressSchema } from '../../../shared/contract/cell';
import { failure } from '../../platform/i18n/failure';

const PREFIX = 'TOCSIN-CELL-1.';

const joinCodeSchema = z.object({
  cellId: z.uuid(),
  invitationId: z.string().regex(/^[0-9a-f]{32}$/),
  /** The one-time invitation secret, 32 random bytes, base64url. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** SHA-256 of the inviting laptop's certificate: the newcomer talks to that laptop and no other. */
  pin: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where the inviting laptop admits newcomers. */
  join: peerAddressSchema,
  /** Where the cell's laptops sync. */
  peers: z.array(peerAddressSchema).min(1).max(16),
});
export type JoinCode = z.infer<typeof joinCodeSchema>;

export const formatJoinCode = (code: JoinCode): string => PREFIX + Buffer.from(JSON.stringify(code), 'utf8').toString('base64url');

export function parseJoinCode(text: string): JoinCode {
  const body = text.trim();
  if (!body.startsWith(PREFIX)) throw failure('INVALID_INPUT', 'platform.cell.notAJoinCode');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = joinCodeSchema.safeParse(value);
  if (!parsed.success) throw failure('INVALID_INPUT', 'platform.cell.joinCodeDamaged');
  return parsed.data;
}
