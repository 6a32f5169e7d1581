import type { ResolvedConfig } from './config';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { max, min, pow } = Math;

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
}

export function dispersionModel(s: SeriesState, c: ResolvedConfig): DispersionModel {
  const d = s.dispersion;
  const perBucket = estimate(d.bucketNum, d.bucketDen, min(d.updates, c.bucketsPerDay), priorBucket);
  const perHour = estimate(d.hourNum, d.hourDen, min(d.hourUpdates, 168), priorHour);
  const noise = max(0, ((perBucket - perHour) * 60) / 59);
  const baseline = max(0, perHour - noise / 60);
  // A new series's baseline is a guess: widen it, halving the extra with every half-life of history.
  const age = (s.learned * c.bucketMs) / c.newSeriesHalfLifeMs;
  return { baseline, noise, youth: c.newSeriesDispersion * pow(2, -age) };
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
export function learnDispersion(s: SeriesState, count: number, expected: number, residual: number, c: ResolvedConfig): void {
  const d = s.dispersion;
  const a = max(1 / (d.updates + 1), 1 / c.bucketsPerDay);
  d.bucketNum += a * (residual * residual - count - d.bucketNum);
  d.bucketDen += a * (expected * expected - d.bucketDen);
  d.updates += 1;
  d.hourCount += count;
  d.hourExpected += expected;
  d.hourBuckets += 1;
  if (d.hourBuckets >= 60) {
    const r = d.hourCount - d.hourExpected;
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
