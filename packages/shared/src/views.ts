import { z } from 'zod';
import { CatalogueEntry, Slug } from './catalogue';

// What the API answers and the web app reads. Each shape is one zod schema and its inferred type:
// the OpenAPI document is built from these schemas, and the API's tests check its answers against them.

/** What people see: the three states they know from status sites. */
export const ServiceStatus = z
  .enum(['ok', 'possible', 'problems'])
  .describe(
    "from an outage phase (a service takes its worst open outage's): outage → problems; suspected or recovering → possible; no outage or resolved → ok",
  );
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** Inside the detector an outage moves through these phases; see packages/detector. */
export const OutagePhase = z.enum(['suspected', 'outage', 'recovering', 'resolved']);
export type OutagePhase = z.infer<typeof OutagePhase>;

/** One bucket of a service's series. Times are ISO 8601 UTC. */
export const BucketCount = z.object({
  bucketStart: z.iso.datetime(),
  count: z.number().int().describe('problem reports in the bucket'),
  working: z.number().int().describe('"works for me" answers in the bucket, counted apart'),
  baseline: z.number().nullable().describe('expected problem reports for this bucket; null while not known yet'),
  baselineHigh: z.number().nullable().describe('upper edge of the normal band around the baseline'),
  duringOutage: z.boolean().describe('an outage was open during the bucket (for chart shading)'),
});
export type BucketCount = z.infer<typeof BucketCount>;

export const ServiceSummary = CatalogueEntry.omit({ website: true }).extend({
  website: z.string().nullable(),
  status: ServiceStatus,
  reportsLastHour: z.number().int(),
  sparkline: z.array(z.number().int()).length(24).describe('problem reports per hour over the last 24 hours, oldest first'),
  outageSince: z.iso.datetime().nullable().describe('when the current outage began, if there is one'),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

export const ProblemShare = z.object({
  problem: z.string(),
  count: z.number().int(),
  percent: z.number().describe('share of the problem reports, 0..100, rounded to one decimal'),
});
export type ProblemShare = z.infer<typeof ProblemShare>;

export const LocationCount = z.object({
  name: z.string().describe('city name when known, else a country code'),
  country: z.string().nullable(),
  count: z.number().int(),
});
export type LocationCount = z.infer<typeof LocationCount>;

export const OutageRegion = z.object({
  kind: z.enum(['global', 'country', 'network']),
  code: z.string().nullable().describe('country code for country, AS number for network, null for global'),
  label: z.string().nullable().describe('network or country name when known'),
});
export type OutageRegion = z.infer<typeof OutageRegion>;

export const OutageCluster = z.object({
  cell: z.string().describe('H3 cell index'),
  lat: z.number(),
  lon: z.number(),
  count: z.number(),
  expected: z.number(),
  ratio: z.number().describe('count / max(expected, floor): how far above normal the cell is'),
  city: z.string().nullable(),
  country: z.string().nullable(),
});
export type OutageCluster = z.infer<typeof OutageCluster>;

export const OutageView = z.object({
  id: z.uuid(),
  service: Slug,
  serviceName: z.string(),
  region: OutageRegion,
  phase: OutagePhase,
  status: ServiceStatus.describe('what people are shown for phase: always toServiceStatus(phase)'),
  startedAt: z.iso.datetime().describe('back-dated to when the excess began'),
  detectedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  peakCount: z.number().int().describe('reports per minute at the peak: problem reports in the busiest one-minute bucket of the outage so far'),
  peakRatio: z.number().describe('the largest reports / expected of any one minute of the outage (expected taken as at least 1)'),
  reportsLastHour: z.number().int(),
  problemMix: z.array(ProblemShare),
  clusters: z.array(OutageCluster),
  incidentId: z.uuid().nullable(),
});
export type OutageView = z.infer<typeof OutageView>;

export const IncidentView = z.object({
  id: z.uuid(),
  name: z.string(),
  owner: z.string().nullable(),
  startedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  services: z.array(Slug),
  outageIds: z.array(z.uuid()),
});
export type IncidentView = z.infer<typeof IncidentView>;

export const ServiceDetail = ServiceSummary.extend({
  bucketMinutes: z.number().int(),
  buckets: z.array(BucketCount).describe('the last 24 hours, oldest first'),
  problemBreakdown: z.array(ProblemShare),
  topLocations: z.array(LocationCount),
  workingLastHour: z.number().int(),
  filteredLastDay: z.number().int().describe('reports of the last 24 hours stored but not counted (flood rules)'),
  currentOutage: OutageView.nullable(),
  related: z.array(ServiceSummary.pick({ slug: true, name: true, status: true })),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const OutagesResponse = z.object({ outages: z.array(OutageView), incidents: z.array(IncidentView) });
export type OutagesResponse = z.infer<typeof OutagesResponse>;

/** A report just counted, as pushed to the map (coarse place only). */
export const CountedReport = z.object({
  service: z.string(),
  problem: z.string(),
  at: z.iso.datetime(),
  cell: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  country: z.string().nullable(),
});
export type CountedReport = z.infer<typeof CountedReport>;

/** Recent activity of one map cell (reports in the last hour). */
export const CellActivity = z.object({
  cell: z.string(),
  lat: z.number(),
  lon: z.number(),
  count: z.number(),
  services: z.array(z.object({ slug: z.string(), count: z.number() })).describe('services with the most reports in the cell, most first'),
});
export type CellActivity = z.infer<typeof CellActivity>;
