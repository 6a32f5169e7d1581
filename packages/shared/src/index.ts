export { problemKeys, ProblemKey, categories, Category, locales, Locale, Slug, CountryCode, CatalogueEntry } from './catalogue';
export { ReportInput, GeoPoint, maxCommentLength, workingKey } from './report-input';
export { DomainError, ServiceNotFoundError, UnknownProblemError, RateLimitedError, DuplicateReportError } from './errors';
export type { DomainErrorCode } from './errors';
export {
  ServiceStatus,
  OutagePhase,
  BucketCount,
  ServiceSummary,
  ProblemShare,
  LocationCount,
  ServiceDetail,
  OutageRegion,
  OutageCluster,
  OutageView,
  IncidentView,
  OutagesResponse,
  CountedReport,
  CellActivity,
} from './views';
export type { ServerToClientEvents, ClientToServerEvents } from './realtime';
export { rooms } from './realtime';
export { toServiceStatus } from './to-service-status';
export { reportsQueueName, minuteMs, toBucketStart, redisKeys } from './redis-keys';
export type { RedisKeys } from './redis-keys';
export { FilterReason, ReportJob } from './report-job';
export { reportRetry, reportRetryDelayMs } from './report-retry';
export { fromRegionKey, fromSeriesKey, networkRegion, toOutageRegion, toRegionKey, toSeriesKey } from './region';
export type { Region, RegionKey } from './region';
export { domainProblemTypes, problemTypes } from './problem-types';
export type { ProblemType } from './problem-types';
