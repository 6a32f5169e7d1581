import { parseSeries, parseTimestamp, SeriesFormatError } from './parse-series';

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-01T12:30:00', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01T12:30:00Z', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01 12:30:00', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01T12:30', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01T12:30:00.250Z', Date.UTC(2024, 2, 1, 12, 30, 0, 250)],
    ['2024-03-01T18:00:00+05:30', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01T07:30:00-0500', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-02-30T00:00:00', null],
    ['2024-03-01T24:00:00', null],
    ['yesterday', null],
    ['1709296200', null],
    ['', null],
  ])('reads %j as %p', (text, want) => {
    expect(parseTimestamp(text)).toBe(want);
  });
});

describe('parseSeries', () => {
  it('reads CSV rows, keeping the timestamp as written', () => {
    expect(parseSeries('timestamp,value\r\n2024-03-01 00:00:00,3\n2024-03-01 00:01:00,0\n\n')).toEqual([
      { timestamp: '2024-03-01 00:00:00', at: Date.UTC(2024, 2, 1), value: 3 },
      { timestamp: '2024-03-01 00:01:00', at: Date.UTC(2024, 2, 1, 0, 1), value: 0 },
    ]);
  });

  it('reads JSON Lines, found by the first character', () => {
    const text = '{"timestamp":"2024-03-01T00:00:00Z","value":3}\n{"timestamp":"2024-03-01T00:01:00Z","value":"4"}\n';
    expect(parseSeries(text).map((r) => r.value)).toEqual([3, 4]);
  });

  it.each([
    ['time,count\n2024-03-01T00:00:00,1\n', 'row 1: header is "time,count", expected "timestamp,value"'],
    ['timestamp,value\n2024-03-01T00:00:00,1\n2024-03-01T00:01:00,abc\n', 'row 3: value "abc" is not a count (a whole number ≥ 0)'],
    ['timestamp,value\n2024-03-01T00:00:00,-1\n', 'row 2: value "-1" is not a count (a whole number ≥ 0)'],
    ['timestamp,value\n2024-03-01T00:00:00,1.5\n', 'row 2: value "1.5" is not a count (a whole number ≥ 0)'],
    ['timestamp,value\n2024-03-01T00:00:00,\n', 'row 2: value "" is not a count (a whole number ≥ 0)'],
    ['timestamp,value\nyesterday,1\n', 'row 2: timestamp "yesterday" is not ISO 8601 or YYYY-MM-DD HH:MM:SS'],
    ['timestamp,value\n2024-03-01T00:00:00,1,2\n', 'row 2: expected 2 fields (timestamp,value), got 3'],
    ['{"timestamp":"2024-03-01T00:00:00Z","value":1}\n{"timestamp":"2024-03-01T00:01:00Z"}\n', 'row 2: value null is not a count (a whole number ≥ 0)'],
    ['{"timestamp":"2024-03-01T00:00:00Z","value":1}\nnot json\n', 'row 2: not a JSON object'],
  ])('refuses %j with one message naming the row', (text, message) => {
    expect(() => parseSeries(text)).toThrow(new SeriesFormatError(message));
  });
});
