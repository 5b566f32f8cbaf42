// Where Tocsin keeps its data when no Electron `app.getPath('userData')` is at hand (browser mode).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Tocsin';

/** Injected at build time from package.json; 'dev' when the sources run unbundled (tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** TOCSIN_DATA_DIR overrides the location (tests, portable installs); otherwise the OS user-data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TOCSIN_DATA_DIR) return env.TOCSIN_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
