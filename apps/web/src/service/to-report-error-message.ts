import type { TFunction } from 'i18next';
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
  if (error.status === 429 || error.status === 409) {
    const duplicate = /duplicate|already/i.test(`${error.type} ${error.detail ?? ''}`);
    return duplicate
      ? { text: t('report.error.duplicate'), alreadyCounted: true }
      : { text: t('report.error.rateLimited'), alreadyCounted: false };
  }
  if (error.status === 422 || error.status === 400) return { text: t('report.error.invalid'), alreadyCounted: false };
  if (error.status === 404) return { text: t('report.error.unknownService'), alreadyCounted: false };
  return { text: t('report.error.generic'), alreadyCounted: false };
}
