import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { saveIncident, saveOutage } from '@outage-radar/db';
import { OutagesResponse, OutageView, ServiceDetail, ServiceSummary } from '@outage-radar/shared';
import { postReport, startTestApi, testService, type TestApi } from './harness';

const service = testService();
const other = testService();

/** The body parses with the schema, and parsing drops nothing: no field the schema does not name. */
async function expectMatches(api: TestApi, path: string, schema: z.ZodType): Promise<void> {
  const res = await fetch(`${api.baseUrl}${path}`);
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${path} does not match its schema: ${parsed.error.message}`);
  expect(parsed.data).toEqual(body);
}

describe('the read API answers in the shapes the OpenAPI document gives', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi([service, other]);
    const now = Date.now();
    const incidentId = randomUUID();
    await saveIncident(api.db, { id: incidentId, name: 'Owner services', owner: service.owner ?? null, startedAt: new Date(now - 600_000), resolvedAt: null });
    const outage = {
      serviceSlug: service.slug,
      phase: 'outage' as const,
      startedAt: new Date(now - 600_000),
      detectedAt: new Date(now - 540_000),
      updatedAt: new Date(now),
      resolvedAt: null,
      peakAt: new Date(now - 300_000),
      peakCount: 42,
      peakRatio: 21.5,
      problemMix: [
        { problem: 'login', count: 30, percent: 71.4 },
        { problem: 'app', count: 12, percent: 28.6 },
      ],
      regions: [],
      clusters: [{ cell: '85618923fffffff', lat: 23.81, lon: 90.41, count: 12, expected: 0.5, ratio: 24, city: null, country: 'BD' }],
    };
    await saveOutage(api.db, { ...outage, id: randomUUID(), regionKey: 'all', incidentId });
    await saveOutage(api.db, { ...outage, id: randomUUID(), serviceSlug: other.slug, regionKey: 'asn:55836', incidentId: null });
    await saveOutage(api.db, {
      ...outage,
      id: randomUUID(),
      serviceSlug: other.slug,
      regionKey: 'cc:IN',
      incidentId: null,
      phase: 'resolved',
      resolvedAt: new Date(now - 60_000),
    });
    expect((await postReport(api.baseUrl, { service: service.slug, problem: 'login' })).status).toBe(202);
  });
  afterAll(async () => api.stop());

  it('for the catalogue, one service, its outages and the open outages', async () => {
    await expectMatches(api, '/api/services', z.object({ services: z.array(ServiceSummary) }));
    await expectMatches(api, `/api/services/${service.slug}`, ServiceDetail);
    await expectMatches(api, `/api/services/${other.slug}/outages`, z.object({ outages: z.array(OutageView) }));
    await expectMatches(api, '/api/outages', OutagesResponse);
  });

  it('and the OpenAPI document names those same schemas', async () => {
    const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const [name, schema] of Object.entries({ ServiceSummary, ServiceDetail, OutageView })) {
      expect(Object.keys(doc.components.schemas[name]?.properties ?? {}).sort()).toEqual(Object.keys(schema.shape).sort());
    }
  });
});
