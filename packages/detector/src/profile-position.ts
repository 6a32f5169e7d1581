import type { ResolvedConfig } from './config';
import { localOffsetMs, timeOfWeekMs } from './local-time';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { floor } = Math;

const dayMs = 86_400_000;

/** Where a bucket falls in the profiles: neighbouring slots and interpolation weights. */
export interface ProfilePosition {
  day0: number;
  day1: number;
  week0: number;
  week1: number;
  /** Weight of slot 1 (the later one); slot 0 gets 1 - frac. */
  frac: number;
  /** Nearest slots, which learning updates. */
  dayNearest: number;
  weekNearest: number;
  /** Buckets since the nearest slot began (running-mean weights while a profile is new). */
  offsetInSlot: number;
}

/** Profile slots around the middle of bucket `index`, in the series' local time. */
export function profilePosition(index: number, bucketMs: number, timeZone: string | null, c: ResolvedConfig): ProfilePosition {
  const mid = (index + 0.5) * bucketMs;
  const tow = timeOfWeekMs(mid, localOffsetMs(timeZone, mid));
  const slotMs = dayMs / c.slotsPerDay;
  const weekSlots = 7 * c.slotsPerDay;
  // Slot values sit at slot centres; interpolating between them smooths the profile over time.
  const u = tow / slotMs - 0.5;
  const base = floor(u);
  const frac = u - base;
  const week0 = (base + weekSlots) % weekSlots;
  const week1 = (base + 1) % weekSlots;
  const weekNearest = floor(tow / slotMs) % weekSlots;
  return {
    day0: week0 % c.slotsPerDay,
    day1: week1 % c.slotsPerDay,
    week0,
    week1,
    frac,
    dayNearest: weekNearest % c.slotsPerDay,
    weekNearest,
    offsetInSlot: floor((tow - weekNearest * slotMs) / bucketMs),
  };
}
