// The SettingsStore in electron-store (window bounds, recent workspaces), in the user data folder, readable by
// the user only (0600: it lists where the workspaces are).
import { chmodSync } from 'node:fs';
import Store from 'electron-store';
import { SettingsData, settingsOver, type SettingsStore } from '../app/settings-store';

export function electronSettings(): SettingsStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings', configFileMode: 0o600 });
  return settingsOver(
    () => {
      const parsed = SettingsData.safeParse(store.store);
      return parsed.success ? parsed.data : SettingsData.parse({});
    },
    (data) => {
      store.store = data as unknown as Record<string, unknown>;
      chmodSync(store.path, 0o600); // configFileMode is narrowed by the umask; this sets it whatever the umask
    },
  );
}
