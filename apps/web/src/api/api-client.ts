import type { OutageView, OutagesResponse, ReportInput, ServiceDetail, ServiceSummary } from '@outage-radar/shared';
import { fetchJson } from './fetch-json';

/** Optional map settings; both null means the offline basemap. */
export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
}

const noTiles: MapConfig = { tileUrl: null, tileAttribution: null };

/** The HTTP API of the same origin (its OpenAPI document is served at /api/openapi.json). */
export const apiClient = {
  services: (signal?: AbortSignal) => fetchJson<{ services: ServiceSummary[] }>('/api/services', { signal }).then((body) => body.services),

  service: (slug: string, signal?: AbortSignal) => fetchJson<ServiceDetail>(`/api/services/${encodeURIComponent(slug)}`, { signal, cache: 'no-store' }),

  serviceOutages: (slug: string, days: number, signal?: AbortSignal) =>
    fetchJson<{ outages: OutageView[] }>(`/api/services/${encodeURIComponent(slug)}/outages?days=${days}`, { signal }).then((body) => body.outages),

  outages: (signal?: AbortSignal) => fetchJson<OutagesResponse>('/api/outages', { signal, cache: 'no-store' }),

  /** A missing or failing config endpoint means no tile server. */
  mapConfig: async (signal?: AbortSignal): Promise<MapConfig> => {
    try {
      const config = await fetchJson<Partial<MapConfig>>('/api/config', { signal });
      return { tileUrl: config.tileUrl ?? null, tileAttribution: config.tileAttribution ?? null };
    } catch {
      return noTiles;
    }
  },

  postReport: (input: ReportInput) =>
    fetchJson<{ id: string }>('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }),
};
