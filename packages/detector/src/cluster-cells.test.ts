import { clusterCells } from './cluster-cells';
import { toParentCell } from './parent-cell';

describe('toParentCell', () => {
  // Reference values from h3-js cellToParent.
  it.each([
    ['893da11462fffff', 8, '883da11463fffff'],
    ['893da11462fffff', 7, '873da1146ffffff'],
    ['893da11462fffff', 5, '853da117fffffff'],
    ['87608b0b6ffffff', 4, '84608b1ffffffff'],
    ['87608b0b6ffffff', 0, '8061fffffffffff'],
    ['87608b0b6ffffff', 7, '87608b0b6ffffff'],
    ['87608b0b6ffffff', 9, '87608b0b6ffffff'],
  ])('parent of %s at resolution %i is %s', (cell, resolution, parent) => {
    expect(toParentCell(cell, resolution)).toBe(parent);
  });
});

describe('clusterCells', () => {
  const delhi = '893da11462fffff';
  const delhiNeighbour = '893da11463bffff';
  const mumbai = '89608b0b6cbffff';
  const quiet = '89608b0b6c3ffff';

  it('keeps the cells well above their baseline, most excess first', () => {
    const clusters = clusterCells({ [delhi]: 40, [mumbai]: 90, [quiet]: 4 }, { [delhi]: 2, [mumbai]: 10, [quiet]: 3 });
    expect(clusters.map((c) => c.cell)).toEqual([mumbai, delhi]);
    expect(clusters[0]).toMatchObject({ count: 90, expected: 10, ratio: 9, excess: 80 });
    expect(clusters[1]!.ratio).toBe(20);
    expect(clusters[1]!.score).toBeGreaterThan(0.5);
  });

  it.each([
    // count, expected, shown
    [40, 2, true],
    [2, 0, false], // too few reports, however new the cell
    [3, 0, false], // a cell with no history is judged against the floor of 0.5: 3 is within chance
    [4, 0, true],
    [12, 8, false], // 1.5x: not an outage cell
    [30, 10, true],
    [5, 2, false], // 2.5x of a small count: within chance
  ])('a cell with %i reports against %f expected is shown: %s', (count, expected, shown) => {
    expect(clusterCells({ [delhi]: count }, { [delhi]: expected }).length).toBe(shown ? 1 : 0);
  });

  it('rolls cells up to a coarser resolution before judging them', () => {
    const clusters = clusterCells({ [delhi]: 2, [delhiNeighbour]: 2, [mumbai]: 1 }, {}, { resolution: 5 });
    expect(clusters).toEqual([expect.objectContaining({ cell: toParentCell(delhi, 5), count: 4, expected: 0 })]);
  });

  it('sorts ties by ratio, then by cell, and honours the limit', () => {
    const clusters = clusterCells({ a1: 30, b2: 30, c3: 30 }, { a1: 5, b2: 5, c3: 1 }, { limit: 2 });
    expect(clusters.map((c) => c.cell)).toEqual(['c3', 'a1']);
  });
});
