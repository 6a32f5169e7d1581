#!/usr/bin/env node
// The stack the browser tests run against: a fresh, migrated and seeded schema in the test
// database, a Redis key prefix of its own, the API (serving the built web app) and the worker,
// on E2E_PORT. Started by Playwright's webServer; SIGTERM stops everything and drops the schema.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const schema = `e2e_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const dbUrl = new URL(baseUrl);
dbUrl.searchParams.set('schema', schema);
const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `e2e-${schema}`,
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  REPORTS_PER_MINUTE: '1000',
  DETECTOR_TICK_SECONDS: '1',
};
const tsx = [join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=source'];

for (const script of ['scripts/migrate.ts', 'prisma/seed.ts', 'scripts/e2e-history.ts']) {
  const r = spawnSync(process.execPath, [...tsx, join(root, script)], { env, stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const children = ['apps/api/src/main.ts', 'apps/worker/src/main.ts'].map((entry) =>
  spawn(process.execPath, [...tsx, join(root, entry)], { env, stdio: 'inherit', cwd: root }),
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  process.exit(0);
}
for (const child of children) child.on('exit', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
