// Runs generated series through replay() and measures what users feel: how soon an outage is
// declared, how much of it is covered, and how many outages are declared that never were.

import { replay, type DetectorConfig, type Outage, type SeriesState } from '../src/index';
import type { GeneratedSeries, Interval } from './generate-series';

const minuteMs = 60_000;

/** A declared outage, in minute indexes of the series (fractional where the tick fell mid-bucket). */
export interface Declared {
  start: number;
  detected: number;
  /** When the alert dropped (resolved), or the end of the run. */
  end: number;
}

export interface Run {
  alerts: boolean[];
  scores: number[];
  expected: number[];
  declared: Declared[];
  state: SeriesState | undefined;
}

/**
 * Replays a series bucket by bucket (missing buckets stay missing); times in the result are bucket
 * indexes (minutes for the default one-minute buckets).
 */
export function runSeries(g: Pick<GeneratedSeries, 'counts' | 'start'>, config: Partial<DetectorConfig> = {}, initial?: SeriesState, bucketMs = minuteMs): Run {
  const rows = g.counts.flatMap((value, i) => (value === null ? [] : [{ at: g.start + i * bucketMs, value, i }]));
  const r = replay(rows, { bucketMs, ...config }, { initial });
  const n = g.counts.length;
  const alerts = new Array<boolean>(n).fill(false);
  const scores = new Array<number>(n).fill(0);
  const expected = new Array<number>(n).fill(0);
  rows.forEach((row, k) => {
    alerts[row.i] = r.rows[k]!.alert;
    scores[row.i] = r.rows[k]!.score;
    expected[row.i] = r.rows[k]!.expected;
  });
  // Missing minutes keep the alert as it was: the outage was not closed by a gap.
  for (let i = 1; i < n; i++) if (g.counts[i] === null) alerts[i] = alerts[i - 1]!;
  const toMinute = (at: number) => (at - g.start) / bucketMs;
  const open = new Map<string, Outage>();
  const declared: Declared[] = [];
  for (const t of r.transitions) {
    if (t.kind === 'opened') open.set(t.outage.id, t.outage);
    if (t.kind === 'resolved') {
      const o = open.get(t.outage.id);
      open.delete(t.outage.id);
      if (o) declared.push({ start: toMinute(o.startedAt), detected: toMinute(o.detectedAt), end: toMinute(t.outage.resolvedAt!) });
    }
  }
  for (const o of open.values()) declared.push({ start: toMinute(o.startedAt), detected: toMinute(o.detectedAt), end: n });
  declared.sort((a, b) => a.detected - b.detected);
  return { alerts, scores, expected, declared, state: r.state };
}

export interface Found {
  /** Minutes from the true start to the declaration; null if never declared during the outage. */
  delay: number | null;
  /** Share of the outage's minutes during which the alert was up (backtest `alert` column). */
  alertCoverage: number;
  /** Share of the outage's minutes inside a declared outage as recorded (start back-dated). */
  recordCoverage: number;
}

/** How one true outage was found. */
export function measureOutage(truth: Interval, run: Run): Found {
  const hits = run.declared.filter((d) => d.detected >= truth.start && d.detected < truth.end + 1);
  const earlier = run.declared.filter((d) => d.detected < truth.start && d.end > truth.start);
  let alerted = 0;
  let recorded = 0;
  for (let i = truth.start; i < truth.end; i++) {
    if (run.alerts[i]) alerted++;
    if (run.declared.some((d) => d.start <= i && d.end > i)) recorded++;
  }
  const len = truth.end - truth.start;
  const first = hits[0];
  return {
    delay: earlier.length ? 0 : first ? first.detected - truth.start : null,
    alertCoverage: alerted / len,
    recordCoverage: recorded / len,
  };
}

/** Declared outages that overlap no true outage (nor the hour after one), from minute `from` on. */
export function falseOutages(run: Run, truths: readonly Interval[], from = 0): Declared[] {
  return run.declared.filter((d) => d.detected >= from && !truths.some((t) => d.detected >= t.start && d.start < t.end + 60));
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
