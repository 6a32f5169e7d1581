import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../../scripts/test-support/free-port';
import { startRedisServer } from '../../../scripts/test-support/redis-server';
import { warnIfRedisForgets } from './warn-if-redis-forgets';

describe('the start-up warning about a Redis that keeps nothing', () => {
  it.each([
    ['--appendonly no', 1, ['--appendonly', 'no', '--save', '']],
    ['--appendonly yes', 0, ['--appendonly', 'yes', '--save', '']],
  ])('with %s warns %i time(s)', async (_, expected, persistence) => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-aof-'));
    const server = await startRedisServer({ port: await freePort(), dir, persistence });
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    try {
      const warnings: string[] = [];
      await warnIfRedisForgets(redis, { warn: (_obj, msg) => warnings.push(msg) });
      expect(warnings).toHaveLength(expected);
    } finally {
      redis.disconnect();
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
