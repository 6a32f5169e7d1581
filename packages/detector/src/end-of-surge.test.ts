import { generateSeries } from '../test/generate-series';
import { replay } from './replay';
import type { SeriesState } from './series-state';
import { tick, type SeriesObservation } from './tick';
import { toServiceStatus } from './to-service-status';

const minute = 60_000;
const start = Date.UTC(2024, 0, 1);
const days = 7;
const historyEnd = start + days * 1440 * minute;

function warm(rate: number, seed: number): SeriesState {
  const g = generateSeries({ seed, start, minutes: days * 1440, reportsPerMinute: rate, burstsPerWeek: 0, gapsPerWeek: 0, dailyAmplitude: 0 });
  return replay(
    g.counts.map((value, i) => ({ at: start + i * minute, value: value ?? 0 })),
    { bucketMs: minute },
  ).state!;
}

const india = { kind: 'country' as const, code: 'IN' };

/**
 * Ticks every 5 s through `surge` (reports per minute, then none) for the service and, when given,
 * its region; returns, per series, the minutes after the last report at which its status was last not ok.
 */
function lastNotOk(states: Record<string, SeriesState>, surge: number[], regionSurge?: number[]): Record<string, number> {
  const countAt = (seq: number[], m: number) => (m >= 0 && m < seq.length ? seq[m]! : 0);
  const notOk: Record<string, number> = {};
  for (let at = historyEnd + 5_000; at <= historyEnd + (surge.length + 20) * minute; at += 5_000) {
    const m = Math.floor((at - historyEnd) / minute);
    const current = historyEnd + m * minute;
    const elapsed = (at - current) / minute;
    const buckets = (seq: number[]) => [
      { start: current - minute, count: countAt(seq, m - 1) },
      { start: current, count: Math.floor(countAt(seq, m) * elapsed) },
    ];
    const observations: SeriesObservation[] = [{ service: 'x', buckets: buckets(surge) }];
    if (regionSurge) observations.push({ service: 'x', region: india, buckets: buckets(regionSurge) });
    const r = tick(states, observations, at);
    states = r.states;
    for (const reading of r.readings) {
      if (toServiceStatus(reading.phase) !== 'ok') notOk[reading.series] = (at - historyEnd) / minute - surge.length;
    }
  }
  return notOk;
}

describe('after a surge, the status is ok again within minutes', () => {
  it('when the surge opened nothing: a suspicion ends once the counts are clearly back', () => {
    // About 5x for a few minutes on a service of 0.8 reports a minute: suspicious, not an outage.
    const after = lastNotOk({ x: warm(0.8, 3) }, [1, 2, 4, 6, 6, 4, 3, 2, 1]);
    expect(after.x).toBeGreaterThan(-9); // it was suspected
    // It used to stay "possible" for 10 minutes: the 15-minute window and the CUSUM still held the surge.
    expect(after.x).toBeLessThan(5);
  });

  it("when a region's outage on a few reports a minute ends: proved against what the outage had, then a minute's hold", () => {
    const after = lastNotOk({ x: warm(0.8, 3), 'x/country/IN': warm(0.25, 4) }, [2, 4, 5, 4, 5, 4, 2], [1, 3, 4, 3, 4, 3, 1]);
    expect(after['x/country/IN']).toBeGreaterThan(0); // its outage outlived the last report
    expect(after['x/country/IN']).toBeLessThan(5);
  });
});
