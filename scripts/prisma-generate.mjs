#!/usr/bin/env node
// Generates the Prisma client into packages/db/src/generated when the schema is newer than it.
// The client runs on the pg driver adapter and needs no native engine; the CLI still insists on
// a schema-engine path even for `generate`, so any existing file satisfies it where the engine
// can't be downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = join(root, 'prisma/schema.prisma');
const marker = join(root, 'packages/db/src/generated/prisma/client.ts');

if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(schema).mtimeMs && !process.argv.includes('--force')) process.exit(0);
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !existsSync(join(root, 'node_modules/@prisma/engines/schema-engine-debian-openssl-3.0.x'))) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', schema], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('generated the Prisma client');
