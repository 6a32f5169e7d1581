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
