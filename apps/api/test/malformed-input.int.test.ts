import zlib, { gzipSync } from 'node:zlib';
import { startTestApi, testService, type TestApi } from './harness';

const service = testService();

interface ProblemBody {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The answer as a problem document, after checking that it is one. */
async function problemOf(res: Response): Promise<ProblemBody> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as ProblemBody;
}

describe('malformed input', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi([service]);
  });
  afterAll(async () => {
    await api.stop();
  });

  const queued = async () => api.queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');

  describe('a path that is not valid percent-encoding', () => {
    it.each([
      ['a truncated UTF-8 sequence', '/api/services/%E0%A4%A'],
      ['a percent sign before non-hex digits', '/api/services/%ZZ'],
      ['a lone percent sign before a path segment', '/api/services/%/outages'],
      ['bytes that are not UTF-8', '/api/services/%C0%AF/status'],
      ['a bad badge name', '/badge/%ZZ.svg'],
      ['a lone percent sign', '/embed/%'],
      ['a bad segment after the card', '/embed/%ZZ/more'],
    ])('answers 400 naming the path parameter, for %s', async (_name, path) => {
      const res = await fetch(`${api.baseUrl}${path}`);
      expect(res.status).toBe(400);
      const problem = await problemOf(res);
      expect(problem).toMatchObject({
        type: '/problems/invalid-request',
        status: 400,
        errors: [{ field: 'slug', message: expect.stringMatching(/percent-encoding/) }],
      });
      expect(problem.detail).toMatch(/^path parameter slug: .*percent-encoding/);
      // Never echo the raw bytes or a stack back.
      expect(problem.detail).not.toMatch(/Failed to decode|URIError|at .*\.[jt]s/);
    });

    it('answers 404, not 400, where no route has a parameter there', async () => {
      const res = await fetch(`${api.baseUrl}/api/%ZZ`);
      expect(res.status).toBe(404);
      await problemOf(res);
    });
  });

  describe('a path or query parameter that fails validation', () => {
    it.each([
      ['the service', '/api/services/Not%20A%20Slug', 'slug'],
      ['the outage history', '/api/services/UPPER/outages', 'slug'],
      ['the status', `/api/services/${'x'.repeat(65)}/status`, 'slug'],
      ['the badge', '/badge/Not_A_Slug.svg', 'slug'],
      ['the card', '/embed/-leading-hyphen', 'slug'],
    ])('names the path parameter of %s, not the body', async (_what, path, field) => {
      const res = await fetch(`${api.baseUrl}${path}`);
      expect(res.status).toBe(400);
      const problem = await problemOf(res);
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
      expect(problem.detail).toMatch(new RegExp(`^path parameter ${field}: `));
    });

    it.each([['0'], ['366'], ['abc'], ['1.5']])('names the query parameter days=%s', async (days) => {
      const res = await fetch(`${api.baseUrl}/api/services/${service.slug}/outages?days=${days}`);
      expect(res.status).toBe(400);
      const problem = await problemOf(res);
      expect(problem.errors?.map((e) => e.field)).toEqual(['days']);
      expect(problem.detail).toMatch(/^query parameter days: /);
    });

    it('still answers a valid history', async () => {
      const res = await fetch(`${api.baseUrl}/api/services/${service.slug}/outages?days=7`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ outages: [] });
    });
  });

  describe('a compressed report body', () => {
    const post = (encoding: string, body: Uint8Array) =>
      fetch(`${api.baseUrl}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body });

    it.each([
      ['gzip', Buffer.from('{"service":"x"} is not gzip')],
      ['gzip', gzipSync(JSON.stringify({ service: service.slug, problem: 'login' })).subarray(0, 12)],
      ['deflate', Buffer.from('not deflate either')],
      ['br', Buffer.from('nor brotli')],
      ['GZIP', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff])],
    ])('answers 400 when the %s data is not valid, and queues nothing', async (encoding, body) => {
      const before = await queued();
      const res = await post(encoding, body);
      expect(res.status).toBe(400);
      expect(await problemOf(res)).toMatchObject({ type: '/problems/undecodable-body', status: 400, detail: expect.stringMatching(/content-encoding/) });
      expect(await queued()).toEqual(before);
    });

    // Node 22.15 and later decompress zstd; before, it is as unknown as any other.
    const unknownEncodings = [['xyz'], ['gzip, br'], ['compress'], ...('createZstdDecompress' in zlib ? [] : [['zstd']])];
    it.each(unknownEncodings)('answers 415 for the content-encoding %s', async (encoding) => {
      const before = await queued();
      const res = await post(encoding, Buffer.from('{}'));
      expect(res.status).toBe(415);
      expect(await problemOf(res)).toMatchObject({ type: '/problems/unsupported-encoding', status: 415 });
      expect(await queued()).toEqual(before);
    });

    it('answers 400 for valid gzip of something that is not JSON', async () => {
      const res = await post('gzip', gzipSync('whatsapp is down'));
      expect(res.status).toBe(400);
      expect(await problemOf(res)).toMatchObject({ type: '/problems/malformed-json' });
    });
  });
});
