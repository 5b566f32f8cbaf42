// Electron entry point: lifecycle only. Everything else lives in the Electron-free core.
import { app, BrowserWindow, dialog } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from './platform/clock';
import { createHost, type Host } from './app/host';
import { consoleLogger } from './platform/logger';
import { DataFolderInUse, lockDataFolder, type DataFolderLock } from './platform/db/dataFolderLock';
import { notifyAlerts } from './shell/alertNotifier';
import { registerAppScheme, serveAppProtocol } from './shell/appProtocol';
import { KeyRing } from './platform/security/keyRing';
import { dropSecrets } from './platform/security/secretEnvironment';
import { installGuards, openExternalChecked } from './shell/guards';
import { osSecretStore } from './shell/osSecretStore';
import { APP_ENTRY_URL, mainWindowOptions } from './shell/policy';
import { registerIpc } from './shell/registerIpc';

// Electron reads no secret from the environment; the links it hands to the OS must not carry one along.
dropSecrets();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let host: Host | undefined;
  let lock: DataFolderLock | undefined;
  let mainWindow: BrowserWindow | undefined;

  registerAppScheme();

  const createWindow = (): void => {
    mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    void mainWindow.loadURL(APP_ENTRY_URL);
  };

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    installGuards();
    serveAppProtocol(join(__dirname, '../renderer'));
    const dataDir = process.env.TOCSIN_DATA_DIR ?? app.getPath('userData');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      // Before the key ring touches the folder: browser mode may already be running on it.
      lock = lockDataFolder(dataDir, { shell: 'electron', version: app.getVersion() });
    } catch (error) {
      if (!(error instanceof DataFolderInUse)) throw error;
      const { title, text } = error.wording(app.getLocale().startsWith('fr') ? 'fr' : 'en');
      dialog.showErrorBox(title, text);
      app.exit(1);
      return;
    }
    host = createHost({
      dataDir,
      keyRing: new KeyRing(dataDir, { os: osSecretStore() }),
      clock: systemClock,
      logger: consoleLogger,
      shell: { shell: 'electron', version: app.getVersion(), openExternal: openExternalChecked },
      checkOutput: !app.isPackaged,
      demo: process.env.TOCSIN_DEMO === '1',
    // A fresh data folder asks how the live plan starts; the test suites preset the sample.
    firstPlan: process.env.TOCSIN_FIRST_PLAN === 'sample' ? 'sample' : 'ask',
    });
    registerIpc(host.dispatch, host.events);
    notifyAlerts(host.dispatch, host.events, () => mainWindow, consoleLogger);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    host?.close();
    lock?.release();
  });
}
