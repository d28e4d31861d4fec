// The bridge between the sandboxed renderer and the main process: exactly the contract's methods on window.api
// (`api.findings.list(input)` → ipcRenderer.invoke('findings.list', input)), plus `api.on(event, listener)` for
// the contract's events. Nothing else: no general invoke, no ipcRenderer. Imports only the channel list.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, EVENTS } from '../shared/channels';

const api: Record<
  string,
  Record<string, (input?: unknown) => Promise<unknown>> | ((event: string, listener: (payload: unknown) => void) => () => void)
> = {};

for (const channel of CHANNELS) {
  const [area, verb] = channel.split('.') as [string, string];
  const group = (api[area] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>;
  group[verb] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {});
}

api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
  const handler = (_e: IpcRendererEvent, message: { name: string; payload: unknown }): void => {
    if (message.name === event) listener(message.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('api', api);
