import type { ResolvedConfig } from './config';
import { readSlot } from './packed-profile';
import { profilePosition, type ProfilePosition } from './profile-position';
import type { SeriesState } from './series-state';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { max, min } = Math;

// A profile slot is trusted in proportion to the reports behind it: with 20 reports it counts
// half. A quiet service's hourly curve is mostly noise, so it stays close to flat.
const shrinkReports = 20;

/** Days the time-of-day profile remembers: dayMemoryDays, or long enough to hold dayMemoryReports a slot. */
export function dayMemory(s: SeriesState, c: ResolvedConfig): number {
  return max(c.dayMemoryDays, min(365, c.dayMemoryReports / max(s.level * c.slotBuckets, 1e-9)));
}

/** How far the day and week profiles are trusted, 0..1 each. */
export function profileWeights(s: SeriesState, c: ResolvedConfig): { day: number; week: number } {
  const perSlot = s.level * c.slotBuckets;
  const days = min(s.learned / c.bucketsPerDay, dayMemory(s, c));
  const weeks = min(s.weekLearned / c.bucketsPerWeek, c.weekMemoryWeeks);
  const dayReports = perSlot * days;
  const weekReports = perSlot * weeks;
  // A weekly slot is seen once a week: one sighting is half trusted however many reports it had.
  const weekSightings = weeks / (weeks + 1);
  return { day: dayReports / (dayReports + shrinkReports), week: (weekSightings * weekReports) / (weekReports + shrinkReports) };
}

function shrink(value: number, weight: number): number {
  return 1 + (value - 1) * weight;
}

/** Time-of-day multiplier at a position, shrunk toward flat. */
export function dayFactor(s: SeriesState, p: ProfilePosition, weight: number): number {
  return shrink(readSlot(s.dayProfile, p.day0) * (1 - p.frac) + readSlot(s.dayProfile, p.day1) * p.frac, weight);
}

/** Time-of-week ratio at a position, shrunk toward 1. */
export function weekFactor(s: SeriesState, p: ProfilePosition, weight: number): number {
  return shrink(readSlot(s.weekProfile, p.week0) * (1 - p.frac) + readSlot(s.weekProfile, p.week1) * p.frac, weight);
}

/** Expected reports in the whole bucket `index`: level × time of day × time of week, floored. */
export function expectedCount(s: SeriesState, index: number, c: ResolvedConfig): number {
  const p = profilePosition(index, s.bucketMs, s.timeZone, c);
  const w = profileWeights(s, c);
  const value = s.level * dayFactor(s, p, w.day) * weekFactor(s, p, w.week);
  return max(value, c.minReportsPerMinute * c.bucketMinutes);
}
