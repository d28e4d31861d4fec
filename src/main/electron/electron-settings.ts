// The SettingsStore in electron-store (window bounds, recent workspaces), in the user data folder.
import Store from 'electron-store';
import { SettingsData, settingsOver, type SettingsStore } from '../settings-store';

export function electronSettings(): SettingsStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings' });
  return settingsOver(
    () => {
      const parsed = SettingsData.safeParse(store.store);
      return parsed.success ? parsed.data : SettingsData.parse({});
    },
    (data) => {
      store.store = data as unknown as Record<string, unknown>;
    },
  );
}
