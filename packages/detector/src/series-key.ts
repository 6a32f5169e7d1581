import type { SeriesRegion } from './outage';

/** The key a series' state is stored under: "whatsapp", "whatsapp/country/IN", "whatsapp/network/AS55836". */
export function toSeriesKey(service: string, region?: SeriesRegion | null): string {
  return region ? `${service}/${region.kind}/${region.code}` : service;
}
