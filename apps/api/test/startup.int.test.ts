import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { tsEntry } from './harness';

const root = join(__dirname, '../../..');
// A database that exists on every PostgreSQL server, so each case fails for its own reason only.
const reachableDatabase = 'postgresql://postgres@127.0.0.1:5432/postgres';

function startApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, tsEntry(join(root, 'apps/api/src/main.ts')), {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: reachableDatabase, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - started })));
}

describe('API start-up without its services', () => {
  it.each([
    ['PostgreSQL is unreachable', { DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/nothing' }, /^cannot reach PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nothing \(connection refused\): start it with/],
    ['Redis is unreachable', { REDIS_URL: 'redis://127.0.0.1:1' }, /^cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connection refused\): start it with/],
    ['the database was never created', { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/never_created_here' }, /^no database at postgresql:\/\/postgres@127\.0\.0\.1:5432\/never_created_here: create and migrate it with `npm run db:migrate`/],
  ])('stops when %s, with one line naming the URL and no stack trace', async (_what, env, line) => {
    const { code, stderr, ms } = await startApi(env);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(stderr).not.toMatch(/\n\s+at /);
    // The bound, with the time tsx takes to load the sources on top.
    expect(ms).toBeLessThan(5000 + 3000);
  }, 15_000);

  it('lists every bad variable and exits', async () => {
    const { code, stderr } = await startApi({ PORT: 'eighty', REDIS_URL: 'not a url' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^env PORT: /m);
    expect(stderr).toMatch(/^env REDIS_URL: /m);
  }, 15_000);
});
