import type { DetectorConfig } from './config';
import { defaultConfig } from './config';
import type { SeriesState } from './series-state';
import { tick, type BucketObservation } from './tick';
import type { Transition } from './outage';

export interface ReplayRow {
  /** ms since the epoch; rows evenly spaced. */
  at: number;
  value: number;
}

export interface ReplayResult {
  /** Expected reports for the row's bucket. */
  expected: number;
  score: number;
  /** True while an outage is held open (phase outage or recovering). */
  alert: boolean;
}

export interface ReplayOutput {
  rows: ReplayResult[];
  transitions: Transition[];
  bucketMs: number;
  state: SeriesState | undefined;
}

const key = 'series';

export interface ReplayOptions {
  /** State to continue from (a series with history), instead of a new series. */
  initial?: SeriesState;
  /** IANA zone the series' profiles follow (local time of week); UTC by default. */
  timeZone?: string | null;
}

/**
 * The bucket length of evenly spaced rows: the most common gap between neighbours among the first
 * thousand, so that a missing row near the start (an intake gap) does not double it.
 */
export function inferBucketMs(rows: readonly ReplayRow[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < rows.length && i <= 1000; i++) {
    const gap = rows[i]!.at - rows[i - 1]!.at;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let best = 0;
  let seen = 0;
  for (const [gap, n] of counts) if (n > seen || (n === seen && gap < best)) [best, seen] = [gap, n];
  return best;
}

/**
 * Replays rows through the same tick the worker calls, one closing bucket per row: each result
 * depends on that row and the ones before only. The bucket length is inferred from the rows (inferBucketMs) unless config sets it. Rows that skip buckets leave those buckets as no data.
 */
export function replay(rows: readonly ReplayRow[], config: Partial<DetectorConfig> = {}, options: ReplayOptions = {}): ReplayOutput {
  const { initial, timeZone = null } = options;
  const inferred = inferBucketMs(rows);
  const bucketMs = config.bucketMs ?? (inferred > 0 ? inferred : defaultConfig.bucketMs);
  // Rows are whole buckets already: nothing arrives late, so each is committed as soon as it ends.
  const c: Partial<DetectorConfig> = { closeDelayMs: 0, ...config, bucketMs };
  const closeDelayMs = c.closeDelayMs!;
  // Buckets are counted from the first row, so timestamps need not sit on multiples of bucketMs.
  const phase = rows.length ? ((rows[0]!.at % bucketMs) + bucketMs) % bucketMs : 0;
  let states: Record<string, SeriesState> = initial ? { [key]: initial } : {};
  const out: ReplayResult[] = [];
  const transitions: Transition[] = [];
  let lastStart: number | null = null;
  for (const row of rows) {
    const start = row.at - phase;
    const buckets: BucketObservation[] = [];
    for (let gap = lastStart === null ? start : lastStart + bucketMs; gap < start; gap += bucketMs) buckets.push({ start: gap, count: null });
    buckets.push({ start, count: row.value });
    const r = tick(states, [{ service: key, timeZone, buckets }], start + bucketMs + closeDelayMs, c);
    states = r.states;
    transitions.push(...r.transitions);
    const reading = r.readings[0]!;
    const mine = reading.committed.find((b) => b.start === start);
    out.push({
      expected: mine?.expected ?? reading.expected,
      score: reading.score,
      alert: reading.phase === 'outage' || reading.phase === 'recovering',
    });
    lastStart = Math.max(lastStart ?? start, start);
  }
  return { rows: out, transitions, bucketMs, state: states[key] };
}
