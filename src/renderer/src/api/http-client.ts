// The ApiClient over the loopback web host: POST /api/<channel> with the per-run token, events over SSE.
import { buildClient, type ApiClient, type Envelope } from '../../../shared/api-client';
import { EVENTS, type EventName } from '../../../shared/channels';

const TOKEN_KEY = 'reconciler.token';

/** The token from ?token= (then kept for reloads in sessionStorage and taken out of the address bar). */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

export function createHttpClient(token: string, base = ''): ApiClient {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = (): void => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENTS) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };
  return buildClient({
    async call(channel, input): Promise<Envelope<unknown>> {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'The app is not running any more (the web host stopped). Start it again and open the new address.',
          },
        };
      }
      try {
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The web host answered ${res.status} without a result.` } };
      }
    },
    on(event, listener) {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  });
}
