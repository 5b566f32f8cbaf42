// What both shells run: the core once the data can be opened, and until then a locked front that answers
// only the status and unlock calls, so the person can type the passphrase in the app itself.
import { AppFailure, calls, fail, ok, type Result } from '../../shared/contract/index';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { createCore, type Core, type CoreOptions } from './createCore';
import { EventBus } from '../platform/events/eventBus';
import { failed } from '../platform/i18n/failure';

export interface Host {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Present once unlocked. */
  core(): Core | undefined;
  close(): void;
}

export function createHost(options: Omit<CoreOptions, 'events'>): Host {
  const events = new EventBus();
  let core: Core | undefined;
  const open = (): void => {
    core = createCore({ ...options, events });
  };
  if (!options.keyRing.locked) open();

  const status = () => ({ protection: options.keyRing.protection, locked: options.keyRing.locked });
  const whileLocked = async (channel: string, raw: unknown): Promise<Result<unknown>> => {
    switch (channel) {
      case 'security:status':
        return ok(status());
      case 'system:info':
        return ok({ shell: options.shell.shell, version: options.shell.version, platform: process.platform });
      case 'security:unlock': {
        const input = calls['security:unlock'].input.safeParse(raw);
        if (!input.success) return failed('INVALID_INPUT', 'platform.calls.passphraseRequired');
        try {
          await options.keyRing.unlock(input.data.passphrase);
        } catch (error) {
          return fail('FORBIDDEN', error instanceof Error ? error.message : String(error), undefined, error instanceof AppFailure ? error.wording : undefined);
        }
        open();
        events.emit('security:changed', {});
        return ok(status());
      }
      default:
        return failed('LOCKED', 'platform.calls.locked');
    }
  };

  return {
    dispatch: (channel, raw) => (core ? core.dispatch(channel, raw) : whileLocked(channel, raw)),
    events,
    core: () => core,
    close: () => core?.close(),
  };
}
