import type { ResolvedConfig } from './config';
import { breakHour, learnDispersion, windowDispersion } from './dispersion';
import { dayFactor, dayMemory, profileWeights, weekFactor } from './expected-count';
import { readSlot, writeSlot } from './packed-profile';
import { profilePosition } from './profile-position';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor, log, log1p, max, min, sqrt } = Math;

/**
 * A zero where zero has less than a 1 in 1000 chance is lost intake (API down, queue stalled), not
 * a quiet minute: learning it would drag the baseline down and make the next busy minute look like an outage.
 */
export function isImplausibleZero(count: number, expected: number, dispersion: number): boolean {
  return count === 0 && -log1p(expected * dispersion) / dispersion < log(1e-3);
}

// Outliers move the baseline by at most this many standard deviations: a viral burst that never
// became an outage still leaves the level almost where it was.
const clipSd = 3;

/**
 * Learns one bucket into the level, the time-of-day profile and the dispersion. `expected` is what
 * the bucket was scored with, `dispersion` the current one-bucket φ (computed if not given).
 * `count` null (no data) skips the bucket. Updates `s` in place (a draft).
 */
export function learnBucket(
  s: SeriesState,
  index: number,
  count: number | null,
  expected: number,
  c: ResolvedConfig,
  dispersion = windowDispersion(s, 1, c),
): void {
  const warm = s.learned >= c.warmupBuckets;
  if (count === null || isImplausibleZero(count, expected, dispersion)) {
    breakHour(s);
    return;
  }
  const sd = sqrt(expected + expected * expected * dispersion);
  // Until the baseline has seen a little history it is a guess: learn from the raw count.
  const x = warm ? min(max(count, expected - clipSd * sd), expected + clipSd * sd) : count;
  if (warm) learnDispersion(s, count, expected, max(-4 * sd, min(4 * sd, count - expected)), dispersion, c);

  const p = profilePosition(index, s.bucketMs, s.timeZone, c);
  const w = profileWeights(s, c);
  const day = dayFactor(s, p, w.day);
  const week = weekFactor(s, p, w.week);

  // Level: a running mean at first, then an EWMA over levelMemoryMs (longer for quiet series, so
  // that it always averages levelMemoryReports reports).
  const memory = max(c.levelMemoryMs / c.bucketMs, c.levelMemoryReports / max(s.level, 1e-9));
  const aLevel = max(1 / (s.learned + c.priorWeightMinutes / c.bucketMinutes + 1), 1 / memory);
  s.level = max(1e-9, s.level + aLevel * (x / (day * week) - s.level));
  const slow = s.levelSlow ?? s.level;
  const aSlow = max(1 / (s.learned + c.priorWeightMinutes / c.bucketMinutes + 1), c.bucketMs / c.levelSlowMs);
  s.levelSlow = max(1e-9, slow + aSlow * (x / (day * week) - slow));

  // Time-of-day slot: a running mean over its first visits (the flat prior counting as one), then
  // an EWMA over dayMemory. Bounded: no slot is expected to be 20 times quieter or busier than
  // the level, so one bad hour on the first day cannot zero a slot for good.
  const visits = floor(s.learned / c.bucketsPerDay) * c.slotBuckets + p.offsetInSlot;
  const aDay = max(1 / (visits + 2), 1 / (dayMemory(s, c) * c.slotBuckets));
  const slot = readSlot(s.dayProfile, p.dayNearest);
  const target = x / (s.level * week);
  s.dayProfile = writeSlot(s.dayProfile, p.dayNearest, min(20, max(0.05, slot + aDay * (target - slot))));
  s.learned += 1;
}
