import type { OutageRegion } from './views';

/**
 * Where a series or an outage is narrowed to: a country (ISO 3166-1 alpha-2, "IN") or a network
 * (autonomous system, "AS55836"). The whole service has no region (null).
 *
 * A region is written three ways, each where it is stored, and this module is the only one that
 * converts between them:
 * - the region key, in counters, bucket_counts and outage rows: "all", "cc:IN", "asn:55836";
 * - the series key, naming a detector state: "whatsapp", "whatsapp/country/IN", "whatsapp/network/AS55836";
 * - the view, in the public API: { kind: 'global' | 'country' | 'network', code: null | "IN" | "55836", label }.
 */
export interface Region {
  kind: 'country' | 'network';
  code: string;
}

export type RegionKey = 'all' | `cc:${string}` | `asn:${number}`;

const countryCode = /^[A-Z]{2}$/;
const networkCode = /^AS([0-9]{1,10})$/;

/** The region of a network by its number: { kind: 'network', code: "AS55836" }. */
export function networkRegion(asn: number): Region {
  return { kind: 'network', code: `AS${asn}` };
}

/** The stored spelling: "all" for the whole service, "cc:IN", "asn:55836". */
export function toRegionKey(region: Region | null | undefined): RegionKey {
  if (!region) return 'all';
  if (region.kind === 'country') return `cc:${region.code}`;
  const asn = networkCode.exec(region.code);
  if (!asn) throw new RangeError(`not a network code: "${region.code}" (expected AS followed by its number)`);
  return `asn:${Number(asn[1])}`;
}

/** The region a stored key names; null for "all" and for a scope that is no region (a problem, a cell). */
export function fromRegionKey(key: string): Region | null {
  if (key.startsWith('cc:')) {
    const code = key.slice(3);
    return countryCode.test(code) ? { kind: 'country', code } : null;
  }
  if (key.startsWith('asn:')) {
    const asn = key.slice(4);
    return /^[0-9]{1,10}$/.test(asn) ? networkRegion(Number(asn)) : null;
  }
  return null;
}

/** The key a detector state is stored under: "whatsapp", "whatsapp/country/IN", "whatsapp/network/AS55836". */
export function toSeriesKey(service: string, region?: Region | null): string {
  return region ? `${service}/${region.kind}/${region.code}` : service;
}

/** The service and region a series key names, or null when it names neither a service nor a known kind of region. */
export function fromSeriesKey(key: string): { service: string; region: Region | null } | null {
  const [service, kind, code, ...rest] = key.split('/');
  if (!service || rest.length > 0) return null;
  if (kind === undefined) return { service, region: null };
  if (kind === 'country' && code && countryCode.test(code)) return { service, region: { kind, code } };
  if (kind === 'network' && code && networkCode.test(code)) return { service, region: { kind, code } };
  return null;
}

/** The public view of a stored region key: a network's code is its bare number, as the API has always said. */
export function toOutageRegion(key: string): OutageRegion {
  const region = fromRegionKey(key);
  if (!region) return { kind: 'global', code: null, label: null };
  if (region.kind === 'country') return { kind: 'country', code: region.code, label: null };
  return { kind: 'network', code: region.code.slice(2), label: null };
}
