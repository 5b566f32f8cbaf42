// Electron security policy as plain functions, so each rule is unit-tested without an Electron binary.
import type { BrowserWindowConstructorOptions } from 'electron';
import { resolveStaticFile } from '../server/staticFiles';

export { externalUrlAllowed } from '../../shared/domain/externalUrl';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tocsin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#1a1b1e',
    title: 'Tocsin',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** True only for pages of the app itself (the custom protocol). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Every request the renderer's session makes must stay inside the app: mention text or a compromised
 * page cannot beacon out (images, fonts, fetch). The backend's own traffic goes through the outbound gate.
 */
export const rendererRequestAllowed = (url: string): boolean => isAppUrl(url) || /^(data|blob|devtools):/.test(url);

/** The renderer needs no device, notification-prompt or other permission from Chromium. */
export const permissionAllowed = (_permission: string): boolean => false;

export type AppRequestOutcome = { status: 200; file: string } | { status: 403 | 404 | 405; file?: undefined };

/** The `app://` protocol serves the built renderer: GET only, inside the renderer folder only. */
export function resolveAppRequest(method: string, rawUrl: string, rendererDir: string): AppRequestOutcome {
  if (method !== 'GET') return { status: 405 };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 403 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403 };
  const file = resolveStaticFile(rendererDir, url.pathname.replace(/^\//, ''));
  return file ? { status: 200, file } : { status: 404 };
}
