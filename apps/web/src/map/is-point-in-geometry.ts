import type { Geometry, Position } from 'geojson';

function crossings(ring: Position[], lon: number, lat: number): number {
  let count = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) count++;
  }
  return count;
}

/** Ray casting over every ring: an odd number of crossings is inside (holes come out right too). */
export function isPointInGeometry(geometry: Geometry, lon: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.some((rings) => rings.reduce((sum, ring) => sum + crossings(ring, lon, lat), 0) % 2 === 1);
}
