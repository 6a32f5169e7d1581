import type { APIRequestContext } from '@playwright/test';
import type { ServiceSummary } from '@outage-radar/shared';

/** The seeded catalogue, as the API serves it. */
export async function getServices(request: APIRequestContext): Promise<ServiceSummary[]> {
  const response = await request.get('/api/services');
  if (!response.ok()) throw new Error(`GET /api/services answered ${response.status()}`);
  return ((await response.json()) as { services: ServiceSummary[] }).services;
}

/**
 * A service for one test to report on. Each spec takes its own, because the API counts one report
 * per person per service per window and every test reports from the same address.
 */
export async function pickService(request: APIRequestContext, preferred: string, avoid: string[] = []): Promise<ServiceSummary> {
  const services = await getServices(request);
  const service = services.find((s) => s.slug === preferred) ?? services.find((s) => !avoid.includes(s.slug));
  if (!service) throw new Error('the seeded catalogue has no service to report on');
  return service;
}

/** Digits of a formatted count ("1,234 reports" → 1234). */
export function toCount(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, '') || 0);
}
