// The desktop app's side of a new alert: an OS notification in the UI language and a flashing taskbar until the
// window gets focus. It hears the same event bus the windows do and reads the alert through the contract.
import { app, Notification, type BrowserWindow } from 'electron';
import { alertNotice, isAlertRise } from '../../shared/detection/alertNotice';
import { levelOverviewSchema } from '../../shared/domain/detection';
import { languageSchema, type Language } from '../../shared/domain/workspace';
import type { EventBus } from '../platform/events/eventBus';
import type { Dispatch } from '../platform/ipc/dispatcher';
import { translator } from '../platform/i18n/translator';
import type { Logger } from '../platform/logger';

/** The page keeps `<html lang>` on the language its reader chose on this computer. */
async function uiLanguage(win: BrowserWindow): Promise<Language> {
  const lang = languageSchema.safeParse(await win.webContents.executeJavaScript('document.documentElement.lang', false).catch(() => null));
  if (lang.success) return lang.data;
  return app.getLocale().startsWith('fr') ? 'fr' : 'en';
}

export function notifyAlerts(dispatch: Dispatch, events: EventBus, mainWindow: () => BrowserWindow | undefined, logger: Logger): () => void {
  // One focus listener per flashing window, however many alerts come before the reader looks.
  const flashing = new WeakSet<BrowserWindow>();
  return events.on('detection:levelChanged', ({ workspaceId, watchId, level, previous }) => {
    if (!isAlertRise(level, previous)) return;
    void (async () => {
      const win = mainWindow();
      if (!win || win.isDestroyed()) return;
      const result = await dispatch('detection:overview', { workspaceId });
      if (!result.ok) return;
      const alert = levelOverviewSchema.parse(result.value).watches.find((w) => w.watchId === watchId)?.alert;
      if (!alert) return;
      if (!win.isFocused() && !flashing.has(win)) {
        flashing.add(win);
        win.flashFrame(true);
        win.once('focus', () => {
          flashing.delete(win);
          win.flashFrame(false);
        });
      }
      if (!Notification.isSupported()) return;
      const { title, body } = alertNotice(alert, translator(await uiLanguage(win)));
      // The page rings its own bell, which each laptop can mute; the OS sound would ignore that choice.
      const notification = new Notification({ title, body, silent: true });
      notification.on('click', () => {
        if (win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/alerts/${alert.id}`)}`, true);
      });
      notification.show();
    })().catch((error: unknown) => logger.warn(`alert notification failed: ${String(error)}`));
  });
}
