import { bucketCounts, type Db } from '@outage-radar/db';

/** What a new series learns from: its per-minute history in PostgreSQL. */
export interface SeriesToWarm {
  series: string;
  service: string;
  /** The history scope: "all" for the whole service, "cc:IN" for a country. */
  scope: string;
}

/**
 * Per-minute counts of the given series over the last `days` before `until`, from the history the
 * worker persists (minutes without reports have no row and count as zero).
 */
export async function loadHistory(db: Db, series: readonly SeriesToWarm[], until: number, days: number): Promise<Map<string, Map<number, number>>> {
  const history = new Map<string, Map<number, number>>();
  if (series.length === 0) return history;
  const byServiceScope = new Map(series.map((s) => [`${s.service}\u0000${s.scope}`, s.series]));
  const rows = await bucketCounts(db, {
    from: new Date(until - days * 24 * 3_600_000),
    to: new Date(until),
    scopes: [...new Set(series.map((s) => s.scope))],
    serviceSlugs: [...new Set(series.map((s) => s.service))],
  });
  for (const row of rows) {
    const key = byServiceScope.get(`${row.serviceSlug}\u0000${row.scope}`);
    if (!key) continue;
    let minutes = history.get(key);
    if (!minutes) history.set(key, (minutes = new Map()));
    minutes.set(row.bucketStart.getTime(), row.count);
  }
  return history;
}
