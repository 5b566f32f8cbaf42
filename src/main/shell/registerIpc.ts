// Binds the contract to ipcMain: sender check, then the shared dispatcher; forwards push events to windows.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callNames } from '../../shared/contract/index';
import type { EventBus } from '../platform/events/eventBus';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { isAppUrl } from './policy';
import { failed } from '../platform/i18n/failure';

export function registerIpc(dispatch: Dispatch, events: EventBus): void {
  for (const channel of callNames) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      // Only the app page's own top frame may call: a navigated, injected or embedded frame gets nothing.
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return failed('FORBIDDEN', 'platform.calls.windowOnly');
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
