// Electron bootstrap only: one secure window. The review UI and the IPC contract arrive with the review app.
import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { mainWindowOptions } from './window-options';

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions({ preloadDir: join(import.meta.dirname, '../preload') }));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
