import { toClusters, type CellCount } from './to-clusters';

const cell = (id: string, count: number, expected: number, country: string | null = 'IN'): CellCount => ({ cell: id, lat: 1, lon: 2, country, count, expected });

describe('toClusters', () => {
  it('ranks cells by reports and gives each its ratio to normal, with a floor under silent cells', () => {
    expect(toClusters([cell('a', 4, 2), cell('b', 30, 1.5), cell('c', 3, 0)]).map((c) => [c.cell, c.count, c.ratio])).toEqual([
      ['b', 30, 20], ['a', 4, 2], ['c', 3, 6],
    ]);
  });

  it('drops single reports once there are enough busier cells, and empty cells always', () => {
    const busy = Array.from({ length: 10 }, (_, i) => cell(`busy${i}`, 5, 1));
    const clusters = toClusters([...busy, cell('lone', 1, 0), cell('empty', 0, 3)]);
    expect(clusters.map((c) => c.cell)).not.toContain('lone');
    expect(clusters.map((c) => c.cell)).not.toContain('empty');
    expect(toClusters([cell('lone', 1, 0)]).map((c) => c.cell)).toEqual(['lone']);
  });

  it('keeps at most the limit', () => {
    expect(toClusters(Array.from({ length: 50 }, (_, i) => cell(`c${i}`, 3, 1)), { limit: 20 })).toHaveLength(20);
  });
});
