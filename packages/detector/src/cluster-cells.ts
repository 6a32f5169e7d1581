import { nbLogTail } from './nb-tail';
import { toParentCell } from './parent-cell';

/** One map cell of an outage: reports there now against what the cell normally sends. */
export interface CellCluster {
  /** H3 index, as the caller gave it (or its parent, when rolled up). */
  cell: string;
  count: number;
  expected: number;
  /** count / max(expected, expectedFloor). */
  ratio: number;
  excess: number;
  /** Surprise 0..1, as for series: -log10(p) / 10, capped. */
  score: number;
}

export interface ClusterOptions {
  /** Fewest reports a cell needs to be shown. Default 3. */
  minCount?: number;
  /** Smallest count / expected ratio. Default 2. */
  minRatio?: number;
  /** Largest tail probability of the count under the cell's baseline. Default 0.01: the outage itself is already established. */
  maxP?: number;
  /** Negative binomial dispersion of cell counts (variance = m + φ m²). Default 0.2. */
  dispersion?: number;
  /** Expected counts are floored at this for the ratio, so a cell that never reports is not "infinitely" up. Default 0.5. */
  expectedFloor?: number;
  /** Roll cells up to their parent at this H3 resolution before scoring. */
  resolution?: number;
  /** Keep the first `limit` clusters. */
  limit?: number;
}

function sumBy(entries: Iterable<[string, number]>, resolution: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [cell, n] of entries) {
    const key = resolution === undefined ? cell : toParentCell(cell, resolution);
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

/**
 * Cells where an outage's reports stand out from each cell's baseline (expected reports over the
 * same window), most excess first. Counts and baselines are keyed by H3 cell; pure.
 */
export function clusterCells(
  counts: Readonly<Record<string, number>>,
  baselines: Readonly<Record<string, number>>,
  options: ClusterOptions = {},
): CellCluster[] {
  const { minCount = 3, minRatio = 2, maxP = 0.01, dispersion = 0.2, expectedFloor = 0.5, resolution, limit } = options;
  const observed = sumBy(Object.entries(counts), resolution);
  const expectedBy = sumBy(Object.entries(baselines), resolution);
  const out: CellCluster[] = [];
  for (const [cell, count] of observed) {
    const expected = expectedBy.get(cell) ?? 0;
    const ratio = count / Math.max(expected, expectedFloor);
    if (count < minCount || ratio < minRatio) continue;
    // A cell with no baseline at all is judged against the floor: one report there is not news.
    const logP = nbLogTail(count, Math.max(expected, expectedFloor), dispersion);
    if (logP > Math.log(maxP)) continue;
    out.push({ cell, count, expected, ratio, excess: count - expected, score: Math.min(1, -logP / Math.log(10) / 10) });
  }
  out.sort((a, b) => b.excess - a.excess || b.ratio - a.ratio || (a.cell < b.cell ? -1 : 1));
  return limit === undefined ? out : out.slice(0, limit);
}
