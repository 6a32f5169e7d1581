import { isStoreUnavailable } from './is-store-unavailable';

describe('isStoreUnavailable', () => {
  it.each([
    ['ioredis with its offline queue off', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['ioredis out of retries', Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' })],
    ['a closed Redis connection', new Error('Connection is closed.')],
    [
      'a refused PostgreSQL connection, wrapped',
      new Error('query failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) }),
    ],
    ['a pooled PostgreSQL connection cut', new Error('Connection terminated unexpectedly')],
    [
      'a raw query that could not reach the server',
      Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`"), { code: 'P2010' }),
    ],
    ['Prisma unable to reach the server', Object.assign(new Error("Can't reach database server"), { code: 'P1001' })],
  ])('recognises %s', (_what, err) => {
    expect(isStoreUnavailable(err)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'slug')")],
    ['a constraint violation', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['not an error at all', 'oops'],
    ['nothing', undefined],
  ])('does not take %s for an outage of the stores', (_what, err) => {
    expect(isStoreUnavailable(err)).toBe(false);
  });
});
