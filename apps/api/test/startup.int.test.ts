import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

import { createTempSchema } from '@outage-radar/db';
import { databaseUrl, migrationsDir, tsEntry } from './harness';

const root = join(__dirname, '../../..');
// A database that exists on every PostgreSQL server.
const reachableDatabase = 'postgresql://postgres@127.0.0.1:5432/postgres';
// A migrated schema of this file's own, so each case fails for its own reason only.
let migratedDatabase = '';
let dropSchema: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const { schema, drop } = await createTempSchema({ url: databaseUrl, migrationsDir });
  dropSchema = drop;
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  migratedDatabase = url.toString();
});
afterAll(async () => dropSchema());

function startApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, tsEntry(join(root, 'apps/api/src/main.ts')), {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: migratedDatabase, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - started })));
}

describe('API start-up without its services', () => {
  it.each([
    [
      'PostgreSQL is unreachable',
      { DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/nothing' },
      /^cannot reach PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nothing \(connection refused\): start it with/,
    ],
    ['Redis is unreachable', { REDIS_URL: 'redis://127.0.0.1:1' }, /^cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connection refused\): start it with/],
    [
      'the database was never created',
      { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/never_created_here' },
      /^no database at postgresql:\/\/postgres@127\.0\.0\.1:5432\/never_created_here: create and migrate it with `npm run db:migrate`/,
    ],
  ])(
    'stops when %s, with one line naming the URL and no stack trace',
    async (_what, env, line) => {
      const { code, stderr, ms } = await startApi(env);
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
      expect(stderr).not.toMatch(/\n\s+at /);
      // The bound, with the time tsx takes to load the sources on top.
      expect(ms).toBeLessThan(5000 + 3000);
    },
    15_000,
  );

  it('stops when the database was created but never migrated, with one line saying how to migrate it', async () => {
    // A schema nobody migrated, in a database every server has.
    const url = `${reachableDatabase}?schema=never_migrated_${process.pid}`;
    const { code, stderr } = await startApi({ ASN_TABLE: 'off', DATABASE_URL: url });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([`the database at ${url} has no tables yet: migrate it with \`npm run db:migrate\` (\`npm start\` does it too)`]);
  }, 15_000);

  it('stops when its port is taken, with one line saying so and how to pick another', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const { port } = taken.address() as AddressInfo;
      const { code, stderr } = await startApi({ PORT: String(port), HOST: '127.0.0.1', ASN_TABLE: 'off', IP_HASH_SALT: 'startup-test-salt-0123' });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([`port ${port} on 127.0.0.1 is in use: stop what listens there, or choose another with PORT=8080 npm start`]);
    } finally {
      taken.close();
    }
  }, 15_000);

  it('lists every bad variable and exits', async () => {
    const { code, stderr } = await startApi({ PORT: 'eighty', REDIS_URL: 'not a url' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^env PORT: /m);
    expect(stderr).toMatch(/^env REDIS_URL: /m);
  }, 15_000);
});
