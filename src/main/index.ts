// Electron bootstrap only: the core from createApp(), one secure window, the native menu, and the contract wired
// to IPC. Everything testable lives beside it (electron/window-options, electron/ipc, electron/menu, electron/external-links).
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { createApp } from './app/app';
import { createXeroLink } from './xero/link';
import { resolveConfigDir } from './xero/storage/config-dir';
import { setNativeBinding } from './db/native-binding';
import { electronSettings } from './electron/electron-settings';
import { isAllowedExternalUrl } from './electron/external-links';
import { forwardEvents, isTrustedSender, wireIpc } from './electron/ipc';
import { menuTemplate } from './electron/menu';
import { saveDialogOptions, withExtension } from './electron/save-dialog-options';
import { createElectronSecretStore } from './electron/safe-storage-secrets';
import { windowPdfPrinter } from './electron/print-pdf';
import { findElectronSqlite } from './electron/native-sqlite';
import { CONTENT_SECURITY_POLICY } from './host/security';
import { useBundledWorkers } from './threads/start-worker';
import { mainWindowOptions } from './electron/window-options';

const appRoot = app.getAppPath();
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

setNativeBinding(findElectronSqlite(appRoot));
useBundledWorkers(new URL('.', import.meta.url), '.js');
const settings = electronSettings();
const configDir = resolveConfigDir();
const openExternal = (url: string): void => {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
};
// Tokens: sealed with safeStorage (the OS keychain), never in the workspace.
const xero = createXeroLink({
  secrets: createElectronSecretStore(configDir, (message) => console.warn(message)),
  configDir,
  openBrowser: (url) => {
    openExternal(url);
    core.events.emit('xero.signIn', { url });
  },
});
const core = createApp({
  host: 'electron',
  version: app.getVersion(),
  dataDir: app.getPath('userData'),
  demoDir: join(appRoot, 'demo'),
  settings,
  validateOutput: !app.isPackaged,
  xero,
  printToPdf: windowPdfPrinter(() => win),
  chooseSavePath: async ({ fileName, format }) => {
    const options = saveDialogOptions(fileName, format, app.getPath('documents'));
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : withExtension(r.filePath, format);
  },
});
let win: BrowserWindow | null = null;

function createWindow(): void {
  win = new BrowserWindow(mainWindowOptions({ preloadDir: join(import.meta.dirname, '../preload'), bounds: settings.windowBounds() }));
  const saveBounds = (): void => {
    if (win && !win.isMinimized() && !win.isFullScreen()) settings.saveWindowBounds(win.getNormalBounds());
  };
  win.on('resized', saveBounds);
  win.on('moved', saveBounds);
  win.on('close', saveBounds);
  win.on('closed', () => (win = null));
  win.once('ready-to-show', () => win?.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
}

// Every web contents: no new windows (allow-listed https links go to the browser), no navigation, no webviews.
app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  wireIpc(ipcMain, core.dispatch, (frame) => isTrustedSender(frame, { rendererFile, devServerUrl }));
  forwardEvents(core.events, () => win?.webContents ?? null);
  const template = menuTemplate({
    platform: process.platform,
    send: (command) => core.events.emit('menu.command', { command }),
    openExternal,
    developer: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  if (process.argv.includes('--demo')) await core.handlers['workspace.openDemo']({ reset: false }).catch((e: unknown) => console.error(e));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => void core.close());
