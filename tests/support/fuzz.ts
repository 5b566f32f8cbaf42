// Shared pieces of the fuzz suites: run counts and the rule that hostile input may only fail cleanly.
import { AppFailure } from '../../src/shared/contract/envelope';

/** At least 10,000 generated inputs per parser in CI; more with TOCSIN_FUZZ_RUNS. */
export const FUZZ_RUNS = Number(process.env.TOCSIN_FUZZ_RUNS ?? 10_000);

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * A parser may reject input only with one of its declared, user-facing error types carrying a message
 * (AppFailure everywhere, plus the parser's own, e.g. FeedParseError); any other exception is a crash.
 */
export function cleanFailure(error: unknown, ...declared: ErrorClass[]): boolean {
  return [AppFailure, ...declared].some((c) => error instanceof c) && (error as Error).message.trim().length > 0;
}

/** Counts generated inputs and outcomes, so each suite can print what it actually exercised. */
export class FuzzTally {
  accepted = 0;
  rejected = 0;
  report(name: string): string {
    return `${name}: ${this.accepted + this.rejected} inputs, ${this.accepted} parsed, ${this.rejected} rejected with a clear error, 0 crashes`;
  }
}
