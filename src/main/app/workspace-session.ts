// The open workspace of one app instance: open, switch, close, remember recent ones, and caches that live as
// long as the data they were built from (the contact search index).
import { openWorkspace, type Workspace } from '../db';
import type { WorkspaceInfo } from '../../shared/review';
import { noWorkspace } from '../../shared/app-error';
import type { AppEvents } from './events';
import { createContactSearch, type ContactSearch } from '../review/contact-search';
import type { SettingsStore } from './settings-store';
import { workspaceName } from './recent-workspaces';

export interface Session {
  info(): WorkspaceInfo | null;
  /** The open workspace, or AppError('no_workspace'). */
  require(): { ws: Workspace; info: WorkspaceInfo };
  open(path: string, options?: { create?: boolean; isDemo?: boolean }): WorkspaceInfo;
  close(): void;
  /** Call after imports and syncs: drops caches built from the old data. */
  dataChanged(reason: 'imported' | 'synced' | 'matched'): void;
  contactSearch(): ContactSearch;
  /** A value built from the workspace data, kept until the data changes (import, sync) or another workspace opens. */
  cached<T>(key: string, build: () => T): T;
}

export function createSession(events: AppEvents, settings: SettingsStore): Session {
  let current: { ws: Workspace; info: WorkspaceInfo } | null = null;
  let search: ContactSearch | null = null;
  const cache = new Map<string, unknown>();

  const close = (emit: boolean): void => {
    if (!current) return;
    current.ws.close();
    current = null;
    search = null;
    cache.clear();
    if (emit) events.emit('workspace.changed', { reason: 'closed', workspace: null });
  };

  return {
    info: () => current?.info ?? null,
    require() {
      if (!current) throw noWorkspace();
      return current;
    },
    open(path, options = {}) {
      // Opened before the old one closes: a refused file leaves the current workspace open.
      const ws = openWorkspace(path, { create: options.create ?? false });
      close(false);
      cache.clear();
      const info: WorkspaceInfo = { path, name: workspaceName(path), isDemo: options.isDemo ?? false };
      current = { ws, info };
      if (!info.isDemo) settings.rememberWorkspace(path);
      events.emit('workspace.changed', { reason: 'opened', workspace: info });
      return info;
    },
    close: () => close(true),
    dataChanged(reason) {
      search = null;
      cache.clear();
      events.emit('workspace.changed', { reason, workspace: current?.info ?? null });
    },
    cached<T>(key: string, build: () => T): T {
      this.require();
      if (!cache.has(key)) cache.set(key, build());
      return cache.get(key) as T;
    },
    contactSearch() {
      const { ws } = this.require();
      search ??= createContactSearch(ws.contacts.list());
      return search;
    },
  };
}
