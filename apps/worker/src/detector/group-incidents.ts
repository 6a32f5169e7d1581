/** What incident grouping needs to know of an open outage. Times in ms. */
export interface IncidentCandidate {
  id: string;
  service: string;
  owner: string;
  startedAt: number;
}

export interface IncidentGroup {
  /** Stable for the group: derived from its owner and its first outage's start. */
  key: string;
  name: string;
  owner: string;
  startedAt: number;
  outageIds: string[];
  services: string[];
}

/**
 * Outages of services with the same owner that start within `windowMs` of each other broke
 * together: one incident, named after the owner. An outage of another owner's service in the same
 * minutes (Telegram flooded by people leaving WhatsApp) is a knock-on, not part of the incident.
 * A group needs two services or more; a lone outage is no incident.
 */
export function groupIncidents(outages: readonly IncidentCandidate[], windowMs = 10 * 60_000): IncidentGroup[] {
  const byOwner = new Map<string, IncidentCandidate[]>();
  for (const o of outages) byOwner.set(o.owner, [...(byOwner.get(o.owner) ?? []), o]);
  const groups: IncidentGroup[] = [];
  for (const [owner, list] of byOwner) {
    const sorted = [...list].sort((a, b) => a.startedAt - b.startedAt || a.service.localeCompare(b.service));
    let current: IncidentCandidate[] = [];
    const close = () => {
      const services = [...new Set(current.map((o) => o.service))];
      if (services.length >= 2) {
        const startedAt = current[0]!.startedAt;
        groups.push({ key: `${owner}@${startedAt}`, name: `${owner} services`, owner, startedAt, outageIds: current.map((o) => o.id), services });
      }
      current = [];
    };
    for (const o of sorted) {
      // Chained: each outage joins when it starts within the window of the group's latest one.
      if (current.length > 0 && o.startedAt - current[current.length - 1]!.startedAt > windowMs) close();
      current.push(o);
    }
    close();
  }
  return groups.sort((a, b) => b.startedAt - a.startedAt);
}
