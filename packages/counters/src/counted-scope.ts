import { networkRegion, toRegionKey, type RegionKey } from '@outage-radar/shared';

/**
 * A counted scope within a service: every problem report counts in "all", and in its problem,
 * country, cell and network scopes; "works for me" answers count only in "working". A report the
 * flood rules discount counts only in "filtered", so the detector never sees it. The same scopes
 * name the per-minute rows of bucket_counts in PostgreSQL.
 */
export type CountedScope = Exclude<RegionKey, 'all'> | 'all' | 'working' | 'filtered' | `p:${string}` | `cell:${string}`;

export interface ScopedReport {
  problem: string;
  country: string | null;
  cell: string | null;
  asn: number | null;
  /** Set when the flood rules discounted the report. */
  filterReason?: string | null;
}

export const workingProblem = 'working';

export function scopesOf(report: ScopedReport): CountedScope[] {
  if (report.filterReason) return ['filtered'];
  if (report.problem === workingProblem) return ['working'];
  const scopes: CountedScope[] = ['all', `p:${report.problem}`];
  if (report.country) scopes.push(toRegionKey({ kind: 'country', code: report.country }));
  if (report.cell) scopes.push(`cell:${report.cell}`);
  if (report.asn !== null) scopes.push(toRegionKey(networkRegion(report.asn)));
  return scopes;
}

/** A counter hash's field: the service and the scope it counts. */
export function toCounterField(slug: string, scope: CountedScope): string {
  return `${slug}|${scope}`;
}

/** The service and scope of a counter hash's field ("whatsapp|cc:IN"). */
export function fromCounterField(field: string): { slug: string; scope: string } {
  const bar = field.indexOf('|');
  return bar < 0 ? { slug: field, scope: '' } : { slug: field.slice(0, bar), scope: field.slice(bar + 1) };
}
