// Builders for contract entries, so each domain file declares calls and events the same way.
import type { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output,
});

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload });

/** Channel names are `domain:verb`, lower camel case on each side. */
export const CHANNEL_NAME = /^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/;
