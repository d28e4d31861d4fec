import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuItem } from './menu';

const flat = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('menuTemplate', () => {
  it('has File, Edit, View and Help with accelerators that send contract commands', () => {
    const send = vi.fn();
    const items = menuTemplate({ platform: 'linux', send, openExternal: vi.fn(), developer: false });
    expect(items.map((i) => i.label ?? i.role)).toEqual(['File', 'editMenu', 'View', 'Help']);
    const byLabel = new Map(
      flat(items)
        .filter((i) => i.label)
        .map((i) => [i.label!, i]),
    );
    expect(byLabel.get('Import CocoonOPS Export…')?.accelerator).toBe('CmdOrCtrl+I');
    expect(byLabel.get('Search')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byLabel.get('Keyboard Shortcuts')?.accelerator).toBe('F1');
    byLabel.get('Sync Now')!.click!();
    byLabel.get('Open the Demo Workspace')!.click!();
    expect(send.mock.calls).toEqual([['sync'], ['open-demo']]);
    expect(flat(items).some((i) => i.role === 'toggleDevTools')).toBe(false);
    const accelerators = flat(items)
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('adds the app and window menus on macOS, and developer tools when unpackaged', () => {
    const items = menuTemplate({ platform: 'darwin', send: vi.fn(), openExternal: vi.fn(), developer: true });
    expect(items[0]?.role).toBe('appMenu');
    expect(items.some((i) => i.role === 'windowMenu')).toBe(true);
    expect(flat(items).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(flat(items).some((i) => i.role === 'quit')).toBe(false);
  });

  it('opens help links through openExternal', () => {
    const openExternal = vi.fn();
    const help = menuTemplate({ platform: 'linux', send: vi.fn(), openExternal, developer: false }).find((i) => i.label === 'Help')!;
    help.submenu!.find((i) => i.label === 'Xero Contacts API')!.click!();
    expect(openExternal).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/developer\.xero\.com\//));
  });
});
