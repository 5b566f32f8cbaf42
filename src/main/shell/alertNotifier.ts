// The desktop app's side of a new alert: an OS notification in the UI language while the window is in the
// background (in front, the page shows its own notice) and a flashing taskbar until every
// alert that rose is acknowledged or dismissed. The OS stops a flash when the window comes to the front, so it
// starts again each time the window goes to the back with an alert still waiting. It hears the same event bus the
// windows do and reads the alerts through the contract.
import { app, Notification, type BrowserWindow } from 'electron';
import { AlertAttention } from '../../shared/detection/alertAttention';
import { alertNotice, isAlertRise } from '../../shared/detection/alertNotice';
import { alertSchema, levelOverviewSchema } from '../../shared/domain/detection';
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
  const shown = (): BrowserWindow | undefined => {
    const win = mainWindow();
    return win && !win.isDestroyed() ? win : undefined;
  };
  const attention = new AlertAttention(
    async (workspaceId, alertId) => {
      const result = await dispatch('detection:getAlert', { workspaceId, alertId });
      if (!result.ok) throw new Error(result.error.message);
      return alertSchema.parse(result.value).status;
    },
    (wanted) => {
      const win = shown();
      if (win && (!wanted || !win.isFocused())) win.flashFrame(wanted);
    },
  );
  // One blur listener per window, however many alerts come before anyone acknowledges them.
  const watched = new WeakSet<BrowserWindow>();
  const watch = (win: BrowserWindow): void => {
    if (watched.has(win)) return;
    watched.add(win);
    win.on('blur', () => {
      if (attention.wanted && !win.isDestroyed()) win.flashFrame(true);
    });
  };
  const offChanged = events.on('detection:alertChanged', ({ workspaceId, alertId }) => void attention.changed(workspaceId, alertId));
  const offRaised = events.on('detection:levelChanged', ({ workspaceId, watchId, level, previous }) => {
    if (!isAlertRise(level, previous)) return;
    void (async () => {
      const win = shown();
      if (!win) return;
      const result = await dispatch('detection:overview', { workspaceId });
      if (!result.ok) return;
      const alert = levelOverviewSchema.parse(result.value).watches.find((w) => w.watchId === watchId)?.alert;
      if (!alert) return;
      watch(win);
      attention.raised(workspaceId, alert);
      // A reader looking at the window gets the page's own notice instead.
      if (win.isFocused() || !Notification.isSupported()) return;
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
  return () => {
    offRaised();
    offChanged();
  };
}
