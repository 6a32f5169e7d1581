import { toClusters, type CellCount } from './to-clusters';

const cell = (id: string, count: number, expected: number): CellCount => ({ cell: id, lat: 23.81, lon: 90.41, country: 'BD', count, expected });

describe('toClusters', () => {
  it('keeps the cells well above their normal, with their place, most excess first', () => {
    const clusters = toClusters([cell('busy', 40, 2), cell('quiet', 30, 0), cell('usual', 5, 4), cell('lone', 1, 0)]);
    expect(clusters.map((c) => [c.cell, c.count, c.country])).toEqual([
      ['busy', 40, 'BD'],
      ['quiet', 30, 'BD'],
    ]);
    expect(clusters[1]).toMatchObject({ lat: 23.81, lon: 90.41, ratio: 60, expected: 0 });
  });

  it('keeps at most the limit', () => {
    expect(
      toClusters(
        Array.from({ length: 50 }, (_, i) => cell(`c${i}`, 30, 1)),
        20,
      ),
    ).toHaveLength(20);
  });
});
