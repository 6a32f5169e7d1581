import { z } from 'zod';

/**
 * Why a report was stored but left out of what the detector sees: too many from one network
 * prefix, or one user agent holding too large a share of a service's reports (see the README).
 */
export const FilterReason = z.enum(['prefix-flood', 'agent-flood']);
export type FilterReason = z.infer<typeof FilterReason>;

/**
 * What the API puts on the `reports` queue: a report already validated, placed and hashed. The
 * worker checks every job against it; a job that doesn't match can never succeed, so it is not retried.
 */
export const ReportJob = z.object({
  id: z.uuid(),
  service: z.string().min(1),
  problem: z.string().min(1),
  /** ms since epoch, when the API accepted it. */
  reportedAt: z.number().int().positive(),
  cell: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  country: z.string().length(2).nullable(),
  city: z.string().nullable(),
  asn: z.number().int().nullable(),
  placeSource: z.enum(['browser', 'ip', 'none']),
  // Looser than the intake's own limit, which may be lowered while jobs wait on the queue: a job accepted once is never refused for it.
  comment: z.string().max(2000).nullable(),
  /** Keyed hash of the person, with a key that rotates daily: links one person's reports within a day only. */
  clientHash: z.string().nullable(),
  /** Null when the report counts; else why it is discounted. Absent in jobs queued before it existed. */
  filtered: FilterReason.nullable().optional(),
});
export type ReportJob = z.infer<typeof ReportJob>;
