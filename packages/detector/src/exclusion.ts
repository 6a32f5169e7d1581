import type { ResolvedConfig } from './config';
import type { SeriesState } from './series-state';

/** True when bucket `index` belongs to an outage (and so must not be learned). */
export function isExcluded(s: SeriesState, index: number, c: ResolvedConfig): boolean {
  for (const [start, end] of s.excluded) {
    // After maxExcludeMs an outage's buckets are learned again: a lasting new level is the new normal.
    if (index >= start && (end === null || index < end) && index - start < c.maxExcludeBuckets) return true;
  }
  return false;
}

/** Drops intervals that ended before anything still in history. Updates `s` in place (a draft). */
export function pruneExcluded(s: SeriesState, oldestIndex: number): void {
  if (s.excluded.some(([, end]) => end !== null && end <= oldestIndex)) s.excluded = s.excluded.filter(([, end]) => end === null || end > oldestIndex);
}
