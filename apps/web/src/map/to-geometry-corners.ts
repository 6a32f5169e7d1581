import type { Geometry, Position } from 'geojson';

/** South-west and north-east corners of a polygon geometry, for fitting the map to it. */
export function toGeometryCorners(geometry: Geometry): { lat: number; lon: number }[] {
  const positions: Position[] =
    geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat(2) : [];
  if (positions.length === 0) return [];
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [lon = 0, lat = 0] of positions) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [
    { lat: south, lon: west },
    { lat: north, lon: east },
  ];
}
