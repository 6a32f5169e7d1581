import { iso1A2Code } from '@rapideditor/country-coder';
import geoip from 'geoip-lite';
import { cellToLatLng, latLngToCell } from 'h3-js';
import type { GeoPoint } from '@outage-radar/shared';

/** H3 resolution 5: cells of about 250 km², the size of a city; finer would locate a person. */
export const cellResolution = 5;

export interface Place {
  cell: string | null;
  /** Centre of the cell, never the reporter's own position. */
  lat: number | null;
  lon: number | null;
  country: string | null;
  city: string | null;
  placeSource: 'browser' | 'ip' | 'none';
}

const nowhere: Place = { cell: null, lat: null, lon: null, country: null, city: null, placeSource: 'none' };

/**
 * Coarse place of a report: the browser's position when the reporter shared it, else an offline
 * GeoIP look-up of the client address. Only the cell, its centre, the country and the city are kept.
 */
export function locate(position: GeoPoint | undefined, ip: string | undefined): Place {
  if (position) {
    const cell = latLngToCell(position.lat, position.lon, cellResolution);
    const [lat, lon] = cellToLatLng(cell);
    const country = iso1A2Code([position.lon, position.lat]) ?? null;
    // A GeoIP city is only a fair label when it agrees with the shared position's country.
    const byIp = ip ? geoip.lookup(ip) : null;
    const city = byIp && byIp.country === country && byIp.city ? byIp.city : null;
    return { cell, lat: round(lat), lon: round(lon), country, city, placeSource: 'browser' };
  }
  const hit = ip ? geoip.lookup(ip) : null;
  if (!hit) return nowhere;
  const [ipLat, ipLon] = hit.ll;
  // geoip-lite answers 0,0 when it knows the country only.
  if (ipLat === 0 && ipLon === 0) return { ...nowhere, country: hit.country || null, placeSource: 'ip' };
  const cell = latLngToCell(ipLat, ipLon, cellResolution);
  const [lat, lon] = cellToLatLng(cell);
  return { cell, lat: round(lat), lon: round(lon), country: hit.country || null, city: hit.city || null, placeSource: 'ip' };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
