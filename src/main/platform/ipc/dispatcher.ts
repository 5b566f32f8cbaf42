// Turns (channel, untrusted input) into a Result: the single path both transports call.
import { ZodError } from 'zod';
import { AppFailure, fail, isCallName, ok, type Result } from '../../../shared/contract/index';
import { calls } from '../../../shared/contract/index';
import type { Logger } from '../logger';
import type { Handlers } from './handlerTypes';
import { failure, failed } from '../i18n/failure';
import { wordedIssues } from '../i18n/zodIssues';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Re-validate outputs against the contract; on in development and tests to catch drift early. */
  readonly checkOutput?: boolean;
  readonly logger: Logger;
}

export function createDispatcher(handlers: Handlers, { checkOutput = false, logger }: DispatcherOptions): Dispatch {
  return async (channel, rawInput) => {
    if (!isCallName(channel)) return failed('UNKNOWN_CHANNEL', 'platform.calls.unknown', { channel: channel.slice(0, 80) });
    const spec = calls[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const { message, wording } = failure('INVALID_INPUT', 'platform.calls.invalidInput', { channel });
      return fail('INVALID_INPUT', message, wordedIssues(parsed.error), wording);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (checkOutput) {
        const out = spec.output.safeParse(value);
        if (!out.success) {
          logger.error('handler output breaks the contract', { channel, issues: issuesOf(out.error) });
          return failed('INTERNAL', 'platform.calls.badReply', { channel });
        }
      }
      return ok(value);
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message, error.issues, error.wording);
      logger.error('handler failed', { channel, error: error instanceof Error ? error.stack : String(error) });
      return fail('INTERNAL', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

const issuesOf = (error: ZodError) => error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
