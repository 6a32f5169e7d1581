// Runs corpus series through replay() exactly as the backtest does (rows at bucket starts, missing
// rows left out, the bucket length read from the rows) and measures what users would feel.

import type { DetectorConfig } from '../../src/index';
import { median, runSeries, type Declared } from '../evaluate';
import { oracleAlarms, tuneThreshold } from '../oracle-cusum';
import { generateWorld, type BenignKind, type WorldOutageShape, type WorldSeries } from './world';

const weekMs = 7 * 24 * 3_600_000;

/** A declared outage, in bucket indexes (fractional where a tick fell inside a bucket). */
export type DeclaredOutage = Declared;

export interface WorldRun {
  series: WorldSeries;
  declared: DeclaredOutage[];
  alerts: boolean[];
  scores: number[];
  expected: number[];
}

/** The series through replay() as the backtest runs it, one row a bucket, missing rows left out. */
export function runWorld(series: WorldSeries, config: Partial<DetectorConfig> = {}): WorldRun {
  const { declared, alerts, scores, expected } = runSeries(series, config, undefined, series.bucketMs);
  return { series, declared, alerts, scores, expected };
}

export interface OutageFinding {
  seed: number;
  shape: WorldOutageShape;
  bucketMinutes: number;
  reportsPerMinute: number;
  ratio: number;
  /** Minutes from the first minute of the excess to the declaration; null if missed. */
  delay: number | null;
  /** Minutes the recorded start lies before (+) or after (-) the true start. */
  startError: number | null;
  /** Minutes from the true end (the last minute of excess) to the resolution. */
  endLag: number | null;
}

export interface FalseAlarm {
  seed: number;
  bucketMinutes: number;
  reportsPerMinute: number;
  /** The benign event it fell on, or 'noise'. */
  cause: BenignKind | 'noise';
  /** Minutes into the test period. */
  at: number;
}

export interface WorldFigures {
  series: number;
  serviceWeeks: number;
  outages: OutageFinding[];
  falseAlarms: FalseAlarm[];
  /** False outages per service-week, overall and on series without any outage. */
  falsePerWeek: number;
  falsePerWeekOutageFree: number;
  recall: number;
  medianDelay: number;
}

export function measureWorld(seeds: readonly number[], specOf: (seed: number) => WorldSeries['spec'], config: Partial<DetectorConfig> = {}): WorldFigures {
  const outages: OutageFinding[] = [];
  const falseAlarms: FalseAlarm[] = [];
  let weeks = 0;
  let freeWeeks = 0;
  let freeAlarms = 0;
  for (const seed of seeds) {
    const series = generateWorld(specOf(seed));
    const run = runWorld(series, config);
    const per = series.spec.bucketMinutes;
    const testWeeks = (series.spec.testMinutes * 60_000) / weekMs;
    weeks += testWeeks;
    for (const o of series.outages) {
      const hit =
        run.declared.find((d) => d.detected >= o.from - 0.001 && d.detected <= o.to) ?? run.declared.find((d) => d.detected < o.from && d.end > o.from);
      const trueStart = o.start / per;
      const trueEnd = (o.start + o.minutes) / per;
      outages.push({
        seed,
        shape: o.shape,
        bucketMinutes: per,
        reportsPerMinute: series.spec.reportsPerMinute,
        ratio: o.ratio,
        delay: hit ? Math.max(0, (hit.detected - trueStart) * per) : null,
        startError: hit ? (trueStart - hit.start) * per : null,
        endLag: hit && hit.end < series.counts.length ? (hit.end - trueEnd) * per : null,
      });
    }
    const mine = run.declared.filter(
      (d) => d.detected >= series.testFrom && !series.outages.some((o) => d.detected >= o.from - 0.001 && d.start < o.to + 60 / per),
    );
    if (!series.outages.length) {
      freeWeeks += testWeeks;
      freeAlarms += mine.length;
    }
    for (const d of mine) {
      const near = series.benign.find((b) => d.detected >= b.from - 1 && d.detected <= b.to + 60 / per);
      falseAlarms.push({
        seed,
        bucketMinutes: per,
        reportsPerMinute: series.spec.reportsPerMinute,
        cause: near?.kind ?? 'noise',
        at: (d.detected - series.testFrom) * per,
      });
    }
  }
  const found = outages.filter((o) => o.delay !== null);
  return {
    series: seeds.length,
    serviceWeeks: weeks,
    outages,
    falseAlarms,
    falsePerWeek: falseAlarms.length / weeks,
    falsePerWeekOutageFree: freeWeeks ? freeAlarms / freeWeeks : 0,
    recall: outages.length ? found.length / outages.length : 1,
    medianDelay: found.length ? median(found.map((o) => o.delay!)) : NaN,
  };
}

/**
 * The reference on the wide corpus: Page's CUSUM for Poisson counts that knows each series' true
 * baseline and each outage's ratio, its threshold set so that it raises as many false alarms on the
 * outage-free test weeks of series with the same bucket length as the detector did (at least one
 * allowed per 20 service-weeks, so the threshold is finite). Median delay over the outages both found.
 */
export function referenceDelays(
  seeds: readonly number[],
  specOf: (seed: number) => WorldSeries['spec'],
  figures: WorldFigures,
): { detector: number; reference: number; pairs: number } {
  const all = seeds.map((seed) => generateWorld(specOf(seed)));
  const free = (per: number) =>
    all.filter((s) => s.spec.bucketMinutes === per && s.outages.length === 0).map((s) => ({ counts: s.counts, baseline: s.baseline, from: s.testFrom }));
  const detectorDelays: number[] = [];
  const referenceDelay: number[] = [];
  for (const s of all) {
    const per = s.spec.bucketMinutes;
    const pool = free(per);
    const poolWeeks = pool.length * (s.spec.testMinutes / (7 * 1440));
    const falseHere = figures.falseAlarms.filter((a) => a.bucketMinutes === per && !specOf(a.seed).outages.length).length;
    const allowed = Math.max(falseHere, Math.floor(poolWeeks / 20));
    for (const o of s.outages) {
      const finding = figures.outages.find((f) => f.seed === s.spec.seed && f.shape === o.shape && f.ratio === o.ratio);
      if (!finding || finding.delay === null || !pool.length) continue;
      const h = tuneThreshold(pool, o.ratio, allowed);
      const alarms = oracleAlarms(s.counts, s.baseline, o.ratio, h, Math.max(0, o.from - 1440 / per), o.to);
      const first = alarms.find((i) => i >= o.from);
      if (first === undefined) continue;
      detectorDelays.push(finding.delay);
      referenceDelay.push((first + 1) * per - o.start);
    }
  }
  return { detector: median(detectorDelays), reference: median(referenceDelay), pairs: detectorDelays.length };
}
