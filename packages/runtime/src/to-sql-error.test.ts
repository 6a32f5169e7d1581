import { toSqlError } from './to-sql-error';

// Shapes as thrown by Prisma 7.10 with @prisma/adapter-pg 7.10 against PostgreSQL 16.
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error('\nInvalid `tx.report.createManyAndReturn()` invocation in\n...'), {
    code: 'P2039',
    meta: { modelName: 'Report', driverAdapterError: Object.assign(new Error('x'), { cause }) },
  });

describe('toSqlError', () => {
  it.each([
    [
      'a NUL in a text column, through Prisma',
      adapterError({ originalCode: '22021', originalMessage: 'invalid byte sequence for encoding "UTF8": 0x00', kind: 'postgres', code: '22021' }),
      '22021',
      'invalid byte sequence for encoding "UTF8": 0x00',
    ],
    [
      'a foreign key, through Prisma',
      adapterError({
        originalCode: '23503',
        originalMessage: 'insert or update on table "reports" violates foreign key constraint "reports_service_slug_fkey"',
        kind: 'ForeignKeyConstraintViolation',
      }),
      '23503',
      'insert or update on table "reports" violates foreign key constraint "reports_service_slug_fkey"',
    ],
    [
      'a statement timeout in a raw query',
      Object.assign(new Error('Raw query failed. Code: `57014`.'), {
        code: 'P2010',
        meta: { driverAdapterError: { cause: { originalCode: '57014', originalMessage: 'canceling statement due to statement timeout', kind: 'postgres' } } },
      }),
      '57014',
      'canceling statement due to statement timeout',
    ],
    [
      'node-postgres, wrapped',
      new Error('query failed', { cause: Object.assign(new Error('value too long for type character varying(2000)'), { code: '22001', severity: 'ERROR' }) }),
      '22001',
      'value too long for type character varying(2000)',
    ],
  ])('finds the SQLSTATE of %s', (_what, err, sqlState, message) => {
    expect(toSqlError(err)).toEqual({ sqlState, message });
  });

  it.each([
    [
      'a Prisma code with no PostgreSQL error behind it',
      Object.assign(new Error('Unable to start a transaction in the given time.'), { code: 'P2028', meta: {} }),
    ],
    ['a lost connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a client-side timeout', new Error('Query read timeout')],
    ['not an error at all', 'oops'],
    ['nothing', undefined],
  ])('finds none in %s', (_what, err) => {
    expect(toSqlError(err)).toBeNull();
  });
});
