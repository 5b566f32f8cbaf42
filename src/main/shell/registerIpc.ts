// Binds the contract to ipcMain: sender check, then the shared dispatcher; forwards push events to windows.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callNames, fail } from '../../shared/contract/index';
import type { EventBus } from '../platform/events/eventBus';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { isAppUrl } from './policy';

export function registerIpc(dispatch: Dispatch, events: EventBus): void {
  for (const channel of callNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      // A frame that is not our own page (e.g. a navigated or injected frame) gets nothing.
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
        return fail('FORBIDDEN', 'Calls are accepted only from the Tocsin window.');
      }
      return dispatch(channel, input);
    });
  }
  events.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(name, payload);
    }
  });
}
