import type { BucketCount, CellActivity, CountedReport, IncidentView, OutageView } from './views';

/** Events the server pushes; both the worker's emitter and the browser use this map. */
export interface ServerToClientEvents {
  'map:snapshot': (snapshot: { outages: OutageView[]; incidents: IncidentView[]; cells: CellActivity[] }) => void;
  'report:counted': (report: CountedReport) => void;
  'outage:opened': (outage: OutageView) => void;
  'outage:updated': (outage: OutageView) => void;
  'outage:resolved': (ref: { id: string; service: string; resolvedAt: string }) => void;
  'incident:updated': (incident: IncidentView) => void;
  /** The latest buckets of one service (the current one and the one before). */
  'service:counts': (slug: string, buckets: BucketCount[]) => void;
}

export interface ClientToServerEvents {
  'map:watch': () => void;
  'service:watch': (slug: string) => void;
  'service:unwatch': (slug: string) => void;
}

export const rooms = {
  map: 'map',
  service: (slug: string) => `service:${slug}`,
} as const;
