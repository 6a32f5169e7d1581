// Synthetic per-minute report counts with known truth, for tests and the bench: daily and weekly
// seasonality, day-to-day drift, overdispersed noise, benign bursts, intake gaps, and outages of
// several shapes. Pure: the same spec and seed give the same series.

import { negativeBinomial, normal, seededRandom, uniform, uniformInt, type Random } from './random';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { PI, ceil, cos, exp, floor, max, pow, round } = Math;

const minuteMs = 60_000;
const dayMinutes = 1440;

export type OutageShape = 'abrupt' | 'ramp' | 'short' | 'long' | 'regional';

export interface OutageSpec {
  shape: OutageShape;
  /** Minute index (from the series start) where the excess begins. */
  startMinute: number;
  minutes: number;
  /** Plateau rate as a multiple of the baseline. */
  ratio: number;
  /** A ramp rises linearly from the baseline to the plateau over this many minutes. */
  rampMinutes?: number;
}

export interface SeriesSpec {
  seed: number;
  /** ms since the epoch of minute 0 (a multiple of a minute). */
  start: number;
  minutes: number;
  /** Mean reports per minute over a week. */
  reportsPerMinute: number;
  /** 0..1: how deep the night trough is (0 = flat day). Default 0.6. */
  dailyAmplitude?: number;
  /** Hour (UTC) of the evening peak. Default 19. */
  peakHourUtc?: number;
  /** Saturday and Sunday multiplier. Default 0.85. */
  weekendFactor?: number;
  /** Negative binomial dispersion per minute (variance = m + φ m²). Default 0.05. */
  dispersion?: number;
  /** Standard deviation of the day-to-day log level (a slowly drifting AR(1)). Default 0.05. */
  dayToDay?: number;
  /** Growth of the level per week (0.1 = +10 %). Default 0. */
  trendPerWeek?: number;
  /** Viral-post bursts: how many per week, how high, how long. Defaults 3, [2, 5], [1, 10]. */
  burstsPerWeek?: number;
  burstRatio?: [number, number];
  burstMinutes?: [number, number];
  /** Intake gaps (half as zeros, half as missing minutes). Defaults 0.5 per week, [5, 30] minutes. */
  gapsPerWeek?: number;
  gapMinutes?: [number, number];
  outages?: OutageSpec[];
}

export interface Interval {
  start: number;
  end: number;
}

export interface GeneratedSeries {
  start: number;
  /** Reports per minute; null where intake lost the minute. */
  counts: (number | null)[];
  /** True expected rate per minute without outages or bursts. */
  baseline: number[];
  /** True rate per minute with outages and bursts. */
  rates: number[];
  /** Ground truth, minute indexes [start, end). */
  outages: (Interval & { shape: OutageShape; ratio: number })[];
  bursts: (Interval & { ratio: number })[];
  gaps: Interval[];
}

/** Daily curve with an evening peak and a night trough, mean 1 over the day. */
function dailyShape(hourUtc: number, amplitude: number, peakHour: number): number {
  const x = (2 * PI * (hourUtc - peakHour)) / 24;
  return 1 + amplitude * (0.8 * cos(x) + 0.2 * cos(2 * x));
}

/** The true baseline rate per minute, before noise. */
export function baselineRates(spec: SeriesSpec, rnd: Random): number[] {
  const days = ceil(spec.minutes / dayMinutes) + 2;
  const sd = spec.dayToDay ?? 0.05;
  const dayLevels: number[] = [];
  let logLevel = 0;
  for (let d = 0; d < days; d++) {
    logLevel = 0.5 * logLevel + sd * normal(rnd);
    dayLevels.push(exp(logLevel));
  }
  const rates: number[] = [];
  for (let i = 0; i < spec.minutes; i++) {
    const at = spec.start + i * minuteMs;
    const dayPos = at / (dayMinutes * minuteMs) - floor(spec.start / (dayMinutes * minuteMs));
    const d = floor(dayPos);
    const f = dayPos - d;
    // Interpolate between day levels so that the drift has no step at midnight.
    const level = dayLevels[d]! * (1 - f) + dayLevels[d + 1]! * f;
    const hour = (at / 3_600_000) % 24;
    const weekday = (floor(at / (dayMinutes * minuteMs)) + 3) % 7; // 0 = Monday
    const weekend = weekday >= 5 ? (spec.weekendFactor ?? 0.85) : 1;
    const trend = pow(1 + (spec.trendPerWeek ?? 0), i / (7 * dayMinutes));
    rates.push(spec.reportsPerMinute * level * weekend * trend * dailyShape(hour, spec.dailyAmplitude ?? 0.6, spec.peakHourUtc ?? 19));
  }
  return rates;
}

