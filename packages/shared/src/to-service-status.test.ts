import { toServiceStatus } from './to-service-status';

describe('toServiceStatus', () => {
  it.each([
    ['normal', 'ok'],
    ['suspected', 'possible'],
    ['outage', 'problems'],
    ['recovering', 'possible'],
    ['resolved', 'ok'],
    [null, 'ok'],
    [undefined, 'ok'],
  ] as const)('shows %s as %s', (phase, status) => {
    expect(toServiceStatus(phase)).toBe(status);
  });
});
