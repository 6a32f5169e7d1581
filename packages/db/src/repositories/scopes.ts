/**
 * A counted scope within a service: every problem report counts in "all", and in its problem,
 * country, cell and network scopes; "works for me" answers count only in "working". A report the
 * flood rules discount counts only in "filtered", so the detector never sees it.
 */
export type CountedScope = 'all' | 'working' | 'filtered' | `p:${string}` | `cc:${string}` | `cell:${string}` | `asn:${number}`;

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
  if (report.country) scopes.push(`cc:${report.country}`);
  if (report.cell) scopes.push(`cell:${report.cell}`);
  if (report.asn !== null) scopes.push(`asn:${report.asn}`);
  return scopes;
}
