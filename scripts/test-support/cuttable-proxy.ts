import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

interface Link {
  client: Socket;
  /** Null for a connection accepted while hung: it was never forwarded. */
  upstream: Socket | null;
  /** Hung: nothing gets through any more, not even one end closing. */
  silent: boolean;
}

/** Stops forwarding: what the link's ends send from now on is read and dropped. */
function silence(link: Link): void {
  link.silent = true;
  for (const socket of [link.client, link.upstream]) {
    if (!socket) continue;
    socket.unpipe();
    socket.on('data', () => undefined);
    socket.resume();
  }
}

/**
 * A TCP proxy to a real server (given by URL; PostgreSQL's port by default) that a test can cut and
 * restore, as a network partition or a restart of that server would: cutting drops every
 * connection and refuses new ones. Hanging instead keeps every connection open and accepts new
 * ones, but forwards nothing either way, as a server that stopped answering (or a network that
 * drops packets) looks to a client: only the client's own timeouts get it out.
 */
export async function createCuttableProxy(targetUrl: string) {
  const targetAddress = new URL(targetUrl);
  const target = { host: targetAddress.hostname, port: Number(targetAddress.port || 5432) };
  const links = new Set<Link>();
  let hung = false;

  function track(link: Link): void {
    links.add(link);
    for (const s of [link.client, link.upstream]) {
      if (!s) continue;
      s.on('close', () => {
        // While forwarding, one end closing closes the other. A silent link keeps the other end
        // open, as a peer behind a dead network never hears of it: a server session stays, locks and all.
        if (!link.silent) {
          link.client.destroy();
          link.upstream?.destroy();
        }
        if (link.client.destroyed && (link.upstream?.destroyed ?? true)) links.delete(link);
      });
      s.on('error', () => s.destroy());
    }
  }

  const serve = () =>
    createServer((client) => {
      if (hung) {
        const link: Link = { client, upstream: null, silent: true };
        track(link);
        silence(link);
        return;
      }
      const upstream = connect(target.port, target.host);
      track({ client, upstream, silent: false });
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
      for (const link of links) {
        link.client.destroy();
        link.upstream?.destroy();
      }
      await closed;
    },
    /**
     * Every open connection goes silent (bytes in flight and all later ones are dropped, a close
     * is not passed on) and new connections are accepted but never answered. They stay that way
     * after `restore`, as a connection across a network that lost it does until its peer gives up.
     */
    hang(): void {
      hung = true;
      for (const link of links) silence(link);
    },
    /** Forwards new connections again after `hang`, or listens again on the same port after `cut` (a no-op otherwise). */
    async restore(): Promise<void> {
      hung = false;
      if (server.listening) return;
      server = serve().listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    /** Closes the listener and every connection, hung ones included. */
    async close(): Promise<void> {
      if (server.listening) return this.cut();
      for (const link of links) {
        link.client.destroy();
        link.upstream?.destroy();
      }
    },
  };
}
