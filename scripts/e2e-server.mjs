#!/usr/bin/env node
// The stack the browser tests run against: a fresh, migrated and seeded schema in the test
// database, a Redis key prefix of its own, the API (serving the built web app) and the worker,
// on E2E_PORT, and a control port (E2E_PORT + 1) through which a test can stop and start the API.
// Started by Playwright's webServer; SIGTERM stops everything and drops the schema.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  // Every browser of the tests reports from 127.0.0.1, one network: allow them more than the defaults.
  REPORTS_PER_MINUTE_PER_NETWORK: '100000',
  FLOOD_REPORTS_PER_PREFIX: '50',
  DETECTOR_TICK_SECONDS: '1',
};
// tsx as a loader, one process per program (see scripts/test-support/ts-entry.ts for why not the tsx command).
const tsEntry = (entry) => ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--conditions=source', join(root, entry)];

for (const script of ['scripts/migrate.ts', 'prisma/seed.ts', 'scripts/e2e-history.ts']) {
  const r = spawnSync(process.execPath, tsEntry(script), { env, stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const entries = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' };
const children = new Map();
// A process the tests stopped on purpose (to watch the pages come back) doesn't stop the rest.
const stoppedOnPurpose = new Set();

function startChild(name) {
  const child = spawn(process.execPath, tsEntry(entries[name]), { env, stdio: 'inherit', cwd: root });
  children.set(name, child);
  child.on('exit', () => {
    if (!stoppedOnPurpose.has(child)) void stop();
  });
  return child;
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  control.close();
  for (const child of children.values()) child.kill('SIGTERM');
  await Promise.all([...children.values()].map(exited));
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  process.exit(0);
}

// Control port for the tests: POST /api/stop and /api/start restart the API as an operator would
// (SIGTERM, then a new process), so a test can watch the pages lose and regain their connection.
const control = createServer(async (req, res) => {
  const action = /^\/api\/(stop|start)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || !action) return res.writeHead(404).end();
  const current = children.get('api');
  if (action === 'stop') {
    stoppedOnPurpose.add(current);
    current.kill('SIGTERM');
    await exited(current);
  } else if (current.exitCode !== null || current.signalCode !== null) {
    startChild('api');
  }
  res.writeHead(204).end();
});
control.listen(Number(env.PORT) + 1, '127.0.0.1');

startChild('api');
startChild('worker');
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
