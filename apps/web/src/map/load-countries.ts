import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
// Fetched as static files, not bundled as JavaScript: they do not count against the script budget.
import countries110mUrl from 'world-atlas/countries-110m.json?url';
import countries50mUrl from 'world-atlas/countries-50m.json?url';

export type Detail = '110m' | '50m';
export type Countries = FeatureCollection<Geometry, { name: string }>;

/**
 * Rings that cross the 180° meridian (Russia's far east, Fiji) jump from +180 to -180; drawn
 * as they are they streak across the whole map. Moving their western half past +180 keeps them whole.
 */
function unwrapRing(ring: Position[]): Position[] {
  // Antarctica's ring runs along the whole meridian span on purpose: leave it.
  if (ring.some(([, lat = 0]) => lat < -80)) return ring;
  const crosses = ring.some((point, i) => i > 0 && Math.abs((point[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180);
  return crosses ? ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapAntimeridian(countries: Countries): Countries {
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (geometry.type === 'Polygon') geometry.coordinates = geometry.coordinates.map(unwrapRing);
    else if (geometry.type === 'MultiPolygon') geometry.coordinates = geometry.coordinates.map((polygon) => polygon.map(unwrapRing));
  }
  return countries;
}

const urls: Record<Detail, string> = { '110m': countries110mUrl, '50m': countries50mUrl };
const cache = new Map<Detail, Promise<Countries>>();

/** Natural Earth country shapes from world-atlas, as GeoJSON; loaded once per detail level. */
export function loadCountries(detail: Detail): Promise<Countries> {
  let pending = cache.get(detail);
  if (!pending) {
    pending = fetch(urls[detail])
      .then((response) => {
        if (!response.ok) throw new Error(`world-atlas ${detail}: HTTP ${response.status}`);
        return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
      })
      .then((topology) => unwrapAntimeridian(feature(topology, topology.objects.countries) as Countries));
    pending.catch(() => cache.delete(detail));
    cache.set(detail, pending);
  }
  return pending;
}
