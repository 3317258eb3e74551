/**
 * Starts the app on a TCP port (Node's http server through @hono/node-server) and stops it
 * cleanly: in-flight writes finish and the clusterer snapshot is saved before the store closes.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Store } from '../store/index.js';
import { createApp, type AppOptions } from './app.js';
import type { StorylineService } from './service.js';

export interface ServeOptions extends Partial<AppOptions> {
  store: Store;
  /** Interface to bind; loopback unless the user asks otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  /** Base address, ending in `/` (e.g. `http://127.0.0.1:8080/`); on a wildcard host, the loopback one. */
  url: string;
  /** True when bound to a wildcard address (0.0.0.0, ::): reachable on every interface, not only at `url`. */
  allInterfaces: boolean;
  port: number;
  service: StorylineService;
  /** Stops accepting connections, finishes writes, saves the clusterer snapshot (the store stays open). */
  close(): Promise<void>;
}

/** Listens and resolves once the port is bound; rejects on EADDRINUSE and the like. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { store, host = '127.0.0.1', port = 8080, ...appOptions } = options;
  const { app, service } = createApp(store, appOptions);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const bound = address.port;
  // A wildcard address is not one a browser can open: show the loopback of the same family.
  const allInterfaces = address.address === '0.0.0.0' || address.address === '::';
  const local = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : host;
  const shown = local.includes(':') ? `[${local}]` : local;
  return {
    url: `http://${shown}:${bound}/`,
    allInterfaces,
    port: bound,
    service,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await service.close();
    },
  };
}
