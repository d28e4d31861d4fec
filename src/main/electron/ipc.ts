// Wires the contract to IPC: one ipcMain.handle per channel, each checking that the call comes from the app's
// own top frame, then going through the dispatcher (the contract's parsing). Takes an IpcMainLike, so it is
// tested without Electron.
import { pathToFileURL } from 'node:url';
import { CHANNELS, EVENT_CHANNEL } from '../../shared/channels';
import type { AppEvents } from '../app/events';
import type { Dispatch } from '../app/dispatch';

export interface SenderFrameLike {
  url: string;
  /** The frame's parent (null for the top frame). */
  parent: unknown;
}

export interface InvokeEventLike {
  senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
}

/**
 * True for the app's own page: the top frame, loaded from the packaged renderer (file://…/renderer/index.html)
 * or, in development, from electron-vite's dev server.
 */
export function isTrustedSender(frame: SenderFrameLike | null, trusted: { rendererFile: string; devServerUrl?: string }): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return url.pathname === pathToFileURL(trusted.rendererFile).pathname;
  if (trusted.devServerUrl) return url.origin === new URL(trusted.devServerUrl).origin;
  return false;
}

export function wireIpc(ipcMain: IpcMainLike, dispatch: Dispatch, isTrusted: (frame: SenderFrameLike | null) => boolean): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrusted(event.senderFrame)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Calls are accepted only from the app window.' } };
      }
      return dispatch(channel, input);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}

/** Forwards every app event to the window (dropped once the window is gone). */
export function forwardEvents(events: AppEvents, target: () => WebContentsLike | null): () => void {
  return events.onAny((name, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, { name, payload });
  });
}
