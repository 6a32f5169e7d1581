import { iso1A2Code } from '@rapideditor/country-coder';
import { cellToLatLng } from 'h3-js';
import type { Redis } from 'ioredis';
import { serviceCellCounts, type CounterKeys } from '@outage-radar/counters';
import { scopeTotals, type Db } from '@outage-radar/db';
import { minuteMs, toBucketStart } from '@outage-radar/shared';
import type { CellCount } from '@outage-radar/detector';

const historyDays = 7;

/**
 * Reports per map cell of one service over the last `windowMinutes`, with what each cell's last
 * week expects over as long. For a country outage only the cells in that country count.
 */
export async function readOutageCells(
  deps: { redis: Redis; counters: CounterKeys; db: Db },
  query: { service: string; country: string | null; at: number; windowMinutes: number },
): Promise<CellCount[]> {
  const end = toBucketStart(query.at);
  const counts = await serviceCellCounts(deps.redis, deps.counters, query.service, query.at, query.windowMinutes);
  if (counts.size === 0) return [];
  const windowStart = end - (query.windowMinutes - 1) * minuteMs;
  const history = await scopeTotals(deps.db, {
    serviceSlug: query.service,
    from: new Date(windowStart - historyDays * 24 * 60 * minuteMs),
    to: new Date(windowStart),
    prefix: 'cell:',
  });
  const perWindow = query.windowMinutes / (historyDays * 24 * 60);
  const expected = new Map(history.map((h) => [h.scope.slice(5), h.count * perWindow]));
  const cells: CellCount[] = [];
  for (const [cell, count] of counts) {
    const [lat, lon] = cellToLatLng(cell);
    const country = iso1A2Code([lon, lat]) ?? null;
    if (query.country && country !== query.country) continue;
    cells.push({ cell, lat, lon, country, count, expected: expected.get(cell) ?? 0 });
  }
  return cells;
}
