import { generateSeries } from '../test/generate-series';
import { formatBacktest } from './format-backtest';
import { parseSeries } from './parse-series';
import { replay } from './replay';

const minute = 60_000;
const start = Date.UTC(2024, 2, 1);

// Three days at 3 reports a minute, then an hour at 40 (the shape of the backtest contract check).
const g = generateSeries({ seed: 21, start, minutes: 3 * 1440, reportsPerMinute: 3, burstsPerWeek: 0 });
const counts = g.counts.map((x, i) => (i >= 3 * 1440 - 120 && i < 3 * 1440 - 60 ? 40 : (x ?? 0)));
const rows = counts.map((value, i) => ({ at: start + i * minute, value }));

describe('replay', () => {
  const full = replay(rows).rows;

  it('alerts on the flood and nowhere else', () => {
    const alerts = full.flatMap((r, i) => (r.alert ? [i] : []));
    expect(alerts[0]).toBe(3 * 1440 - 120);
    expect(alerts.every((i) => i >= 3 * 1440 - 120 && i < 3 * 1440 - 20)).toBe(true);
  });

  it('is online: a prefix of the input gives the same rows', () => {
    const cut = 3 * 1440 - 90;
    expect(replay(rows.slice(0, cut)).rows).toEqual(full.slice(0, cut));
  });

  it('infers the bucket length from the rows, even when the second row is missing', () => {
    // The same series in 5-minute buckets: one row per 5 minutes.
    const fives = [];
    for (let i = 0; i + 5 <= counts.length; i += 5) fives.push({ at: start + i * minute, value: counts.slice(i, i + 5).reduce((a, b) => a + b, 0) });
    const out = replay(fives);
    expect(out.bucketMs).toBe(5 * minute);
    expect(replay([fives[0]!, ...fives.slice(2)]).bucketMs).toBe(5 * minute);
    const flood = (3 * 1440 - 120) / 5;
    expect(out.rows[flood + 1]!.alert).toBe(true);
    expect(out.rows.slice(0, flood).some((r) => r.alert)).toBe(false);
    const mid = fives.length - 200;
    expect(out.rows[mid]!.expected).toBeGreaterThan(5);
    expect(out.rows[mid]!.expected).toBeLessThan(30);
  });

  it('writes the backtest CSV with the timestamps as given', () => {
    const parsed = parseSeries('timestamp,value\n2024-03-01 00:00:00,3\n2024-03-01 00:01:00,4\n');
    expect(formatBacktest(parsed, replay(parsed).rows)).toBe(
      'timestamp,value,expected,score,alert\n2024-03-01 00:00:00,3,0.05,0,0\n2024-03-01 00:01:00,4,0.05,0,0\n',
    );
  });
});
