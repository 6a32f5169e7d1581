import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/**
 * Requests are logged one by one only at debug; at info, one line a minute says how many there
 * were, by status class, so the log stays readable under load and holds nothing about a client.
 */
export function requestSummary(log: Logger, everyMs = 60_000): { middleware: RequestHandler; stop: () => void } {
  let counts: Record<string, number> = {};
  const timer = setInterval(() => {
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    if (total > 0) log.info({ requests: total, byStatus: counts, periodSeconds: everyMs / 1000 }, 'requests served');
    counts = {};
  }, everyMs);
  timer.unref();
  return {
    middleware: (_req, res, next) => {
      res.on('finish', () => {
        const kind = `${Math.floor(res.statusCode / 100)}xx`;
        counts[kind] = (counts[kind] ?? 0) + 1;
      });
      next();
    },
    stop: () => clearInterval(timer),
  };
}
