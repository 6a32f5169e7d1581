import type { CatalogueEntry, Locale } from './catalogue';

/** What people see: the three states they know from status sites. */
export type ServiceStatus = 'ok' | 'possible' | 'problems';

/** Inside the detector an outage moves through these phases; see packages/detector. */
export type OutagePhase = 'suspected' | 'outage' | 'recovering' | 'resolved';

/** One bucket of a service's series. Times are ISO 8601 UTC. */
export interface BucketCount {
  bucketStart: string;
  /** Problem reports in the bucket. */
  count: number;
  /** "Works for me" answers in the bucket, counted apart. */
  working: number;
  /** Expected problem reports for this bucket (baseline); null while it is not known yet. */
  baseline: number | null;
  /** Upper edge of the normal band around the baseline. */
  baselineHigh: number | null;
  /** True when an outage was open during the bucket (for chart shading). */
  duringOutage: boolean;
}

export interface ServiceSummary extends Omit<CatalogueEntry, 'website'> {
  website: string | null;
  status: ServiceStatus;
  reportsLastHour: number;
  /** Problem reports per hour over the last 24 hours, oldest first (24 values). */
  sparkline: number[];
  /** When the current outage began, if there is one. */
  outageSince: string | null;
}

export interface ProblemShare {
  problem: string;
  count: number;
  /** Share of the problem reports, 0..100, rounded to one decimal. */
  percent: number;
}

export interface LocationCount {
  /** City name when known, else a country code. */
  name: string;
  country: string | null;
  count: number;
}

export interface ServiceDetail extends ServiceSummary {
  bucketMinutes: number;
  /** The last 24 hours, oldest first. */
  buckets: BucketCount[];
  problemBreakdown: ProblemShare[];
  topLocations: LocationCount[];
  workingLastHour: number;
  /** Reports of the last 24 hours stored but not counted: too many from one network prefix or user agent. */
  filteredLastDay: number;
  currentOutage: OutageView | null;
  related: Pick<ServiceSummary, 'slug' | 'name' | 'status'>[];
}

export interface OutageRegion {
  kind: 'global' | 'country' | 'network';
  /** Country code for `country`, AS number for `network`, null for `global`. */
  code: string | null;
  /** Network or country name when known. */
  label: string | null;
}

export interface OutageCluster {
  /** H3 cell index (resolution in the API docs). */
  cell: string;
  lat: number;
  lon: number;
  count: number;
  expected: number;
  /** count / max(expected, floor): how far above normal the cell is. */
  ratio: number;
  city: string | null;
  country: string | null;
}

export interface OutageView {
  id: string;
  service: string;
  serviceName: string;
  region: OutageRegion;
  phase: OutagePhase;
  /** What people are shown for `phase`: always `toServiceStatus(phase)`. */
  status: ServiceStatus;
  /** Back-dated to when the excess began. */
  startedAt: string;
  detectedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Reports per minute at the peak: problem reports in the outage's busiest one-minute bucket so far. */
  peakCount: number;
  /** The largest reports / expected of any one minute of the outage. */
  peakRatio: number;
  reportsLastHour: number;
  problemMix: ProblemShare[];
  clusters: OutageCluster[];
  incidentId: string | null;
}

export interface IncidentView {
  id: string;
  name: string;
  owner: string | null;
  startedAt: string;
  resolvedAt: string | null;
  services: string[];
  outageIds: string[];
}

export interface OutagesResponse {
  outages: OutageView[];
  incidents: IncidentView[];
}

/** A report just counted, as pushed to the map (coarse place only). */
export interface CountedReport {
  service: string;
  problem: string;
  at: string;
  cell: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

/** Recent activity of one map cell (reports in the last hour). */
export interface CellActivity {
  cell: string;
  lat: number;
  lon: number;
  count: number;
  /** Services with the most reports in the cell, most first. */
  services: { slug: string; count: number }[];
}

export type { Locale };
