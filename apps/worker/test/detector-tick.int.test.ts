import { randomUUID } from 'node:crypto';
import { listOpenIncidents, listOpenOutages } from '@outage-radar/db';
import { minuteMs, toBucketStart } from '@outage-radar/shared';
import { createOutagePublisher } from '../src/detector/publish-outages';
import { createDetectorTick, minReportsToStartRegion } from '../src/jobs/detector-tick';
import { createLogger } from '../src/logger';
import { createEmitter } from '../src/realtime';
import { startTestStores, testService, type TestStores } from './harness';

const owner = `Owner ${randomUUID().slice(0, 6)}`;
const photos = testService('photos', { owner });
const chat = testService('chat', { owner });
const rival = testService('rival');
const carrier = testService('carrier');
const sparse = testService('sparse');

describe('the detector tick', () => {
  let stores: TestStores;
  const now = toBucketStart(Date.now()) + 30_000;

  beforeAll(async () => {
    stores = await startTestStores([photos, chat, rival, carrier]);
    // Three quiet hours of history: one report every ten minutes for each service.
    const rows = [];
    for (let t = toBucketStart(now) - 180 * minuteMs; t < toBucketStart(now) - 2 * minuteMs; t += 10 * minuteMs) {
      for (const s of [photos, chat, rival]) rows.push({ serviceSlug: s.slug, bucketStart: new Date(t), scope: 'all', count: 1 });
    }
    // A busy service: 60 reports a minute, one in ten minutes from one network.
    for (let t = toBucketStart(now) - 180 * minuteMs; t < toBucketStart(now) - 2 * minuteMs; t += minuteMs) {
      rows.push({ serviceSlug: carrier.slug, bucketStart: new Date(t), scope: 'all', count: 60 });
      if ((t / minuteMs) % 10 === 0) rows.push({ serviceSlug: carrier.slug, bucketStart: new Date(t), scope: 'asn:55836', count: 1 });
    }
    await stores.db.bucketCount.createMany({ data: rows });
  });
  afterAll(async () => stores.stop());

  it("learns new series from their history, then opens outages for a flood and groups one owner's into an incident", async () => {
    const { db, redis, keys, counters } = stores;
    const log = createLogger('silent');
    const publisher = createOutagePublisher({ db, redis, counters, emitter: createEmitter(redis, keys), log });
    const tick = createDetectorTick({ db, redis, keys, counters, log, publisher });

    const bucket = toBucketStart(now);
    // The busy service has its usual minute so far.
    await redis.hset(counters.totals(bucket), `${carrier.slug}|all`, '30');
    const quiet = await tick(now);
    expect(quiet).toMatchObject({ series: 4, warmed: 4, transitions: 0 });
    expect(await redis.hlen(keys.detectorStates)).toBe(4);
    expect(await listOpenOutages(db)).toEqual([]);

    // Both services of one owner, and a rival, get 40 reports in the current minute.
    for (const s of [photos, chat, rival]) {
      await redis.hset(counters.totals(bucket), `${s.slug}|all`, '40');
      await redis.hset(counters.scopes(bucket), `${s.slug}|p:login`, '30', `${s.slug}|p:app`, '10', `${s.slug}|cell:85618923fffffff`, '40');
    }
    // The busy service's total barely moves, but 15 of its reports come from one network.
    await redis.hset(counters.totals(bucket), `${carrier.slug}|all`, '55');
    await redis.hset(counters.scopes(bucket), `${carrier.slug}|asn:55836`, '15');
    const flooded = await tick(now + 20_000);
    expect(flooded.transitions).toBe(4);
    const open = await listOpenOutages(db);
    expect(open.map((o) => [o.serviceSlug, o.regionKey, o.phase]).sort()).toEqual([
      [carrier.slug, 'asn:55836', 'outage'],
      [chat.slug, 'all', 'outage'],
      [photos.slug, 'all', 'outage'],
      [rival.slug, 'all', 'outage'],
    ]);
    expect(open.find((o) => o.serviceSlug === photos.slug)?.clusters).toEqual([expect.objectContaining({ cell: '85618923fffffff', count: 40 })]);
    const incidents = await listOpenIncidents(db);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ name: `${owner} services`, owner });
    expect(incidents[0]?.outages.map((o) => o.serviceSlug).sort()).toEqual([chat.slug, photos.slug]);

    // The chart's normal band for this minute is there for the API to read.
    expect(await redis.hget(keys.baselines(bucket), photos.slug)).toMatch(/^[0-9.]+\|[0-9.]+$/);
  });
});

describe('the detector tick, for countries and networks it has not seen', () => {
  let stores: TestStores;
  const now = toBucketStart(Date.now()) + 30_000;
  beforeAll(async () => {
    stores = await startTestStores([sparse]);
  });
  afterAll(async () => stores.stop());

  it('starts a series for a country or network only once it has a few reports', async () => {
    const { db, redis, keys, counters } = stores;
    const log = createLogger('silent');
    const tick = createDetectorTick({
      db,
      redis,
      keys,
      counters,
      log,
      publisher: createOutagePublisher({ db, redis, counters, emitter: createEmitter(redis, keys), log }),
    });
    const bucket = toBucketStart(now);
    // One report from Nepal, three from one network: only the network is worth a series yet.
    await redis.hset(counters.totals(bucket), `${sparse.slug}|all`, '4');
    await redis.hset(counters.scopes(bucket), `${sparse.slug}|cc:NP`, '1', `${sparse.slug}|asn:17501`, String(minReportsToStartRegion));
    await tick(bucket + 10_000);
    const series = await redis.hkeys(keys.detectorStates);
    expect(series).toContain(`${sparse.slug}/network/AS17501`);
    expect(series).not.toContain(`${sparse.slug}/country/NP`);
  });
});
