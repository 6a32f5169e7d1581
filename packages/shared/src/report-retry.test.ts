import { reportRetry, reportRetryDelayMs } from './report-retry';

describe('reportRetryDelayMs', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [6, 16_000],
    [7, 30_000],
    [2999, 30_000],
  ])('after %i failed attempts waits %i ms', (attempts, ms) => {
    expect(reportRetryDelayMs(attempts)).toBe(ms);
  });

  it('keeps a report for about a day of PostgreSQL being away before giving up', () => {
    let totalMs = 0;
    for (let n = 1; n < reportRetry.attempts; n++) totalMs += reportRetryDelayMs(n);
    expect(totalMs / 3_600_000).toBeGreaterThan(20);
  });
});
