import type { ResolvedConfig } from './config';
import { isExcluded } from './exclusion';
import { profileWeights } from './expected-count';
import { isImplausibleZero } from './learn-bucket';
import { localOffsetMs, timeOfWeekMs } from './local-time';
import { readSlot, writeSlot } from './packed-profile';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor, max, min, sqrt } = Math;

const dayMs = 86_400_000;

/**
 * Learns a block of two-day-old buckets into the time-of-week profile (the ratio of each slot to
 * the time-of-day profile). Learning this late means an outage, however long or back-dated, has
 * long been marked and is left out. Updates `s` in place (a draft).
 */
export function learnWeek(s: SeriesState, firstIndex: number, counts: readonly (number | null)[], c: ResolvedConfig): void {
  const dayWeight = profileWeights(s, c).day;
  const slotMs = dayMs / c.slotsPerDay;
  const weekSlots = 7 * c.slotsPerDay;
  // One offset for the block: a daylight-saving change inside one hour shifts at most one hour's learning.
  const offset = localOffsetMs(s.timeZone, firstIndex * s.bucketMs);
  const weeks = floor(s.weekLearned / c.bucketsPerWeek);
  const a = max(1 / (weeks + 1), 1 / c.weekMemoryWeeks);
  let slot = -1;
  let expected = 0;
  let ratio = 0;
  let n = 0;
  const flush = () => {
    if (n === 0) return;
    const old = readSlot(s.weekProfile, slot);
    // A slot seen in part (a gap, an outage) moves in proportion to the part seen.
    const step = a * min(1, n / c.slotBuckets);
    s.weekProfile = writeSlot(s.weekProfile, slot, min(20, max(0.05, old + step * (ratio / n - old))));
    s.weekLearned += n;
  };
  for (let i = 0; i < counts.length; i++) {
    const index = firstIndex + i;
    const at = (index + 0.5) * s.bucketMs;
    const bucketSlot = floor(timeOfWeekMs(at, offset) / slotMs) % weekSlots;
    if (bucketSlot !== slot) {
      flush();
      slot = bucketSlot;
      ratio = 0;
      n = 0;
      // Slot-level expectation from the time-of-day profile: the ratio is what the week adds to it.
      expected = max(s.level * (1 + (readSlot(s.dayProfile, slot % c.slotsPerDay) - 1) * dayWeight), 1e-9);
    }
    const count = counts[i];
    if (count === null || count === undefined || isExcluded(s, index, c) || isImplausibleZero(count, expected, 0.05)) continue;
    // Clip like learnBucket does, so one burst does not bend a slot for a month.
    const sd = sqrt(expected + expected * expected * 0.05);
    ratio += min(max(count, expected - 3 * sd), expected + 3 * sd) / expected;
    n += 1;
  }
  flush();
}
