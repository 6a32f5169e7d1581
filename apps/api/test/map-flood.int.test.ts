import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@outage-radar/shared';
import { createLogger } from '../src/logger';
import { createCatalogueCache } from '../src/read/catalogue-cache';
import { createServiceViews, type ServiceViews } from '../src/read/service-views';
import { createRealtime, type RealtimeServer } from '../src/realtime';
import { startTestApi, testService, type TestApi } from './harness';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const service = testService();
const floodFrames = 10_000;

/** Resolves when `register` calls back, or rejects after `ms`: the bound on every wait below. */
function within<T>(ms: number, what: string, register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/**
 * socket.io on its own HTTP server, over the test API's database pool and Redis, with the read
 * model wrapped to count snapshot computations and a clock the test moves. GETs go to the test API,
 * which shares that pool: a flood that exhausted it would make them wait.
 */
describe('map:watch from one socket', () => {
  let api: TestApi;
  let http: HttpServer;
  let io: RealtimeServer;
  let url: string;
  let clock = Date.now();
  let computed = 0;
  /** Every map:watch that got past the server's own handling, by server socket id. */
  const handled = new Map<string, number>();
  const waiters: { id: string; count: number; resolve: () => void }[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startTestApi([service]);
    const views = createServiceViews({
      db: api.db,
      redis: api.redis,
      keys: api.keys,
      counters: api.counters,
      catalogue: createCatalogueCache(api.db),
      now: () => clock,
    });
    const counted: ServiceViews = {
      ...views,
      openOutages: () => {
        computed += 1;
        return views.openOutages();
      },
    };
    http = createServer();
    io = createRealtime({ http, redis: api.redis, keys: api.keys, counters: api.counters, views: counted, log: createLogger('silent'), now: () => clock });
    // Registered after the realtime handlers, so it runs once they have handled the frame (and queried, if they do).
    io.on('connection', (socket) => {
      socket.on('map:watch', () => {
        const count = (handled.get(socket.id) ?? 0) + 1;
        handled.set(socket.id, count);
        for (const w of waiters.filter((x) => x.id === socket.id && x.count <= count)) w.resolve();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await api.stop();
  });

  async function connected(): Promise<Client> {
    const client: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(client);
    await within<void>(10_000, 'connect', (resolve) => client.once('connect', () => resolve()));
    return client;
  }
  const handledUpTo = (client: Client, count: number) =>
    within<void>(10_000, `map:watch #${count} handled`, (resolve) => {
      if ((handled.get(client.id ?? '') ?? 0) >= count) resolve();
      else waiters.push({ id: client.id ?? '', count, resolve });
    });
  const snapshotOf = (client: Client) =>
    within<Parameters<ServerToClientEvents['map:snapshot']>[0]>(15_000, 'map:snapshot', (resolve) => client.once('map:snapshot', resolve));

  it(`computes a handful of snapshots for ${floodFrames.toLocaleString('en')} frames, cuts the flooder off and serves everyone else`, async () => {
    const flooder = await connected();
    const flooderId = flooder.id ?? '';
    const cutOff = within<string>(20_000, 'flooder disconnected', (resolve) => flooder.once('disconnect', resolve));
    for (let i = 0; i < floodFrames; i++) flooder.emit('map:watch');

    const [outages, polite] = await Promise.all([
      fetch(`${api.baseUrl}/api/outages`),
      connected().then(async (client) => {
        const snapshot = snapshotOf(client);
        client.emit('map:watch');
        return snapshot;
      }),
    ]);
    expect(outages.status).toBe(200);
    expect(await outages.json()).toEqual({ outages: [], incidents: [] });
    expect(polite).toEqual({ outages: [], incidents: [], cells: [] });
    expect(await cutOff).toBe('io server disconnect');
    // One for the flooder's first frame, at most one more for the polite socket (else the cache served it).
    expect(computed).toBeLessThanOrEqual(2);
    // Only the burst got past the limit; the rest were dropped before any handler.
    expect(handled.get(flooderId) ?? 0).toBeLessThanOrEqual(10);
  }, 60_000);

  it('answers a socket that asks again while it watches from nothing, and again once the snapshot is old', async () => {
    const client = await connected();
    const first = snapshotOf(client);
    client.emit('map:watch');
    await first;
    clock += 5_000; // past the shared snapshot's lifetime: a second query would now go to the database
    const before = computed;
    let extra = 0;
    client.on('map:snapshot', () => {
      extra += 1;
    });
    for (let i = 0; i < 3; i++) client.emit('map:watch');
    await handledUpTo(client, 4);
    expect(computed).toBe(before);
    clock += 5 * 60_000; // the web app asks again every 5 minutes, so that old cells fade
    const later = snapshotOf(client);
    client.emit('map:watch');
    await later;
    expect(computed).toBe(before + 1);
    expect(extra).toBe(1);
  }, 30_000);

  it('computes one snapshot for sockets that open the map together', async () => {
    clock += 5_000;
    const before = computed;
    const sockets = await Promise.all(Array.from({ length: 5 }, () => connected()));
    const snapshots = sockets.map((client) => snapshotOf(client));
    for (const client of sockets) client.emit('map:watch');
    await Promise.all(snapshots);
    expect(computed).toBe(before + 1);
  }, 30_000);
});
