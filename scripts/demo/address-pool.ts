import geoip from 'geoip-lite';
import type { ServiceRow } from '@outage-radar/db';
import { countryMix, pickCountry } from './rates';

/**
 * Client addresses for the replay, so that reports are placed by the API's own GeoIP look-up as real
 * ones are: /16 prefixes that the bundled database places in a city of each country, found by probing.
 */
export function createAddressPool() {
  const prefixes = new Map<string, string[]>();
  for (let a = 1; a < 224; a++) {
    if (a === 10 || a === 127) continue;
    for (let b = 0; b < 256; b += 1) {
      const hit = geoip.lookup(`${a}.${b}.77.1`);
      if (!hit?.city) continue;
      const list = prefixes.get(hit.country) ?? [];
      if (list.length < 40) list.push(`${a}.${b}`);
      prefixes.set(hit.country, list);
    }
  }
  const any = [...prefixes.values()].flat();
  return {
    addressFor(service: Pick<ServiceRow, 'countries'>): string {
      const list = prefixes.get(pickCountry(countryMix(service))) ?? any;
      const prefix = list[Math.floor(Math.random() * list.length)]!;
      return `${prefix}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
    },
  };
}
