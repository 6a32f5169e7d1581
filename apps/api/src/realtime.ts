import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { Slug, rooms, type ClientToServerEvents, type RedisKeys, type ServerToClientEvents } from '@outage-radar/shared';
import type { Logger } from './logger';
import type { ServiceViews } from './read/service-views';
import { cellActivity } from './read/live-counts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * socket.io on the API's HTTP server. Updates come from the worker through Redis (the adapter's
 * pub/sub), so any API replica can serve any browser. Joining a room sends a snapshot first.
 */
export function createRealtime(deps: {
  http: HttpServer; redis: Redis; keys: RedisKeys; views: ServiceViews; log: Logger; now?: () => number;
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
  io.on('connection', (socket) => {
    socket.on('map:watch', async () => {
      await socket.join(rooms.map);
      try {
        const [{ outages, incidents }, cells] = await Promise.all([deps.views.openOutages(), cellActivity(deps.redis, deps.keys, now())]);
        socket.emit('map:snapshot', { outages, incidents, cells });
      } catch (err) {
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
  io.close = (fn) => close((err) => { pub.disconnect(); sub.disconnect(); fn?.(err); });
  return io;
}
