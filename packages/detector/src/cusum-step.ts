import type { ResolvedConfig } from './config';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { log, max, min } = Math;

/**
 * Log-likelihood ratio (nats) of `count` under an outage against the baseline, both negative
 * binomial with dispersion φ: the outage mean is cusumRatio × expected, and at least
 * cusumMinExcessPerMinute more, so that a quiet series looks for a surge it could notice.
 * `fraction` scales both means for a partial bucket.
 */
export function cusumIncrement(count: number, expected: number, dispersion: number, fraction: number, c: ResolvedConfig): number {
  const m0 = expected * fraction;
  if (m0 <= 0) return 0;
  const m1 = max(c.cusumRatio * expected, expected + c.cusumMinExcessPerMinute * c.bucketMinutes) * fraction;
  const r = 1 / dispersion;
  return count * log((m1 * (r + m0)) / (m0 * (r + m1))) + r * log((r + m0) / (r + m1));
}

// Beyond this the statistic says nothing more, and a capped value recovers in finite time.
const cap = 1000;

/**
 * Page's CUSUM step with forgetting: S ← max(0, λS + llr), λ = forget; `start` is the bucket where
 * the current excursion began. Without forgetting, a series whose counts are very overdispersed
 * (each count says little, so each ordinary bucket takes little off) keeps a spike's statistic for
 * days, and every later bucket looks anomalous.
 */
export function cusumStep(cusum: number, start: number | null, increment: number, index: number, forget = 1): { cusum: number; start: number | null } {
  const next = cusum * forget + increment;
  if (next <= 0) return { cusum: 0, start: null };
  return { cusum: min(next, cap), start: cusum > 0 && start !== null ? start : index };
}
