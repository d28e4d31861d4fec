// The native menu as a plain template (Electron's MenuItemConstructorOptions shape), so it is tested without
// Electron. Commands for the page go through `send` (the contract's menu.command event).
import type { MENU_COMMANDS } from '../../shared/contract';

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuItem {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuActions {
  platform: NodeJS.Platform;
  send(command: MenuCommand): void;
  openExternal(url: string): void;
  /** Developer tools and reload (unpackaged builds only). */
  developer: boolean;
}

export const HELP_URL = 'https://developer.xero.com/documentation/api/accounting/contacts';

export function menuTemplate(a: MenuActions): MenuItem[] {
  const mac = a.platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItem => ({
    label,
    accelerator,
    click: () => a.send(command),
  });
  const file: MenuItem = {
    label: 'File',
    submenu: [
      item('Open the Demo Workspace', 'open-demo', 'CmdOrCtrl+Shift+D'),
      item('Import CocoonOPS Export…', 'import', 'CmdOrCtrl+I'),
      item('Sync Now', 'sync', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      item('Close Workspace', 'close-workspace', 'CmdOrCtrl+Shift+W'),
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' }]),
    ],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [
      item('Search', 'search', 'CmdOrCtrl+F'),
      item('Next Account', 'next', 'CmdOrCtrl+Down'),
      item('Previous Account', 'previous', 'CmdOrCtrl+Up'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(a.developer ? [{ type: 'separator' as const }, { role: 'reload' }, { role: 'toggleDevTools' }] : []),
    ],
  };
  const help: MenuItem = {
    label: 'Help',
    role: 'help',
    submenu: [item('Keyboard Shortcuts', 'help', 'F1'), { label: 'Xero Contacts API', click: () => a.openExternal(HELP_URL) }],
  };
  return [...(mac ? [{ role: 'appMenu' }] : []), file, { role: 'editMenu' }, view, ...(mac ? [{ role: 'windowMenu' }] : []), help];
}
