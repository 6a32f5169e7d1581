import { randomUUID } from 'node:crypto';
import { saveOutage } from '@outage-radar/db';
import { startTestApi, testService, type TestApi } from './harness';

const calm = testService({ name: 'Calm & Co' });
const down = testService({ name: 'Down' });

describe('the embeddable status', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi([calm, down]);
    const t = new Date();
    await saveOutage(api.db, {
      id: randomUUID(),
      serviceSlug: down.slug,
      regionKey: 'all',
      phase: 'outage',
      startedAt: t,
      detectedAt: t,
      updatedAt: t,
      resolvedAt: null,
      peakAt: t,
      peakCount: 50,
      peakRatio: 20,
      problemMix: [],
      regions: [],
      clusters: [],
      incidentId: null,
    });
  });
  afterAll(async () => api.stop());

  it('answers the status as small JSON with an ETag, and 304 when it has not changed', async () => {
    const res = await fetch(`${api.baseUrl}/api/services/${down.slug}/status`);
    expect(await res.json()).toMatchObject({ slug: down.slug, status: 'problems', outageSince: expect.any(String) });
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${api.baseUrl}/api/services/${down.slug}/status`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it.each([
    [calm, 'no problems'],
    [down, 'problems'],
  ])('draws a badge that says the status in words', async (service, words) => {
    const res = await fetch(`${api.baseUrl}/badge/${service.slug}.svg`);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toContain(`aria-label="${service.name.replace('&', '&#38;')}: ${words}"`);
  });

  it('serves a card any site may frame, and a loader that puts it after itself', async () => {
    const card = await fetch(`${api.baseUrl}/embed/${calm.slug}`);
    expect(card.status).toBe(200);
    expect(card.headers.get('x-frame-options')).toBeNull();
    expect(card.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(await card.text()).toContain(`/api/services/${calm.slug}/status`);
    const loader = await (await fetch(`${api.baseUrl}/widget.js`)).text();
    // It finds its origin from the address it was loaded from, not from the request.
    expect(loader).toContain('document.currentScript.src');
    expect(loader).toContain("'/embed/'");
    expect(() => new Function(loader)).not.toThrow();
    expect((await fetch(`${api.baseUrl}/embed/no-such-service`)).status).toBe(404);
  });

  it.each([
    ['the status', `/api/services/${calm.slug}/status`],
    ['the badge', `/badge/${calm.slug}.svg`],
    ['the card', `/embed/${calm.slug}`],
    ['the loader', '/widget.js'],
  ])('lets other sites load and read %s', async (_what, path) => {
    const res = await fetch(`${api.baseUrl}${path}`, { headers: { origin: 'https://blog.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps the rest of the API to its own origin', async () => {
    const res = await fetch(`${api.baseUrl}/api/services`, { headers: { origin: 'https://blog.example' } });
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
