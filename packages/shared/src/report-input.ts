import { z } from 'zod';
import { Slug } from './catalogue';

export const maxCommentLength = 500;

export const GeoPoint = z.object({
  lat: z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90'),
  lon: z.number().min(-180, 'longitude must be between -180 and 180').max(180, 'longitude must be between -180 and 180'),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/**
 * Body of `POST /api/reports`. `problem` is checked against the service's own problem list by the
 * API (it depends on the catalogue); here it only has to look like a key.
 * `working` is the "it works for me" answer: counted apart from problems.
 */
export const ReportInput = z.strictObject({
  service: Slug,
  problem: z.string().min(1).max(40).regex(/^[a-z0-9-]+$/, 'must be a problem key such as "login"'),
  location: GeoPoint.optional(),
  comment: z.string().trim().max(maxCommentLength).optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

/** The problem key used for "it works for me" answers. */
export const workingKey = 'working';
