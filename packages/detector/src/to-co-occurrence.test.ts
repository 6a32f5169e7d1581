import { toCoOccurrence } from './to-co-occurrence';

const days = (...d: string[]) => new Set(d);

describe('toCoOccurrence', () => {
  it('weighs each pair by the share of outage days they had together', () => {
    const pairs = toCoOccurrence(
      new Map([
        ['cdn', days('03-01', '03-09', '04-02', '05-20')],
        ['shop', days('03-01', '03-09', '04-02')],
        ['chat', days('03-09', '06-11')],
      ]),
    );
    expect(pairs).toEqual([{ a: 'cdn', b: 'shop', weight: 0.75 }]);
  });

  it('needs the pair to have shared at least the minimum number of days', () => {
    const map = new Map([
      ['a', days('1', '2')],
      ['b', days('1', '3')],
    ]);
    expect(toCoOccurrence(map)).toEqual([]);
    expect(toCoOccurrence(map, 1)).toEqual([{ a: 'a', b: 'b', weight: 1 / 3 }]);
  });
});
