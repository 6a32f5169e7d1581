import ipaddr from 'ipaddr.js';

/** What abuse rules group an address by. */
export interface NetworkPrefixes {
  /** One subscriber: an IPv4 address, or an IPv6 /64 (a home or phone gets a whole /64). */
  subscriber: string;
  /** One network: an IPv4 /24 or an IPv6 /48, the blocks a single operator or site usually holds. */
  network: string;
}

/**
 * The subscriber and network prefixes of a client address (IPv4-mapped IPv6 counts as IPv4), as
 * CIDR text; null for anything that is not an address. Grouping by prefix, never by AS number: a
 * real outage of one carrier comes from that carrier's whole AS, through carrier-grade NAT.
 */
export function toNetworkPrefixes(ip: string | undefined): NetworkPrefixes | null {
  if (!ip || !ipaddr.isValid(ip)) return null;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.kind() === 'ipv4') {
    const text = address.toString();
    return { subscriber: `${text}/32`, network: `${masked(address, 24)}/24` };
  }
  return { subscriber: `${masked(address, 64)}/64`, network: `${masked(address, 48)}/48` };
}

function masked(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): string {
  const bytes = address.toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    bytes[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return ipaddr.fromByteArray(bytes).toString();
}
