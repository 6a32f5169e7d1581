import { ratioFloorReports } from './commit-bucket';
import type { OpenOutage } from './outage';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { max, min } = Math;

/**
 * Opens an outage on the draft, back-dated to `startIndex` (where the excess began): counts the
 * committed buckets since then and leaves them out of learning from now on.
 */
export function openOutage(s: SeriesState, id: string, startIndex: number, at: number, committedProblems: Record<string, number>): OpenOutage {
  const last = s.last ?? startIndex - 1;
  const n = s.recentCounts.length;
  const o: OpenOutage = {
    id,
    startedAt: startIndex * s.bucketMs,
    detectedAt: at,
    updatedAt: at,
    peakCount: 0,
    peakExpected: 0,
    peakRatio: 0,
    peakAt: startIndex * s.bucketMs,
    reports: 0,
    expectedReports: 0,
    lastExcessBucket: max(startIndex, last),
    problems: { ...committedProblems },
    regions: [],
  };
  for (let i = 0; i < n; i++) {
    const index = last - (n - 1 - i);
    const count = s.recentCounts[i]!;
    if (index < startIndex || count < 0) continue;
    const expected = s.recentExpected[i]!;
    o.reports += count;
    o.expectedReports += expected;
    if (count > o.peakCount) {
      o.peakCount = count;
      o.peakExpected = expected;
      o.peakAt = index * s.bucketMs;
    }
    o.peakRatio = max(o.peakRatio, count / max(expected, ratioFloorReports));
  }
  o.expectedReports = Number(o.expectedReports.toPrecision(4));
  o.peakRatio = Number(o.peakRatio.toPrecision(4));
  s.excluded = [...s.excluded, [min(startIndex, last + 1), null]];
  s.outage = o;
  return o;
}

/** Closes the draft's outage: its buckets stay out of learning, the CUSUM starts afresh. Returns when the excess ended. */
export function closeOutage(s: SeriesState): number {
  const o = s.outage;
  if (!o) return 0;
  const end = (s.last ?? 0) + 1;
  s.excluded = s.excluded.map(([a, b]) => (b === null ? [a, end] : [a, b]));
  s.cusum = 0;
  s.cusumStart = null;
  s.outage = null;
  return max(o.startedAt, (o.lastExcessBucket + 1) * s.bucketMs);
}
