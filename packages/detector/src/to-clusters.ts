import { clusterCells } from './cluster-cells';
import type { OutageCluster } from '@outage-radar/shared';

export interface CellCount {
  cell: string;
  lat: number;
  lon: number;
  country: string | null;
  /** Reports in the window. */
  count: number;
  /** What the cell's history expects over the same window. */
  expected: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The map clusters of an outage: the cells the detector finds well above their own normal, with
 * the place each cell stands for, most excess first.
 */
export function toClusters(cells: readonly CellCount[], limit = 200): OutageCluster[] {
  const byCell = new Map(cells.map((c) => [c.cell, c]));
  const found = clusterCells(Object.fromEntries(cells.map((c) => [c.cell, c.count])), Object.fromEntries(cells.map((c) => [c.cell, c.expected])), { limit });
  return found.map((k) => {
    const place = byCell.get(k.cell)!;
    return {
      cell: k.cell,
      lat: round(place.lat, 4),
      lon: round(place.lon, 4),
      count: k.count,
      expected: round(k.expected, 2),
      ratio: round(k.ratio, 1),
      city: null,
      country: place.country,
    };
  });
}
