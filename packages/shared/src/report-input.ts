import { z } from 'zod';
import { Slug } from './catalogue';

export const maxCommentLength = 500;

// eslint-disable-next-line no-control-regex -- this pattern is about control characters
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
  problem: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'must be a problem key such as "login"'),
  location: GeoPoint.optional(),
  comment: z
    .string()
    .trim()
    .max(maxCommentLength)
    // PostgreSQL refuses NUL in text, so a 202 for one would be a report never stored; the other
    // control characters are no text anyone types. Tab and line breaks stay.
    .refine((text) => !controlCharacters.test(text), 'must not contain control characters')
    // A lone surrogate is not Unicode text: the driver would silently store a replacement character.
    .refine((text) => !loneSurrogate.test(text), 'must be valid Unicode text')
    .optional(),
});
export type ReportInput = z.infer<typeof ReportInput>;

/** The problem key used for "it works for me" answers. */
export const workingKey = 'working';
