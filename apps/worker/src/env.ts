import { z } from 'zod';
import { parseEnvOrExit } from '@outage-radar/runtime';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/outage_radar'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('or'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** Jobs taken at once; they are written together in batches of up to REPORT_BATCH_SIZE. */
  REPORT_CONCURRENCY: z.coerce.number().int().positive().default(200),
  REPORT_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  /** How long a batch waits for more reports before it is written. */
  REPORT_BATCH_WAIT_MS: z.coerce.number().int().nonnegative().default(20),
  /** Reports (and their comments) are deleted after this many days; counts stay. */
  REPORT_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  /** Per-minute history is folded into hours after this many days (the detector learns from 28). */
  MINUTE_HISTORY_DAYS: z.coerce.number().int().min(29).default(35),
  /** Seconds between detector ticks. */
  DETECTOR_TICK_SECONDS: z.coerce.number().positive().default(5),
  /** Longest a PostgreSQL statement may take before it fails (and its job is retried). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A report job stays claimed this long by a worker that stopped answering (killed, frozen) before another takes it. */
  REPORT_LOCK_SECONDS: z.coerce.number().positive().default(30),
});
export type Env = z.infer<typeof Env>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return parseEnvOrExit(Env, source);
}
