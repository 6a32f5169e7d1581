import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { type CountedReport, type RedisKeys, type ReportJob, type ServerToClientEvents } from '@outage-radar/shared';

export type RealtimeEmitter = Emitter<ServerToClientEvents>;

/** Publishes to browsers through Redis; the API's socket.io adapter relays to whoever watches. */
export function createEmitter(redis: Redis, keys: RedisKeys): RealtimeEmitter {
  return new Emitter<ServerToClientEvents>(redis, { key: keys.socketIo });
}

export function toCountedReport(report: ReportJob): CountedReport {
  return {
    service: report.service,
    problem: report.problem,
    at: new Date(report.reportedAt).toISOString(),
    cell: report.cell,
    lat: report.lat,
    lon: report.lon,
    country: report.country,
  };
}
