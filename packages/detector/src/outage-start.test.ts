import { generateSeries } from '../test/generate-series';
import { replay } from './replay';
import type { SeriesState } from './series-state';
import { tick } from './tick';

const minuteMs = 60_000;
const t0 = Date.UTC(2026, 0, 5, 0, 0);

/** Three quiet hours with a report every seven minutes, then `reports` in minute `floodMinute`. */
function observe(floodMinute: number, reports: number, at: number) {
  const buckets = [];
  for (let m = 0; m <= floodMinute; m++) {
    const quiet = m % 7 === 0 ? 1 : 0;
    buckets.push({ start: t0 + m * minuteMs, count: m === floodMinute ? reports : quiet });
  }
  return tick({}, [{ service: 'chat', buckets }], at);
}

describe('the start of an outage', () => {
  it.each([3, 12, 30])('is dated no earlier than the minute the reports rose (%i in one minute)', (reports) => {
    const floodMinute = 200;
    const result = observe(floodMinute, reports, t0 + floodMinute * minuteMs + 40_000);
    const opened = result.transitions.find((t) => t.kind === 'opened');
    if (reports < 10) {
      expect(opened).toBeUndefined();
      return;
    }
    expect(opened?.outage.startedAt).toBeGreaterThanOrEqual(t0 + floodMinute * minuteMs);
    expect(opened?.outage.startedAt).toBeLessThanOrEqual(t0 + floodMinute * minuteMs + minuteMs);
  });
});

describe('the start of a surge on a quiet series', () => {
  // Seven days at 0.22 reports a minute, then the demo's Telegram: a stray 2 reports, a quiet
  // minute, one report, and the surge (5, 4, 5, ...). The stray minute makes a start three minutes
  // early about as likely as the true one; the outage is dated from the surge.
  const minuteMs = 60_000;
  const start = Date.UTC(2024, 0, 1);
  const days = 7;
  const end = start + days * 1440 * minuteMs;

  it('is not pulled back to a stray busy minute before it', () => {
    const g = generateSeries({ seed: 3, start, minutes: days * 1440, reportsPerMinute: 0.22, burstsPerWeek: 0, gapsPerWeek: 0, dailyAmplitude: 0 });
    let states: Record<string, SeriesState> = {
      chat: replay(
        g.counts.map((value, i) => ({ at: start + i * minuteMs, value: value ?? 0 })),
        { bucketMs: minuteMs },
      ).state!,
    };
    const counts = [2, 0, 1, 5, 4, 5, 3, 4, 2, 4];
    let startedAt: number | null = null;
    for (let at = end + 5_000; at <= end + counts.length * minuteMs && startedAt === null; at += 5_000) {
      const m = Math.floor((at - end) / minuteMs);
      const current = end + m * minuteMs;
      const buckets = [
        { start: current - minuteMs, count: m > 0 ? counts[m - 1]! : 0 },
        { start: current, count: Math.floor((counts[m] ?? 0) * ((at - current) / minuteMs)) },
      ];
      const r = tick(states, [{ service: 'chat', buckets }], at);
      states = r.states;
      startedAt = r.transitions.find((t) => t.kind === 'opened')?.outage.startedAt ?? null;
    }
    expect(startedAt).not.toBeNull();
    expect((startedAt! - end) / minuteMs).toBeGreaterThanOrEqual(2);
  });
});
