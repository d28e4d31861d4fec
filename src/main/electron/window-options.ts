// The main window's options: pure, so they can be tested without Electron.
import { join } from 'node:path';

export interface WindowOptionsInput {
  preloadDir: string;
  bounds?: { width: number; height: number; x?: number; y?: number };
}

export function mainWindowOptions({ preloadDir, bounds }: WindowOptionsInput) {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 800,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Cocoon ⇄ Xero Reconciler',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}
