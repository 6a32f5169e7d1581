import type { ServiceSummary } from '@outage-radar/shared';
import { apiClient } from '../api/api-client';

export interface ServicesState {
  services: ServiceSummary[] | null;
  bySlug: ReadonlyMap<string, ServiceSummary>;
  error: unknown;
  loadedAtMs: number;
}

const refreshAfterMs = 60_000;
let state: ServicesState = { services: null, bySlug: new Map(), error: null, loadedAtMs: 0 };
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: ServicesState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The catalogue with current status, shared by every page; refreshed at most once a minute unless forced. */
export const servicesStore = {
  get: (): ServicesState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  refresh(force = false): Promise<void> {
    if (inFlight) return inFlight;
    if (!force && state.services && Date.now() - state.loadedAtMs < refreshAfterMs) return Promise.resolve();
    inFlight = apiClient
      .services()
      .then(
        (services) => publish({ services, bySlug: new Map(services.map((s) => [s.slug, s])), error: null, loadedAtMs: Date.now() }),
        (error: unknown) => publish({ ...state, error }),
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
};
