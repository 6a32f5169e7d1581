import { z } from 'zod';
import { parseEnvOrExit } from '@outage-radar/runtime';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/outage_radar'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queue, counters, socket.io): lets several deployments or test runs share a Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('or'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /**
   * Secret behind every client hash (addresses, prefixes, first-party ids). Unset: read from
   * CLIENT_SECRET_FILE, which is created on first start. Never stored in the database.
   */
  IP_HASH_SALT: z.string().min(16).optional(),
  /** Where the generated client-hash secret is kept when IP_HASH_SALT is unset (default: .local/client-secret in the project). */
  CLIENT_SECRET_FILE: z.string().optional(),
  /** Hours a client-hash key lasts: stored hashes of one person can be linked within this time only. */
  CLIENT_HASH_ROTATION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** The site's public address (https://radar.example.org): the only source of absolute URLs in responses. */
  PUBLIC_URL: z.url().optional(),
  /** Bearer token for /api/admin and /metrics from other machines; unset, the admin routes don't exist. */
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
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
  /** Reports accepted per subscriber (IPv4 address, IPv6 /64) per minute, across services. */
  REPORTS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Reports accepted per network (IPv4 /24, IPv6 /48) per minute, across services. */
  REPORTS_PER_MINUTE_PER_NETWORK: z.coerce.number().int().positive().default(120),
  /** Reports counted per network prefix, service and window; more are stored but discounted. */
  FLOOD_REPORTS_PER_PREFIX: z.coerce.number().int().positive().default(5),
  /** A user agent's share of a service's counted reports in a window is judged once it has this many. */
  FLOOD_AGENT_MINIMUM: z.coerce.number().int().positive().default(30),
  /** Largest share (0..1) of a service's counted reports in a window from one user agent. */
  FLOOD_AGENT_SHARE: z.coerce.number().gt(0).max(1).default(0.8),
  /** Whole request (headers and body) must arrive within this time. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** An idle keep-alive connection is closed after this time. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** /readyz fails when the worker's detector last ticked longer ago than this. */
  DETECTOR_STALE_SECONDS: z.coerce.number().positive().default(60),
});
export type Env = z.infer<typeof Env>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnvOrExit(Env, source);
}
