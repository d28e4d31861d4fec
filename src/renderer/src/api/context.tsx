// The ApiClient for components: one instance, from the host the page runs in.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { ApiClient, Listener } from '../../../shared/api-client';
import type { EventName } from '../../../shared/channels';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

/** Subscribes to a pushed event for the component's lifetime (the latest listener is always called). */
export function useApiEvent<E extends EventName>(event: E, listener: Listener<E>): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (p) => latest.current(p)), [api, event]);
}
