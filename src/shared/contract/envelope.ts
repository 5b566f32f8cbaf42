// The Result envelope every call returns, whatever the transport: errors cross process boundaries as data.
import { z } from 'zod';
import { wordingSchema, type Wording } from '../domain/wording';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'LOCKED',
  'UNAUTHORIZED',
  'UNKNOWN_CHANNEL',
  'UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export { wordingSchema, type Wording };

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  wording: wordingSchema.optional(),
  /** Where in the input the problem is, e.g. `settings.name` (for validation errors). */
  issues: z.array(z.object({ path: z.string(), message: z.string(), wording: wordingSchema.optional() })).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: AppError['issues'], wording?: Wording): Result<never> => ({
  ok: false,
  error: { code, message, ...(wording ? { wording } : {}), ...(issues ? { issues } : {}) },
});

/** Thrown by core code to produce a specific error code; anything else becomes INTERNAL. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AppError['issues'],
    readonly wording?: Wording,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
