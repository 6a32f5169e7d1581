import type { ResolvedConfig } from './config';
import type { SeriesState } from './series-state';

// Past excursions kept: a few more than the rank looked at, so that ageing one out leaves the next.
const kept = 8;
// Excursions smaller than this (nats) are everyday noise and not worth a place.
const smallest = 3;

/**
 * Follows the CUSUM's excursions after each committed bucket: the peak of the current one, and
 * when it returns to zero, its place among the largest of the last envelopeMs. Updates `s` in place.
 */
export function trackExcursion(s: SeriesState, index: number, before: number, c: ResolvedConfig): void {
  if (s.cusum > 0) {
    s.excursionPeak = Math.max(s.excursionPeak ?? 0, s.cusum);
    return;
  }
  if (before <= 0) return;
  const peak = s.excursionPeak ?? 0;
  s.excursionPeak = 0;
  if (peak < smallest) return;
  const recent = (s.excursions ?? []).filter(([end]) => end > index - c.envelopeBuckets);
  recent.push([index, Math.round(peak * 100) / 100]);
  recent.sort((a, b) => b[1] - a[1]);
  s.excursions = recent.slice(0, kept);
}

/** The CUSUM an outage must exceed to open at bucket `index`: the envelopeRank-th largest recent excursion, or 0. */
export function envelopeAt(s: SeriesState, index: number, c: ResolvedConfig): number {
  let rank = 0;
  for (const [end, peak] of s.excursions ?? []) {
    if (end <= index - c.envelopeBuckets) continue;
    if (++rank === c.envelopeRank) return peak;
  }
  return 0;
}
