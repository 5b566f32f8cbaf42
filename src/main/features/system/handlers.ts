// Contract handlers for `system:*`; the shell supplies what differs between Electron and browser mode.
import { AppFailure } from '../../../shared/contract/envelope';
import type { HandlersFor } from '../../platform/ipc/handlerTypes';

export interface ShellFacts {
  readonly shell: 'electron' | 'browser';
  readonly version: string;
  /** Present only where the OS can be asked to open a link (Electron). */
  readonly openExternal?: (url: string) => Promise<boolean>;
}

export const systemHandlers = (facts: ShellFacts): HandlersFor<'system'> => ({
  'system:info': () => ({ shell: facts.shell, version: facts.version, platform: process.platform }),
  'system:openExternal': async ({ url }) => {
    if (!facts.openExternal) throw new AppFailure('UNAVAILABLE', 'This shell cannot open links itself.');
    return { opened: await facts.openExternal(url) };
  },
});
