import type { ServiceSummary } from '@outage-radar/shared';
import { fuzzyScore } from './fuzzy-score';
import { normalizeSearchText, toSearchSkeleton } from './normalize-search-text';

export interface SearchIndexEntry {
  service: ServiceSummary;
  /** Normalized names with their weight: own name and local names count fully, aliases a little less. */
  names: { text: string; skeleton: string; weight: number }[];
}

export function toSearchIndex(services: readonly ServiceSummary[]): SearchIndexEntry[] {
  return services.map((service) => {
    const weighted: [string, number][] = [
      [service.name, 1],
      [service.localNames.bn, 1],
      [service.localNames.hi, 1],
      [service.localNames.ar, 1],
      [service.slug, 0.95],
      ...service.aliases.map((alias): [string, number] => [alias, 0.95]),
    ];
    const names = weighted
      .map(([name, weight]) => {
        const text = normalizeSearchText(name);
        return { text, skeleton: toSearchSkeleton(text), weight };
      })
      .filter((name) => name.text.length > 0);
    return { service, names };
  });
}

/** Services matching `query` in any script, best first; typos and spelling variants are tolerated. */
export function searchServices(index: readonly SearchIndexEntry[], query: string): ServiceSummary[] {
  const text = normalizeSearchText(query);
  if (!text) return index.map((entry) => entry.service);
  const skeleton = toSearchSkeleton(text);
  const scored: { service: ServiceSummary; score: number }[] = [];
  for (const entry of index) {
    let score = 0;
    for (const name of entry.names) {
      score = Math.max(score, fuzzyScore(text, name.text) * name.weight);
      // Skeletons only when the query has marks to drop: otherwise they equal the texts.
      if (skeleton.length >= 2 && skeleton !== text) score = Math.max(score, fuzzyScore(skeleton, name.skeleton) * name.weight * 0.9);
    }
    if (score > 0) scored.push({ service: entry.service, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.service);
}
