// Applies the security policy to every web contents and session Electron creates.
import { app, session, shell, type WebContents } from 'electron';
import { externalUrlAllowed, isAppUrl, permissionAllowed, rendererRequestAllowed } from './policy';

export function installGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !rendererRequestAllowed(details.url) }));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The only way a link leaves the app; the renderer asks the user to confirm before calling it. */
export async function openExternalChecked(url: string): Promise<boolean> {
  if (!externalUrlAllowed(url)) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}
