import type { TFunction } from 'i18next';
import { problemTypes } from '@outage-radar/shared';
import { isProblemError } from '../api/problem-error';

export interface ReportErrorMessage {
  text: string;
  /** True when the server already counts this person's report: said kindly, not as a failure. */
  alreadyCounted: boolean;
}

/** Turns a refused report into words for the reader, in their language. */
export function toReportErrorMessage(error: unknown, t: TFunction): ReportErrorMessage {
  if (!isProblemError(error)) return { text: t('report.error.generic'), alreadyCounted: false };
  if (error.status === 0) return { text: t('report.error.network'), alreadyCounted: false };
  switch (error.type) {
    case problemTypes.duplicateReport:
      return { text: t('report.error.duplicate'), alreadyCounted: true };
    case problemTypes.rateLimited:
      return { text: t('report.error.rateLimited'), alreadyCounted: false };
    case problemTypes.serviceNotFound:
      return { text: t('report.error.unknownService'), alreadyCounted: false };
  }
  // Any other refusal of what was sent (a field out of range, a problem type the service lacks).
  if (error.status === 422 || error.status === 400) return { text: t('report.error.invalid'), alreadyCounted: false };
  if (error.status === 429) return { text: t('report.error.rateLimited'), alreadyCounted: false };
  return { text: t('report.error.generic'), alreadyCounted: false };
}
