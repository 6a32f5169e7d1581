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

/**
 * The map clusters of an outage: cells with reports in the window, with their ratio to normal,
 * busiest first. The expectation is floored so that a cell that is usually silent shows a large but
 * finite ratio, and cells with a single report are dropped as noise once there are enough others.
 */
export function toClusters(cells: readonly CellCount[], options: { expectedFloor?: number; limit?: number } = {}): OutageCluster[] {
  const floor = options.expectedFloor ?? 0.5;
  const limit = options.limit ?? 200;
  const plenty = cells.filter((c) => c.count >= 2).length >= 10;
  return cells
    .filter((c) => c.count > 0 && (!plenty || c.count >= 2))
    .map((c) => ({
      cell: c.cell, lat: c.lat, lon: c.lon, count: c.count,
      expected: Math.round(c.expected * 100) / 100,
      ratio: Math.round((c.count / Math.max(c.expected, floor)) * 10) / 10,
      city: null, country: c.country,
    }))
    .sort((a, b) => b.count - a.count || b.ratio - a.ratio || a.cell.localeCompare(b.cell))
    .slice(0, limit);
}
