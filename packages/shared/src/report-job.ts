/**
 * Why a report was stored but left out of what the detector sees: too many from one network
 * prefix, or one user agent holding too large a share of a service's reports (see the README).
 */
export type FilterReason = 'prefix-flood' | 'agent-flood';

/** What the API puts on the `reports` queue: a report already validated, placed and hashed. */
export interface ReportJob {
  id: string;
  service: string;
  problem: string;
  /** ms since epoch, when the API accepted it. */
  reportedAt: number;
  cell: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  city: string | null;
  asn: number | null;
  placeSource: 'browser' | 'ip' | 'none';
  comment: string | null;
  /** Keyed hash of the person, with a key that rotates daily: links one person's reports within a day only. */
  clientHash: string | null;
  /** Null when the report counts; else why it is discounted. Absent in jobs queued before it existed. */
  filtered?: FilterReason | null;
}
