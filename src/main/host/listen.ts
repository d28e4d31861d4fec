// Serving the host app on 127.0.0.1 (never another interface).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createHostApp, type HostOptions } from './server';

export interface ListeningHost {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function listenHost(options: Omit<HostOptions, 'port'> & { port?: number }): Promise<ListeningHost> {
  let port = 0;
  const app = createHostApp({ ...options, port: () => port });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
