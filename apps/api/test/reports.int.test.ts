import { reportRetry } from '@outage-radar/shared';
import { postReport, startTestApi, testService, type TestApi } from './harness';

const service = testService();
const jioIp = '49.36.128.1'; // New Delhi in the bundled GeoIP data

describe('POST /api/reports', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi([service]);
  });
  afterAll(async () => {
    await api.stop();
  });

  const queued = async () => api.queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');

  it('answers 202 with the id of a job already in the queue, placed by GeoIP, without the address', async () => {
    const res = await postReport(api.baseUrl, { service: service.slug, problem: 'login', comment: 'cannot sign in' }, { 'x-forwarded-for': jioIp });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const job = await api.queue.getJob(id);
    expect(job?.data).toMatchObject({
      id,
      service: service.slug,
      problem: 'login',
      country: 'IN',
      city: 'New Delhi',
      placeSource: 'ip',
      comment: 'cannot sign in',
      asn: 55836,
      cell: expect.stringMatching(/^85[0-9a-f]{13}$/),
    });
    expect(JSON.stringify(job?.data)).not.toContain(jioIp);
    // Retried for about a day if the worker cannot store it (PostgreSQL away), never dropped after a few tries.
    expect(job?.opts).toMatchObject({ attempts: reportRetry.attempts, backoff: { type: reportRetry.backoffType } });
  });

  it('prefers the position the browser shared, coarsened to a city-sized cell', async () => {
    const res = await postReport(
      api.baseUrl,
      { service: service.slug, problem: 'messages', location: { lat: 23.8103, lon: 90.4125 } },
      { 'x-forwarded-for': '103.4.145.1' },
    );
    expect(res.status).toBe(202);
    const job = await api.queue.getJob(((await res.json()) as { id: string }).id);
    expect(job?.data).toMatchObject({ country: 'BD', placeSource: 'browser', city: 'Dhaka' });
    expect(job?.data.lat).not.toBe(23.8103);
    expect(Math.abs((job?.data.lat ?? 0) - 23.81)).toBeLessThan(0.2);
  });

  it('counts one report per person and service in the window, and "works for me" apart', async () => {
    const ip = '94.200.0.1';
    expect((await postReport(api.baseUrl, { service: service.slug, problem: 'app' }, { 'x-forwarded-for': ip })).status).toBe(202);
    const again = await postReport(api.baseUrl, { service: service.slug, problem: 'login' }, { 'x-forwarded-for': ip });
    expect(again.status).toBe(429);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.headers.get('retry-after')).toBe('600');
    expect((await postReport(api.baseUrl, { service: service.slug, problem: 'working' }, { 'x-forwarded-for': ip })).status).toBe(202);
  });

  it.each([
    ['malformed JSON', '{"service": "x",', 400, '(body)', '/problems/malformed-json'],
    ['unknown service', { service: 'no-such-service', problem: 'login' }, 404, 'service', '/problems/service-not-found'],
    ['bad slug', { service: 'Not A Slug', problem: 'login' }, 400, 'service', '/problems/invalid-request'],
    ['unknown problem type', { service: service.slug, problem: 'payments' }, 422, 'problem', '/problems/unknown-problem'],
    ['missing problem', { service: service.slug }, 400, 'problem', '/problems/invalid-request'],
    ['latitude off the globe', { service: service.slug, problem: 'login', location: { lat: 123, lon: 10 } }, 400, 'location.lat', '/problems/invalid-request'],
    ['longitude off the globe', { service: service.slug, problem: 'login', location: { lat: 10, lon: 181 } }, 400, 'location.lon', '/problems/invalid-request'],
    ['comment too long', { service: service.slug, problem: 'login', comment: 'x'.repeat(600) }, 400, 'comment', '/problems/invalid-request'],
    ['unknown field', { service: service.slug, problem: 'login', ip: '1.2.3.4' }, 400, '(body)', '/problems/invalid-request'],
    ['an array', [{ service: service.slug, problem: 'login' }], 400, '(body)', '/problems/invalid-request'],
    ['body over 4 KB', { service: service.slug, problem: 'login', padding: 'x'.repeat(5000) }, 413, '(body)', '/problems/body-too-large'],
  ])('refuses %s with a problem document and queues nothing', async (_name, body, status, field, type) => {
    const before = await queued();
    const res = await postReport(api.baseUrl, body, { 'x-forwarded-for': '41.33.0.1' });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { type: string; status: number; detail: string; errors?: { field: string }[] };
    expect(problem).toMatchObject({ type, status });
    expect(problem.detail).not.toMatch(/at .*\.ts|SELECT|stack/i);
    if (field !== '(body)' || problem.errors) expect(problem.errors?.map((e) => e.field) ?? ['(body)']).toContain(field);
    expect(await queued()).toEqual(before);
  });

  it.each([
    ['JSON that is not an object', 'null', 400, /must be a JSON object/],
    ['a body over the limit', JSON.stringify({ padding: 'x'.repeat(5000) }), 413, /^the request body is 5,014 bytes; at most 4,096 bytes are accepted$/],
  ])('says precisely what is wrong with %s', async (_name, body, status, detail) => {
    const res = await fetch(`${api.baseUrl}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const before = await queued();
    const res = await fetch(`${api.baseUrl}/api/reports`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'whatsapp down' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await queued()).toEqual(before);
  });

  it('limits reports per address per minute across services', async () => {
    const limited = await startTestApi([service], { REPORTS_PER_MINUTE: '2' });
    try {
      const ip = '2.88.0.1';
      const statuses = [];
      for (const problem of ['login', 'working', 'app'])
        statuses.push((await postReport(limited.baseUrl, { service: service.slug, problem }, { 'x-forwarded-for': ip })).status);
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.stop();
    }
  });
});
