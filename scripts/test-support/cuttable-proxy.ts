import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy to a real server (given by URL; PostgreSQL's port by default) that a test can cut and
 * restore, as a network partition or a restart of that server would: cutting drops every
 * connection and refuses new ones.
 */
export async function createCuttableProxy(targetUrl: string) {
  const targetAddress = new URL(targetUrl);
  const target = { host: targetAddress.hostname, port: Number(targetAddress.port || 5432) };
  const sockets = new Set<Socket>();
  const serve = () =>
    createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
  let server: Server = serve().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const proxiedUrl = new URL(targetUrl);
  proxiedUrl.port = String(port);
  return {
    port,
    /** `targetUrl` with the proxy's port: connect through this to be cut off. */
    url: proxiedUrl.toString(),
    async cut(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    /** Listens again on the same port (a no-op while it is not cut). */
    async restore(): Promise<void> {
      if (server.listening) return;
      server = serve().listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    close(): Promise<void> {
      return server.listening ? this.cut() : Promise.resolve();
    },
  };
}
