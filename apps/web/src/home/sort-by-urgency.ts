import type { ServiceStatus, ServiceSummary } from '@outage-radar/shared';

const rank: Record<ServiceStatus, number> = { problems: 0, possible: 1, ok: 2 };

/** Services with problems first, then possible problems, each by reports in the last hour, then by name as shown. */
export function sortByUrgency(
  services: readonly ServiceSummary[],
  compareNames: (a: string, b: string) => number,
  nameOf: (service: ServiceSummary) => string,
): ServiceSummary[] {
  return [...services].sort((a, b) => rank[a.status] - rank[b.status] || b.reportsLastHour - a.reportsLastHour || compareNames(nameOf(a), nameOf(b)));
}