/** Multiplier of an outage at `minute` minutes after it began. */
export function outageMultiplier(o: OutageSpec, minute: number): number {
  if (minute < 0 || minute >= o.minutes) return 1;
  const ramp = o.rampMinutes ?? 0;
  if (ramp > 0 && minute < ramp) return 1 + ((o.ratio - 1) * (minute + 1)) / ramp;
  return o.ratio;
}

function placeRandom(rnd: Random, minutes: number, perWeek: number, length: [number, number], avoid: Interval[]): Interval[] {
  const n = round((perWeek * minutes) / (7 * dayMinutes) + (rnd() - 0.5));
  const out: Interval[] = [];
  for (let k = 0; k < n; k++) {
    const len = uniformInt(rnd, length[0], length[1]);
    const start = uniformInt(rnd, 0, max(0, minutes - len - 1));
    // Keep benign events well clear of outages: the truth must stay unambiguous.
    if (avoid.some((a) => start < a.end + 120 && start + len > a.start - 120)) continue;
    out.push({ start, end: start + len });
  }
  return out;
}

/** A series with its ground truth. */
export function generateSeries(spec: SeriesSpec): GeneratedSeries {
  const rnd = seededRandom(spec.seed);
  const baseline = baselineRates(spec, rnd);
  const outages = (spec.outages ?? []).map((o) => ({ start: o.startMinute, end: o.startMinute + o.minutes, shape: o.shape, ratio: o.ratio }));
  const bursts = placeRandom(rnd, spec.minutes, spec.burstsPerWeek ?? 3, spec.burstMinutes ?? [1, 10], outages).map((b) => ({
    ...b,
    ratio: uniform(rnd, ...(spec.burstRatio ?? [2, 5])),
  }));
  const gaps = placeRandom(rnd, spec.minutes, spec.gapsPerWeek ?? 0.5, spec.gapMinutes ?? [5, 30], outages);
  const rates = baseline.map((b, i) => {
    let m = b;
    for (const o of spec.outages ?? []) m = max(m, b * outageMultiplier(o, i - o.startMinute));
    for (const burst of bursts) if (i >= burst.start && i < burst.end) m = max(m, b * burst.ratio);
    return m;
  });
  const dispersion = spec.dispersion ?? 0.05;
  const counts: (number | null)[] = rates.map((m) => negativeBinomial(rnd, m, dispersion));
  gaps.forEach((g, k) => {
    for (let i = g.start; i < g.end; i++) counts[i] = k % 2 === 0 ? 0 : null;
  });
  return { start: spec.start, counts, baseline, rates, outages, bursts, gaps };
}

/**
 * A country's share of a service, with the rest of the world: the regional series, and the
 * whole-service series that sums both. Outages in `spec.outages` hit the region only.
 */
export function generateRegional(spec: SeriesSpec, share: number): { region: GeneratedSeries; service: GeneratedSeries } {
  const region = generateSeries({ ...spec, reportsPerMinute: spec.reportsPerMinute * share });
  const rest = generateSeries({ ...spec, seed: spec.seed + 7919, reportsPerMinute: spec.reportsPerMinute * (1 - share), outages: [], gapsPerWeek: 0 });
  const counts = rest.counts.map((x, i) => (x === null || region.counts[i] === null ? null : x + region.counts[i]!));
  const service: GeneratedSeries = {
    ...rest,
    counts,
    baseline: rest.baseline.map((b, i) => b + region.baseline[i]!),
    rates: rest.rates.map((r, i) => r + region.rates[i]!),
    outages: [],
    bursts: [...rest.bursts, ...region.bursts],
  };
  return { region, service };
}
