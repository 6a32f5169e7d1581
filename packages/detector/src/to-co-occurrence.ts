import type { CoOccurrence } from './group-incidents';

/**
 * How often each pair of services broke on the same days: the Jaccard index of their outage days
 * (days both had an outage / days either had one). Services that share infrastructure without
 * sharing an owner (a CDN and the sites behind it) score high and are grouped into one incident.
 * Pairs with fewer than `minSharedDays` common days are left out: one coincidence proves nothing.
 */
export function toCoOccurrence(daysByService: ReadonlyMap<string, ReadonlySet<string>>, minSharedDays = 2): CoOccurrence[] {
  const services = [...daysByService.keys()].sort();
  const pairs: CoOccurrence[] = [];
  for (let i = 0; i < services.length; i++) {
    for (let j = i + 1; j < services.length; j++) {
      const a = daysByService.get(services[i]!)!;
      const b = daysByService.get(services[j]!)!;
      let shared = 0;
      for (const day of a) if (b.has(day)) shared++;
      if (shared < minSharedDays) continue;
      pairs.push({ a: services[i]!, b: services[j]!, weight: shared / (a.size + b.size - shared) });
    }
  }
  return pairs;
}
