// Contract handlers for `system:*`; the shell supplies what differs between Electron and browser mode.
import type { HandlersFor } from '../../platform/ipc/handlerTypes';
import { failure } from '../../platform/i18n/failure';

export interface ShellFacts {
  readonly shell: 'electron' | 'browser' | 'relay';
  readonly version: string;
  /** Present only where the OS can be asked to open a link (Electron). */
  readonly openExternal?: (url: string) => Promise<boolean>;
}

export const systemHandlers = (facts: ShellFacts): HandlersFor<'system'> => ({
  'system:info': () => ({ shell: facts.shell, version: facts.version, platform: process.platform }),
  'system:openExternal': async ({ url }) => {
    if (!facts.openExternal) throw failure('UNAVAILABLE', 'platform.calls.cannotOpenLinks');
    return { opened: await facts.openExternal(url) };
  },
});
