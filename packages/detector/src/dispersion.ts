import type { ResolvedConfig } from './config';
import { nbLogTail } from './nb-tail';
import { nominalTail2, nominalTail3, type SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { log, max, min, pow, sqrt } = Math;

// Overdispersion is measured at two scales, one bucket and 60 buckets, with the method of moments
// (E[(x - m)² - x] = φ m² for a negative binomial). Their difference separates noise that averages
// out over a window (φ per bucket, divided by the window length) from baseline error that does not.

const priorBucket = { dispersion: 0.05, weight: 120 };
const priorHour = { dispersion: 0.02, weight: 24 };

function estimate(num: number, den: number, updates: number, prior: { dispersion: number; weight: number }): number {
  const raw = den > 0 ? max(0, num / den) : prior.dispersion;
  return (raw * updates + prior.dispersion * prior.weight) / (updates + prior.weight);
}

/** The two parts of the dispersion, and the extra a young series gets. */
export interface DispersionModel {
  /** Baseline error: does not shrink with the window. */
  baseline: number;
  /** Noise of one bucket: divided by the window length. */
  noise: number;
  youth: number;
  /**
   * Power k ≤ 1 that calibrates the model's tail probabilities to the series' own history: p^k.
   * 1 when the negative binomial is right; smaller when outliers come more often than it says.
   */
  tailPower: number;
}

// Tail shares are running means over at least this many learned buckets (two weeks of minutes,
// or of hourly buckets at least a thousand), started from the nominal shares as if this many had been seen.
const tailMemoryDays = 14;
const tailMemoryBuckets = 1000;
const tailPriorBuckets = 300;
/** Never calibrate a tail below this power: a series that noisy is judged on effect size alone. */
const minTailPower = 0.3;

/** The calibrating power from the shares of learned buckets past 1e-2 and 1e-3: k = ln(share) / ln(nominal). */
export function tailPower(d: SeriesState['dispersion']): number {
  const k2 = log(nominalTail2) / log(max(d.tail2 ?? nominalTail2, nominalTail2));
  const k3 = log(nominalTail3) / log(max(d.tail3 ?? nominalTail3, nominalTail3));
  return max(minTailPower, min(1, 1 / k2, 1 / k3));
}

export function dispersionModel(s: SeriesState, c: ResolvedConfig): DispersionModel {
  const d = s.dispersion;
  const perBucket = estimate(d.bucketNum, d.bucketDen, min(d.updates, c.bucketsPerDay), priorBucket);
  const perHour = estimate(d.hourNum, d.hourDen, min(d.hourUpdates, 168), priorHour);
  const noise = max(0, ((perBucket - perHour) * 60) / 59);
  const baseline = max(0, perHour - noise / 60);
  // A new series's baseline is a guess: widen it, halving the extra with every half-life of history.
  const age = (s.learned * c.bucketMs) / c.newSeriesHalfLifeMs;
  return { baseline, noise, youth: c.newSeriesDispersion * pow(2, -age), tailPower: tailPower(d) };
}

/** φ for a window of `buckets` buckets (may be fractional) under a dispersion model. */
export function dispersionOver(m: DispersionModel, buckets: number, c: ResolvedConfig): number {
  return max(c.minDispersion, m.baseline + m.noise / max(1, buckets)) + m.youth;
}

/** Dispersion φ of the negative binomial for a window of `buckets` buckets (may be fractional). */
export function windowDispersion(s: SeriesState, buckets: number, c: ResolvedConfig): number {
  return dispersionOver(dispersionModel(s, c), buckets, c);
}

/**
 * Adds one learned bucket's residual to the dispersion sums (count, the expectation it was scored
 * with, and the clipped residual). Updates `s` in place: it is the caller's draft.
 */
export function learnDispersion(s: SeriesState, count: number, expected: number, residual: number, dispersion: number, c: ResolvedConfig): void {
  const d = s.dispersion;
  learnTail(d, count, expected, dispersion, c);
  const a = max(1 / (d.updates + 1), 1 / c.bucketsPerDay);
  d.bucketNum += a * (residual * residual - count - d.bucketNum);
  d.bucketDen += a * (expected * expected - d.bucketDen);
  d.updates += 1;
  d.hourCount += count;
  d.hourExpected += expected;
  d.hourBuckets += 1;
  if (d.hourBuckets >= 60) {
    // Winsorized at 3 standard deviations of the hour as currently modelled: an hour holding a
    // burst says how big bursts get (the burst model's job), not how far off the baseline is.
    const phi = estimate(d.hourNum, d.hourDen, min(d.hourUpdates, 168), priorHour);
    const sdHour = sqrt(d.hourExpected + d.hourExpected * d.hourExpected * phi);
    const r = max(-3 * sdHour, min(3 * sdHour, d.hourCount - d.hourExpected));
    // A week of hours: long enough to be steady, short enough to follow a service that grows.
    const ah = max(1 / (d.hourUpdates + 1), 1 / 168);
    d.hourNum += ah * (r * r - d.hourCount - d.hourNum);
    d.hourDen += ah * (d.hourExpected * d.hourExpected - d.hourDen);
    d.hourUpdates += 1;
    d.hourCount = 0;
    d.hourExpected = 0;
    d.hourBuckets = 0;
  }
}

/** Forgets a partly filled hour (a gap or an excluded bucket broke it). */
export function breakHour(s: SeriesState): void {
  s.dispersion.hourCount = 0;
  s.dispersion.hourExpected = 0;
  s.dispersion.hourBuckets = 0;
}

/**
 * Adds one learned bucket to the tail shares. The exact tail is computed only for counts more than
 * two standard deviations high: below that a negative binomial tail is above 1e-2 anyway.
 */
function learnTail(d: SeriesState['dispersion'], count: number, expected: number, dispersion: number, c: ResolvedConfig): void {
  const updates = d.tailUpdates ?? 0;
  const a = max(1 / (updates + tailPriorBuckets), 1 / max(tailMemoryBuckets, tailMemoryDays * c.bucketsPerDay));
  const sd = sqrt(expected + expected * expected * dispersion);
  const lp = count - expected > 2 * sd ? nbLogTail(count, expected, dispersion) : 0;
  d.tail2 = (d.tail2 ?? nominalTail2) + a * ((lp <= logTail2 ? 1 : 0) - (d.tail2 ?? nominalTail2));
  d.tail3 = (d.tail3 ?? nominalTail3) + a * ((lp <= logTail3 ? 1 : 0) - (d.tail3 ?? nominalTail3));
  d.tailUpdates = updates + 1;
}

const logTail2 = log(nominalTail2);
const logTail3 = log(nominalTail3);
