import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'outage_radar_api_' });
  const httpDuration = new Histogram({
    name: 'outage_radar_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const reportsAccepted = new Counter({
    name: 'outage_radar_reports_accepted_total',
    help: 'Reports queued (202)',
    registers: [registry],
  });
  const reportsRefused = new Counter({
    name: 'outage_radar_reports_refused_total',
    help: 'Reports refused, by HTTP status',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const reportsFiltered = new Counter({
    name: 'outage_radar_reports_filtered_total',
    help: 'Reports queued (202) but left out of what the detector sees, by flood rule',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, reportsAccepted, reportsRefused, reportsFiltered };
}
