import type { ServiceStatus } from '@outage-radar/shared';
import type { SeriesRegion, Transition } from './outage';
import type { SeriesPhase, SeriesState } from './series-state';

// What a tick takes in and gives back, apart from tick() itself, so that the per-series step can
// use the same shapes without importing the module that calls it.

/** Reports counted in one bucket. `count` null means no data (intake was down), not zero reports. */
export interface BucketObservation {
  /** Bucket start, ms since the epoch, a multiple of bucketMs. */
  start: number;
  count: number | null;
  /** Reports per problem key in the bucket, when known. */
  problems?: Readonly<Record<string, number>>;
}

/** One series' counts for a tick: the current (partial) bucket and any closed ones not yet committed. */
export interface SeriesObservation {
  service: string;
  /** Absent or null for the whole-service series. */
  region?: SeriesRegion | null;
  /** IANA zone whose local time the profiles follow; read once, when the series is first seen. */
  timeZone?: string | null;
  /** Buckets absent between the last committed one and now count as zero reports. */
  buckets: readonly BucketObservation[];
}

/** What a series looks like after a tick, for charts and status. */
export interface SeriesReading {
  series: string;
  service: string;
  region: SeriesRegion | null;
  phase: SeriesPhase;
  status: ServiceStatus;
  score: number;
  /** Expected reports in the whole current bucket, and the top of the normal band. */
  expected: number;
  expectedHigh: number;
  /** Buckets committed by this tick, with the baseline each was scored against. */
  committed: { start: number; count: number | null; expected: number }[];
}

export interface TickResult {
  /** Every input state, plus new series. Unchanged states are the very objects passed in. */
  states: Record<string, SeriesState>;
  transitions: Transition[];
  readings: SeriesReading[];
}
