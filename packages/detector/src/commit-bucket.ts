import type { ResolvedConfig } from './config';
import { cusumIncrement, cusumStep } from './cusum-step';
import { breakHour, windowDispersion } from './dispersion';
import { trackExcursion } from './envelope';
import { isExcluded } from './exclusion';
import { expectedCount } from './expected-count';
import { learnBucket } from './learn-bucket';
import type { OpenOutage } from './outage';
import { historyBlocks, type SeriesState } from './series-state';
import { blockBuckets, foldBlock, writeHistoryBlock } from './two-day-history';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor, max, sqrt } = Math;

/** Ratios are taken over at least one expected report; below that they are mostly noise. */
export const ratioFloorReports = 1;

const round4 = (x: number) => +x.toPrecision(4);

/**
 * Commits a closed bucket to the series' history: scores it into the CUSUM, counts it into an open
 * outage, learns the bucket learnLagMs older, and packs whole hours into the two-day history.
 * `count` null means no data. Updates `s` in place: the caller passes its own draft.
 */
export function commitBucket(s: SeriesState, index: number, count: number | null, problems: Record<string, number> | undefined, c: ResolvedConfig): void {
  // The same expectation the bucket was scored with while it was the current one.
  const expected = s.last !== null && index === s.last + 1 ? s.nextExpected : expectedCount(s, index, c);
  s.recentCounts.push(count ?? -1);
  s.recentExpected.push(round4(expected));
  if (s.recentCounts.length > c.recentBuckets) {
    s.recentCounts.shift();
    s.recentExpected.shift();
  }
  const dispersion = windowDispersion(s, 1, c);
  if (count !== null) {
    // Against the guess of a baseline a new series starts with, the CUSUM would only pile up noise.
    if (s.learned >= c.warmupBuckets) {
      const before = s.cusum;
      const step = cusumStep(s.cusum, s.cusumStart, cusumIncrement(count, expected, dispersion, 1, c), index, c.cusumForget);
      s.cusum = step.cusum;
      s.cusumStart = step.start;
      trackExcursion(s, index, before, c);
    }
    s.reports += count;
    if (s.outage) countIntoOutage(s.outage, index, count, expected, dispersion, problems, s.bucketMs, c);
  }
  learnLagged(s, index, dispersion, c);
  // Spread the week-profile work over the hour: each series learns its oldest block at its own minute.
  if (index % blockBuckets === s.foldMinute) foldBlock(s, floor(index / blockBuckets) - (historyBlocks - 1), c);
  if ((index + 1) % blockBuckets === 0) writeHistoryBlock(s, (index + 1) / blockBuckets - 1, c);
  s.last = index;
  s.nextExpected = round4(expectedCount(s, index + 1, c));
}

function learnLagged(s: SeriesState, index: number, dispersion: number, c: ResolvedConfig): void {
  const pos = s.recentCounts.length - 1 - c.lagBuckets;
  if (pos < 0) return;
  const lagIndex = index - c.lagBuckets;
  const count = s.recentCounts[pos]!;
  if (count >= 0 && isExcluded(s, lagIndex, c)) {
    breakHour(s);
    return;
  }
  learnBucket(s, lagIndex, count < 0 ? null : count, s.recentExpected[pos]!, c, dispersion);
}

function countIntoOutage(
  o: OpenOutage,
  index: number,
  count: number,
  expected: number,
  dispersion: number,
  problems: Record<string, number> | undefined,
  bucketMs: number,
  c: ResolvedConfig,
): void {
  o.reports += count;
  o.expectedReports = round4(o.expectedReports + expected);
  if (count > o.peakCount) {
    o.peakCount = count;
    o.peakExpected = round4(expected);
    o.peakAt = index * bucketMs;
  }
  o.peakRatio = max(o.peakRatio, round4(count / max(expected, ratioFloorReports)));
  // Two standard deviations and the excess ratio: the outage's end is the last bucket clearly above normal.
  if (count >= c.excessRatio * expected && count > expected + 2 * sqrt(expected + expected * expected * dispersion)) {
    o.lastExcessBucket = index;
  }
  for (const [key, n] of Object.entries(problems ?? {})) o.problems[key] = (o.problems[key] ?? 0) + n;
}
