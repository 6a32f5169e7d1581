import type { DomainErrorCode } from './errors';

/**
 * The `type` of every problem document the API answers with (RFC 9457): public identifiers that
 * clients switch on, so they are constants here and never derived from a title that may be reworded.
 */
export const problemTypes = {
  invalidRequest: '/problems/invalid-request',
  serviceNotFound: '/problems/service-not-found',
  unknownProblem: '/problems/unknown-problem',
  rateLimited: '/problems/rate-limited',
  invalidLocation: '/problems/invalid-location',
  duplicateReport: '/problems/duplicate-report',
  malformedJson: '/problems/malformed-json',
  bodyTooLarge: '/problems/body-too-large',
  unsupportedEncoding: '/problems/unsupported-encoding',
  unsupportedCharset: '/problems/unsupported-charset',
  incompleteBody: '/problems/incomplete-body',
  undecodableBody: '/problems/undecodable-body',
  unsupportedMediaType: '/problems/unsupported-media-type',
  notFound: '/problems/not-found',
  adminTokenRequired: '/problems/admin-token-required',
  requestTimeout: '/problems/request-timeout',
  headersTooLarge: '/problems/headers-too-large',
  /** Another client error of HTTP itself: its status and title say which. */
  badRequest: '/problems/bad-request',
  unavailable: '/problems/unavailable',
  internal: '/problems/internal',
} as const;

export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];

/** The problem type of each error the domain raises on purpose. */
export const domainProblemTypes: Record<DomainErrorCode, ProblemType> = {
  service_not_found: problemTypes.serviceNotFound,
  unknown_problem: problemTypes.unknownProblem,
  rate_limited: problemTypes.rateLimited,
  invalid_location: problemTypes.invalidLocation,
  duplicate_report: problemTypes.duplicateReport,
};
