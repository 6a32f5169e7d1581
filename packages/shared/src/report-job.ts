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
  clientHash: string | null;
}
