// The ApiClient over Electron's preload bridge (window.api): the same methods, envelopes unwrapped.
import { buildClient, type ApiClient, type Bridge, type Envelope } from '../../../shared/api-client';

export function createIpcClient(bridge: Bridge): ApiClient {
  const methods = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  return buildClient({
    call(channel, input) {
      const [area, verb] = channel.split('.') as [string, string];
      return methods[area]![verb]!(input);
    },
    on: (event, listener) => bridge.on(event, listener as never),
  });
}
