// Electron gives the page window.api; the web host gives it a token in the address.
import type { ApiClient, Bridge } from '../../../shared/api-client';
import { createHttpClient, takeToken } from './http-client';
import { createIpcClient } from './ipc-client';

declare global {
  interface Window {
    api?: Bridge;
  }
}

export type ClientChoice = { client: ApiClient } | { error: string };

export function chooseClient(): ClientChoice {
  if (window.api) return { client: createIpcClient(window.api) };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token)
    return { error: 'This page needs the address the app printed when it started (it ends with ?token=…). Copy it from the terminal.' };
  return { client: createHttpClient(token) };
}
