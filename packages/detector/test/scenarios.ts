// The series the detection tests and the README figures are measured on: services from tiny to
// huge, a week of warm-up history, then a week without outages or a day with one outage.

import { generateRegional, generateSeries, type GeneratedSeries, type OutageShape, type OutageSpec } from './generate-series';
import { seededRandom, uniformInt } from './random';

const day = 1440;
export const warmupMinutes = 7 * day;
/** Monday 2024-01-01 00:00 UTC. */
export const seriesStart = Date.UTC(2024, 0, 1);

export const sizes = [
  { name: 'tiny', reportsPerMinute: 0.05 },
  { name: 'small', reportsPerMinute: 0.5 },
  { name: 'mid', reportsPerMinute: 3 },
  { name: 'large', reportsPerMinute: 30 },
  { name: 'huge', reportsPerMinute: 200 },
] as const;
export type Size = (typeof sizes)[number];

/** Outage shapes: ratio to the baseline, length, ramp. */
export const shapes: Record<OutageShape, Omit<OutageSpec, 'startMinute' | 'shape'>> = {
  abrupt: { ratio: 20, minutes: 60 },
  ramp: { ratio: 10, minutes: 90, rampMinutes: 30 },
  short: { ratio: 8, minutes: 20 },
  long: { ratio: 5, minutes: 360 },
  regional: { ratio: 10, minutes: 45 },
};

/** A regional series is this share of its service. */
export const regionShare = 0.03;

/**
 * An outage on a quiet service is still at least one extra report a minute: people notice an
 * outage, not a ratio. 5x of 0.05 reports/min would be 2.5 reports in 10 minutes, which no
 * detector can tell from chance.
 */
export function effectiveRatio(ratio: number, reportsPerMinute: number): number {
  return Math.max(ratio, 1 + 1 / reportsPerMinute);
}

export interface OutageFreeCase {
  size: Size;
  seed: number;
  series: GeneratedSeries;
  /** First minute that counts (after warm-up). */
  from: number;
}

/** Two weeks without outages (bursts and gaps included); the first is warm-up. `share` < 1 gives a region of the service. */
export function outageFreeCase(size: Size, seed: number, share = 1): OutageFreeCase {
  const series = generateSeries({ seed, start: seriesStart, minutes: 2 * warmupMinutes, reportsPerMinute: size.reportsPerMinute * share, trendPerWeek: 0.05 });
  return { size, seed, series, from: warmupMinutes };
}

export interface OutageCase {
  size: Size;
  shape: OutageShape;
  seed: number;
  /** The series the outage is in (the region's series for a regional outage). */
  series: GeneratedSeries;
  /** For a regional outage, the whole service it is part of. */
  service: GeneratedSeries | null;
  spec: OutageSpec;
}

/** A week of warm-up, then one outage starting at a random time of the next day. */
export function outageCase(size: Size, shape: OutageShape, seed: number): OutageCase {
  const rnd = seededRandom(seed * 31 + shape.length);
  const base = shapes[shape];
  const startMinute = warmupMinutes + uniformInt(rnd, 0, day - 1);
  const regional = shape === 'regional';
  const rate = size.reportsPerMinute * (regional ? regionShare : 1);
  const spec: OutageSpec = { shape, ...base, ratio: effectiveRatio(base.ratio, rate), startMinute };
  const common = { seed, start: seriesStart, minutes: startMinute + spec.minutes + 240, reportsPerMinute: size.reportsPerMinute, outages: [spec] };
  if (!regional) return { size, shape, seed, series: generateSeries(common), service: null, spec };
  const { region, service } = generateRegional(common, regionShare);
  return { size, shape, seed, series: region, service, spec };
}
