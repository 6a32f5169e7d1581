import type { OutagePhase } from '@outage-radar/shared';
import { toProblemMix, type OpenOutage, type Outage, type SeriesRegion } from './outage';
import { toServiceStatus } from './to-service-status';

/** The series an outage belongs to. */
export interface SeriesMeta {
  key: string;
  service: string;
  region: SeriesRegion | null;
}

/** Reports and problem counts of buckets not committed yet (the current minute). */
export interface ProvisionalExtra {
  reports: number;
  problems: Record<string, number>;
}

/** The persisted and pushed form of an open (or just closed) outage. */
export function toOutage(
  o: OpenOutage,
  meta: SeriesMeta,
  phase: OutagePhase,
  endedAt: number | null,
  resolvedAt: number | null,
  extra: ProvisionalExtra,
): Outage {
  const problems = { ...o.problems };
  for (const [k, n] of Object.entries(extra.problems)) problems[k] = (problems[k] ?? 0) + n;
  return {
    id: o.id,
    series: meta.key,
    service: meta.service,
    region: meta.region,
    phase,
    status: toServiceStatus(phase),
    startedAt: o.startedAt,
    detectedAt: o.detectedAt,
    updatedAt: o.updatedAt,
    endedAt,
    resolvedAt,
    peakCount: o.peakCount,
    peakExpected: o.peakExpected,
    peakRatio: o.peakRatio,
    peakAt: o.peakAt,
    reports: o.reports + extra.reports,
    expectedReports: o.expectedReports,
    problemMix: toProblemMix(problems),
    regions: o.regions.slice(),
  };
}
