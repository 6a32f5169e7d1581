import type { TFunction } from 'i18next';
import { problemTypes } from '@outage-radar/shared';
import { ProblemError } from '../api/problem-error';
import { toReportErrorMessage } from './to-report-error-message';

const t = ((key: string) => key) as unknown as TFunction;

describe('a refused report in words', () => {
  it('tells a repeat from a rate limit by the problem type, whatever the detail says', () => {
    const repeat = new ProblemError(429, problemTypes.duplicateReport, 'Already reported', 'déjà signalé');
    const tooMany = new ProblemError(429, problemTypes.rateLimited, 'Too many reports', 'you already sent many reports');
    expect(toReportErrorMessage(repeat, t)).toEqual({ text: 'report.error.duplicate', alreadyCounted: true });
    expect(toReportErrorMessage(tooMany, t)).toEqual({ text: 'report.error.rateLimited', alreadyCounted: false });
  });

  it('names an unknown service, an invalid report, a lost connection and anything else', () => {
    expect(toReportErrorMessage(new ProblemError(404, problemTypes.serviceNotFound, 'Service not found', null), t).text).toBe('report.error.unknownService');
    expect(toReportErrorMessage(new ProblemError(422, problemTypes.unknownProblem, 'Unknown problem type', null), t).text).toBe('report.error.invalid');
    expect(toReportErrorMessage(new ProblemError(0, 'about:blank', 'Network error', null), t).text).toBe('report.error.network');
    expect(toReportErrorMessage(new ProblemError(503, problemTypes.unavailable, 'Temporarily unavailable', null), t).text).toBe('report.error.generic');
    expect(toReportErrorMessage(new Error('boom'), t).text).toBe('report.error.generic');
  });
});
