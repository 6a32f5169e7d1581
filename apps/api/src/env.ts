import { z } from 'zod';
import { parseEnvOrExit } from '@outage-radar/runtime';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/outage_radar'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queue, counters, socket.io): lets several deployments or test runs share a Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('or'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  // Unset: generated on first start and stored in the database; a guessable salt makes hashed IPs reversible.
  IP_HASH_SALT: z.string().min(16).optional(),
  /** Express "trust proxy": which hops may set X-Forwarded-For (default: proxies on this machine). */
  TRUST_PROXY: z.string().default('loopback'),
  /** Where the built web app lives; served with a fallback to index.html. */
  WEB_DIST: z.string().optional(),
  /** Optional raster tile URL template for the map; the offline basemap is used when unset. */
  MAP_TILE_URL: z.url().optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  /** Offline IP-to-network table (CSV as in @ip-location-db/asn); "off" disables network look-ups. */
  ASN_TABLE: z.string().optional(),
  /** One counted report per person and service within this many seconds. */
  REPORT_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  /** Reports accepted per client address per minute, across services. */
  REPORTS_PER_MINUTE: z.coerce.number().int().positive().default(20),
});
export type Env = z.infer<typeof Env>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnvOrExit(Env, source);
}
