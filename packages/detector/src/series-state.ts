import type { ResolvedConfig } from './config';
import { packProfile } from './packed-profile';
import type { OpenOutage } from './outage';

/** Phases of a series; OutagePhase (shared) plus "normal". */
export type SeriesPhase = 'normal' | 'suspected' | 'outage' | 'recovering' | 'resolved';

export interface PhaseState {
  phase: SeriesPhase;
  /** When the current phase began (ms). */
  since: number;
  /** Last time the score was at or above suspectAt (ms); drives the return from suspected to normal. */
  lastHighAt: number;
}

/**
 * Everything the detector remembers about one series between ticks: plain JSON, about 4–8 KB.
 * Bucket indexes are start / bucketMs. Treat it as opaque; its layout can change with `version`.
 */
export interface SeriesState {
  version: 1;
  bucketMs: number;
  /** IANA zone the profiles are keyed by (local time of week); null keys them by UTC. */
  timeZone: string | null;
  /** Index of the last committed bucket; null before the first. */
  last: number | null;
  /** Buckets learned into the level and day profile, and into the week profile. */
  learned: number;
  weekLearned: number;
  /** Reports committed since the series began. */
  reports: number;
  /** Level factor: expected reports per bucket before the profiles apply (follows trend). */
  level: number;
  /**
   * The same level remembered over days (levelSlowMs): what "normal" was before a holiday, an
   * intake gap or any dip the fast level followed. Absent in states written before it existed.
   */
  levelSlow?: number;
  /** Time-of-day multipliers (slotsPerDay) and time-of-week ratios on top of them (7 × slotsPerDay). */
  dayProfile: string;
  weekProfile: string;
  /** Moment sums for the dispersion at one bucket and at 60 buckets. */
  dispersion: DispersionSums;
  /** The last 60 committed buckets, oldest first: counts (-1 = no data) and the expectation they were scored with. */
  recentCounts: number[];
  recentExpected: number[];
  /** Expected reports in bucket last + 1, so that ticks within a bucket need not read the profiles. */
  nextExpected: number;
  /** Older per-bucket counts, two days of them: 48 packed blocks of 60 buckets, by block index mod 48. */
  history: string[];
  /** Block index held at history[block % 48] for the newest block written. */
  historyBlock: number | null;
  /** Newest block learned into the week profile (-1: none), and the minute of the hour this series learns at. */
  weekFolded: number;
  foldMinute: number;
  /** Page's CUSUM over committed buckets (nats), and the bucket where its current excursion began. */
  cusum: number;
  cusumStart: number | null;
  /**
   * Peak of the CUSUM's current excursion, and the largest excursions of the last weeks as
   * [end bucket, peak] pairs, largest first: how big this series' surges get when nothing is broken.
   * Absent in states written before they existed.
   */
  excursionPeak?: number;
  excursions?: [number, number][];
  /** Bucket intervals [start, end) left out of learning; end null while the outage is open. */
  excluded: [number, number | null][];
  phase: PhaseState;
  outage: OpenOutage | null;
}

/** Moment sums behind the dispersion estimates; see dispersion.ts. */
export interface DispersionSums {
  bucketNum: number;
  bucketDen: number;
  updates: number;
  hourNum: number;
  hourDen: number;
  hourUpdates: number;
  /** The hour being filled: its counts, expectations and number of buckets so far. */
  hourCount: number;
  hourExpected: number;
  hourBuckets: number;
  /**
   * How often a learned bucket's own upper tail was below 1e-2 and below 1e-3 (running shares), and
   * how many buckets fed them: the measure of how heavy the series' tails really are. Absent in
   * states written before it existed.
   */
  tail2?: number;
  tail3?: number;
  tailUpdates?: number;
}

export const historyBlocks = 48;

/** What the tail shares would be if the negative binomial were exactly right. */
export const nominalTail2 = 0.01;
export const nominalTail3 = 0.001;

/** A fresh state for a series with no history: the prior rate and flat profiles. */
export function createSeriesState(config: ResolvedConfig, timeZone: string | null = null, foldMinute = 0): SeriesState {
  const prior = Math.max(config.priorReportsPerMinute * config.bucketMinutes, 1e-6);
  return {
    version: 1,
    bucketMs: config.bucketMs,
    timeZone,
    last: null,
    learned: 0,
    weekLearned: 0,
    reports: 0,
    level: prior,
    levelSlow: prior,
    dayProfile: packProfile(new Array<number>(config.slotsPerDay).fill(1)),
    weekProfile: packProfile(new Array<number>(7 * config.slotsPerDay).fill(1)),
    dispersion: {
      bucketNum: 0,
      bucketDen: 0,
      updates: 0,
      hourNum: 0,
      hourDen: 0,
      hourUpdates: 0,
      hourCount: 0,
      hourExpected: 0,
      hourBuckets: 0,
      tail2: 0.01,
      tail3: 0.001,
      tailUpdates: 0,
    },
    recentCounts: [],
    recentExpected: [],
    nextExpected: prior,
    history: new Array<string>(historyBlocks).fill(''),
    historyBlock: null,
    weekFolded: -1,
    foldMinute,
    cusum: 0,
    cusumStart: null,
    excursionPeak: 0,
    excursions: [],
    excluded: [],
    phase: { phase: 'normal', since: 0, lastHighAt: 0 },
    outage: null,
  };
}

/**
 * A copy that the commit and phase steps may change without touching the caller's state. Only
 * what they change in place is copied; arrays they replace (history, excluded) are shared.
 * Field by field rather than a spread: this runs for every series on every closing tick, and a
 * literal of fixed shape is several times cheaper for the engine than copying by enumeration.
 */
export function draftOf(state: SeriesState): SeriesState {
  const o = state.outage;
  const d = state.dispersion;
  return {
    version: state.version,
    bucketMs: state.bucketMs,
    timeZone: state.timeZone,
    last: state.last,
    learned: state.learned,
    weekLearned: state.weekLearned,
    reports: state.reports,
    level: state.level,
    levelSlow: state.levelSlow ?? state.level,
    dayProfile: state.dayProfile,
    weekProfile: state.weekProfile,
    dispersion: {
      bucketNum: d.bucketNum,
      bucketDen: d.bucketDen,
      updates: d.updates,
      hourNum: d.hourNum,
      hourDen: d.hourDen,
      hourUpdates: d.hourUpdates,
      hourCount: d.hourCount,
      hourExpected: d.hourExpected,
      hourBuckets: d.hourBuckets,
      tail2: d.tail2 ?? nominalTail2,
      tail3: d.tail3 ?? nominalTail3,
      tailUpdates: d.tailUpdates ?? 0,
    },
    recentCounts: state.recentCounts.slice(),
    recentExpected: state.recentExpected.slice(),
    nextExpected: state.nextExpected,
    history: state.history,
    historyBlock: state.historyBlock,
    weekFolded: state.weekFolded,
    foldMinute: state.foldMinute,
    cusum: state.cusum,
    cusumStart: state.cusumStart,
    excursionPeak: state.excursionPeak ?? 0,
    excursions: state.excursions ?? [],
    excluded: state.excluded,
    phase: state.phase,
    outage: o === null ? null : { ...o, problems: { ...o.problems }, regions: o.regions.slice() },
  };
}
