// The checklist's "Save as PDF" in Electron: the window as its print stylesheet lays it out (webContents.printToPDF,
// A4, backgrounds off, the page's own @page margins). Kept here, at the edge: the core only sees a function.
import type { BrowserWindow } from 'electron';

export function windowPdfPrinter(window: () => BrowserWindow | null): () => Promise<Uint8Array> {
  return async () => {
    const win = window();
    if (!win || win.isDestroyed()) throw new Error('The app window is closed.');
    return win.webContents.printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true });
  };
}
