import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { saveOutage, type OutageRow } from '@outage-radar/db';
import type { ClientToServerEvents, OutagePhase, OutagesResponse, OutageView, ServerToClientEvents, ServiceDetail, ServiceSummary } from '@outage-radar/shared';
import { startTestApi, testService, type TestApi } from './harness';

const owner = `Owner ${randomUUID().slice(0, 8)}`;
const recovering = testService({ owner });
const sibling = testService({ owner });
const down = testService();
const minuteMs = 60_000;

function outageRow(serviceSlug: string, phase: OutagePhase, regionKey = 'all', startedAt = new Date(Date.now() - 30 * minuteMs)): OutageRow {
  return {
    id: randomUUID(),
    serviceSlug,
    regionKey,
    phase,
    startedAt,
    detectedAt: startedAt,
    updatedAt: new Date(),
    resolvedAt: null,
    peakAt: startedAt,
    peakCount: 66,
    peakRatio: 20,
    problemMix: [],
    regions: [],
    clusters: [],
    incidentId: null,
  };
}

async function getJson<T>(api: TestApi, path: string): Promise<T> {
  const res = await fetch(`${api.baseUrl}${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the status of a service whose outage is recovering', () => {
  let api: TestApi;
  const rows = { recovering: outageRow(recovering.slug, 'recovering'), down: outageRow(down.slug, 'outage') };
  // A country outage while the whole service is down is part of the whole-service outage.
  const downInIndia = outageRow(down.slug, 'outage', 'cc:IN', new Date(Date.now() - 20 * minuteMs));

  beforeAll(async () => {
    api = await startTestApi([recovering, sibling, down]);
    for (const row of [rows.recovering, rows.down, downInIndia]) await saveOutage(api.db, row);
  });
  afterAll(async () => api.stop());

  it('is "possible" in the service list, and "problems" only for an outage', async () => {
    const { services } = await getJson<{ services: ServiceSummary[] }>(api, '/api/services');
    const bySlug = new Map(services.map((s) => [s.slug, s]));
    expect(bySlug.get(recovering.slug)).toMatchObject({ status: 'possible', outageSince: null });
    expect(bySlug.get(down.slug)).toMatchObject({ status: 'problems', outageSince: rows.down.startedAt.toISOString() });
    expect(bySlug.get(sibling.slug)).toMatchObject({ status: 'ok' });
  });

  it('is "possible" on the service page, for its current outage, and where a related service lists it', async () => {
    const detail = await getJson<ServiceDetail>(api, `/api/services/${recovering.slug}`);
    expect(detail.status).toBe('possible');
    expect(detail.currentOutage).toMatchObject({ id: rows.recovering.id, phase: 'recovering', status: 'possible' });
    const other = await getJson<ServiceDetail>(api, `/api/services/${sibling.slug}`);
    expect(other.related).toContainEqual({ slug: recovering.slug, name: recovering.name, status: 'possible' });
  });

  it('is "possible" in the outage history and among the open outages', async () => {
    const history = await getJson<{ outages: OutageView[] }>(api, `/api/services/${recovering.slug}/outages`);
    expect(history.outages).toEqual([expect.objectContaining({ id: rows.recovering.id, status: 'possible' })]);
    const open = await getJson<OutagesResponse>(api, '/api/outages');
    expect(open.outages.find((o) => o.id === rows.recovering.id)).toMatchObject({ phase: 'recovering', status: 'possible' });
    expect(open.outages.find((o) => o.id === rows.down.id)).toMatchObject({ phase: 'outage', status: 'problems' });
  });

  it('is "possible" in the map snapshot a socket gets', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(api.baseUrl, { transports: ['websocket'] });
    try {
      const snapshot = new Promise<Parameters<ServerToClientEvents['map:snapshot']>[0]>((resolve) => socket.once('map:snapshot', resolve));
      socket.emit('map:watch');
      const { outages } = await snapshot;
      expect(outages.find((o) => o.id === rows.recovering.id)).toMatchObject({ status: 'possible' });
    } finally {
      socket.disconnect();
    }
  });

  it('is "possible" in the embeddable status and its badge', async () => {
    expect(await getJson(api, `/api/services/${recovering.slug}/status`)).toMatchObject({ status: 'possible', outageSince: null });
    const svg = await (await fetch(`${api.baseUrl}/badge/${recovering.slug}.svg`)).text();
    expect(svg).toContain(`aria-label="${recovering.name}: possible problems"`);
  });

  it('shows a country outage during a whole-service outage inside it, on the map as in the history', async () => {
    const open = await getJson<OutagesResponse>(api, '/api/outages');
    expect(open.outages.map((o) => o.id)).not.toContain(downInIndia.id);
    const history = await getJson<{ outages: OutageView[] }>(api, `/api/services/${down.slug}/outages`);
    expect(history.outages.map((o) => o.id)).toEqual([rows.down.id]);
  });
});
