/** An open outage, as incident grouping needs it. Times in ms. */
export interface IncidentCandidate {
  id: string;
  service: string;
  /** Display name of the service; the slug is used without it. */
  serviceName?: string;
  /** Company that runs the service (catalogue `owner`), e.g. "Meta". */
  owner?: string | null;
  startedAt: number;
}

/** Outages that broke together. */
export interface Incident {
  /** Stable while the incident lasts: derived from its earliest outage. */
  id: string;
  name: string;
  /** The owner every service shares, when they share one. */
  owner: string | null;
  startedAt: number;
  services: string[];
  outageIds: string[];
}

/** How often two services have had outages together, 0..1 (e.g. Jaccard over past outage days). */
export interface CoOccurrence {
  a: string;
  b: string;
  weight: number;
}

export interface GroupOptions {
  /** Outages starting further apart than this are never grouped. Default 10 minutes. */
  withinMs?: number;
  coOccurrence?: readonly CoOccurrence[];
  /** Smallest co-occurrence weight that groups services of different owners. Default 0.5. */
  minCoOccurrence?: number;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Groups open outages into incidents: outages that started within `withinMs` of each other and
 * share an owner (Facebook, Instagram, WhatsApp → Meta), or whose services often break together.
 * A knock-on surge at a rival (different owner, later start) stays apart. Only groups of two or
 * more services are incidents. Pure; the result is sorted by start.
 */
export function groupIncidents(outages: readonly IncidentCandidate[], options: GroupOptions = {}): Incident[] {
  const { withinMs = 10 * 60_000, coOccurrence = [], minCoOccurrence = 0.5 } = options;
  const strong = new Set(coOccurrence.filter((p) => p.weight >= minCoOccurrence).flatMap((p) => [`${p.a}\n${p.b}`, `${p.b}\n${p.a}`]));
  const sorted = [...outages].sort((x, y) => x.startedAt - y.startedAt || (x.id < y.id ? -1 : 1));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.startedAt - sorted[i]!.startedAt <= withinMs; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const sameOwner = !!a.owner && a.owner === b.owner;
      if (sameOwner || a.service === b.service || strong.has(`${a.service}\n${b.service}`)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, IncidentCandidate[]>();
  sorted.forEach((o, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), o]));
  const incidents: Incident[] = [];
  for (const members of groups.values()) {
    const services = [...new Set(members.map((o) => o.service))];
    if (services.length < 2) continue;
    const owners = new Set(members.map((o) => o.owner ?? null));
    const owner = owners.size === 1 ? [...owners][0]! : null;
    const names = services.map((s) => members.find((o) => o.service === s)!.serviceName ?? s);
    incidents.push({
      id: `incident:${members[0]!.id}`,
      name: owner ? `${owner} services` : listNames(names),
      owner,
      startedAt: members[0]!.startedAt,
      services,
      outageIds: members.map((o) => o.id),
    });
  }
  return incidents;
}
