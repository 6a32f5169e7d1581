import type { OutagePhase, ProblemShare, Region, ServiceStatus } from '@outage-radar/shared';

/** A region series: a country (ISO code) or a network (AS number, e.g. "AS55836"); the spellings are shared's region codec. */
export type SeriesRegion = Region;

/** What a series remembers about its open outage between ticks. Times in ms. */
export interface OpenOutage {
  id: string;
  /** Back-dated to the start of the bucket where the excess began. */
  startedAt: number;
  detectedAt: number;
  updatedAt: number;
  /** Largest committed bucket: its count, its expectation, count / expectation, its start. */
  peakCount: number;
  peakExpected: number;
  peakRatio: number;
  peakAt: number;
  /** Committed reports since startedAt, and what the baseline expected over the same buckets. */
  reports: number;
  expectedReports: number;
  /** Index of the last committed bucket clearly above the baseline; the outage ends after it. */
  lastExcessBucket: number;
  /** Committed reports per problem key since detection (earlier buckets were counted without keys). */
  problems: Record<string, number>;
  /** For a whole-service series: the region series of the same service with an outage open. */
  regions: SeriesRegion[];
}

/** The outage as the worker persists and pushes it. Times in ms since the epoch. */
export interface Outage {
  id: string;
  series: string;
  service: string;
  /** null for the whole-service series. */
  region: SeriesRegion | null;
  phase: OutagePhase;
  status: ServiceStatus;
  startedAt: number;
  detectedAt: number;
  updatedAt: number;
  /** End of the last bucket in excess; set once resolved. */
  endedAt: number | null;
  resolvedAt: number | null;
  peakCount: number;
  peakExpected: number;
  peakRatio: number;
  peakAt: number;
  reports: number;
  expectedReports: number;
  problemMix: ProblemShare[];
  regions: SeriesRegion[];
}

/** opened: a new outage; updated: phase, peak, counts or regions changed; resolved: it is over. */
export interface Transition {
  kind: 'opened' | 'updated' | 'resolved';
  outage: Outage;
}

/** Shares of each problem key, largest first, percent rounded to one decimal. */
export function toProblemMix(problems: Record<string, number>): ProblemShare[] {
  const total = Object.values(problems).reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  return Object.entries(problems)
    .filter(([, count]) => count > 0)
    .map(([problem, count]) => ({ problem, count, percent: Math.round((count / total) * 1000) / 10 }))
    .sort((a, b) => b.count - a.count || a.problem.localeCompare(b.problem));
}
