import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { CounterKeys } from '@outage-radar/counters';
import { Slug, rooms, type ClientToServerEvents, type RedisKeys, type ServerToClientEvents } from '@outage-radar/shared';
import { limitSocketMessages } from './http/limit-socket-messages';
import type { Logger } from './logger';
import { createMapSnapshot } from './read/map-snapshot';
import type { ServiceViews } from './read/service-views';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * A socket already watching the map gets it again only when its snapshot is this old (ms): the web
 * app asks every 5 minutes so that old cells fade, and anything more often is a loop or an attack.
 */
const resnapshotAfterMs = 60_000;

/**
 * socket.io on the API's HTTP server. Updates come from the worker through Redis (the adapter's
 * pub/sub), so any API replica can serve any browser. Joining a room sends a snapshot first.
 */
export function createRealtime(deps: {
  http: HttpServer;
  redis: Redis;
  keys: RedisKeys;
  counters: CounterKeys;
  views: ServiceViews;
  log: Logger;
  now?: () => number;
}): RealtimeServer {
  const now = deps.now ?? Date.now;
  const io: RealtimeServer = new Server(deps.http, { serveClient: false, cors: { origin: false } });
  // The adapter's own connections wait for Redis to come back (subscriptions are renewed then),
  // whatever the request connection does.
  const pub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  const sub = deps.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  // They fail and come back with the request connection, which logs it; here it would only repeat.
  for (const connection of [pub, sub]) connection.on('error', (err: Error) => deps.log.debug({ err: err.message }, 'socket.io redis connection error'));
  io.adapter(createAdapter(pub, sub, { key: deps.keys.socketIo }));
  io.engine.on('close', () => undefined);
  const mapSnapshot = createMapSnapshot({ views: deps.views, redis: deps.redis, counters: deps.counters, now });
  io.on('connection', (socket) => {
    limitSocketMessages(socket, { now, onFlood: () => deps.log.warn({ socketId: socket.id }, 'socket flooding; disconnected') });
    let snapshotAt = -Infinity;
    socket.on('map:watch', async () => {
      if (now() - snapshotAt < resnapshotAfterMs) return;
      snapshotAt = now();
      await socket.join(rooms.map);
      try {
        socket.emit('map:snapshot', await mapSnapshot());
      } catch (err) {
        snapshotAt = -Infinity;
        deps.log.warn({ err }, 'map snapshot failed');
      }
    });
    socket.on('service:watch', async (slug) => {
      if (Slug.safeParse(slug).success) await socket.join(rooms.service(slug));
    });
    socket.on('service:unwatch', async (slug) => {
      if (Slug.safeParse(slug).success) await socket.leave(rooms.service(slug));
    });
  });
  const close = io.close.bind(io);
  // Closing the server also ends the adapter's own Redis connections.
  io.close = (fn) =>
    close((err) => {
      pub.disconnect();
      sub.disconnect();
      fn?.(err);
    });
  return io;
}
