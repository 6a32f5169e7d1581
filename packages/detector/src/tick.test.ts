import { generateSeries } from '../test/generate-series';
import { seededRandom } from '../test/random';
import { replay } from './replay';
import type { SeriesState } from './series-state';
import { tick, type SeriesObservation, type TickResult } from './tick';
import { toServiceStatus } from './to-service-status';

const minute = 60_000;
const start = Date.UTC(2024, 0, 1);
const days = 3;
const historyEnd = start + days * 1440 * minute;

/** A series with `days` of history at `rate` reports/min, ending at historyEnd (replayed, so real). */
function warmState(rate: number, seed = 1): SeriesState {
  const g = generateSeries({ seed, start, minutes: days * 1440, reportsPerMinute: rate, burstsPerWeek: 0, gapsPerWeek: 0 });
  const rows = g.counts.map((value, i) => ({ at: start + i * minute, value: value ?? 0 }));
  return replay(rows, { bucketMs: minute }).state!;
}

const warm = warmState(3);

/** Ticks every 5 s from `from` for `minutes`, with `perMinute(m)` reports in minute m arriving evenly. */
function run(
  states: Record<string, SeriesState>,
  perMinute: (m: number) => number,
  from: number,
  minutes: number,
): { results: TickResult[]; states: Record<string, SeriesState> } {
  const results: TickResult[] = [];
  for (let at = from + 5_000; at <= from + minutes * minute; at += 5_000) {
    const m = Math.floor((at - from) / minute);
    const current = from + m * minute;
    const elapsed = (at - current) / minute;
    const buckets = [
      { start: current - minute, count: perMinute(m - 1) },
      { start: current, count: Math.floor(perMinute(m) * elapsed) },
    ];
    const r = tick(states, [{ service: 'whatsapp', buckets }], at);
    results.push(r);
    states = r.states;
  }
  return { results, states };
}

const quiet = (m: number) => [3, 2, 4, 3, 3, 5, 2, 3][((m % 8) + 8) % 8]!;

describe('tick', () => {
  it('opens an outage within the first minute of a 20x flood, back-dated to its start', () => {
    const floodAt = historyEnd + 5 * minute;
    const counts = (m: number) => (m >= 5 ? 60 : quiet(m));
    const { results } = run({ whatsapp: warm }, counts, historyEnd, 12);
    const opened = results.flatMap((r) => r.transitions).find((t) => t.kind === 'opened');
    expect(opened).toBeDefined();
    expect(opened!.outage.detectedAt - floodAt).toBeLessThan(minute);
    expect(opened!.outage.startedAt).toBe(floodAt);
    expect(opened!.outage).toMatchObject({ service: 'whatsapp', region: null, phase: 'outage', status: 'problems' });
  });

  it('scores the partial minute but commits it only once closed (after closeDelayMs)', () => {
    const states = { whatsapp: warm };
    const obs = (count: number): SeriesObservation[] => [{ service: 'whatsapp', buckets: [{ start: historyEnd, count }] }];
    const mid = tick(states, obs(2), historyEnd + 30_000);
    expect(mid.states.whatsapp).toBe(warm); // nothing to write back
    expect(mid.readings[0]!.committed).toEqual([]);
    const early = tick(states, obs(3), historyEnd + minute + 5_000);
    expect(early.states.whatsapp!.last).toBe(warm.last);
    const closed = tick(states, obs(3), historyEnd + minute + 10_000);
    expect(closed.states.whatsapp!.last).toBe(historyEnd / minute);
    expect(closed.readings[0]!.committed).toEqual([{ start: historyEnd, count: 3, expected: expect.any(Number) }]);
  });

  it('is pure: the same inputs give the same outputs, inputs are left untouched, JSON round trips change nothing', () => {
    const counts = (m: number) => (m >= 3 && m < 40 ? 45 : quiet(m));
    const frozen = JSON.stringify(warm);
    const inMemory = run({ whatsapp: warm }, counts, historyEnd, 50);
    const again = run({ whatsapp: warm }, counts, historyEnd, 50);
    expect(JSON.stringify(warm)).toBe(frozen);
    expect(JSON.stringify(again.results)).toBe(JSON.stringify(inMemory.results));
    // As the worker does: the state goes to Redis as JSON between every tick.
    let states: Record<string, SeriesState> = { whatsapp: JSON.parse(frozen) as SeriesState };
    const viaJson: TickResult[] = [];
    for (let at = historyEnd + 5_000; at <= historyEnd + 50 * minute; at += 5_000) {
      const r = tick(states, [{ service: 'whatsapp', buckets: bucketsAt(counts, at) }], at);
      viaJson.push(r);
      states = JSON.parse(JSON.stringify(r.states));
    }
    expect(JSON.stringify(viaJson.map((r) => r.transitions))).toBe(JSON.stringify(inMemory.results.map((r) => r.transitions)));
  });

  it('goes through opened, updated and resolved, with peak, end and problem mix', () => {
    const counts = (m: number) => (m >= 3 && m < 33 ? 40 + (m === 10 ? 20 : 0) : quiet(m));
    const { results } = run({ whatsapp: warm }, counts, historyEnd, 90);
    const transitions = results.flatMap((r) => r.transitions);
    const kinds = [...new Set(transitions.map((t) => t.kind))];
    expect(kinds).toEqual(['opened', 'updated', 'resolved']);
    const resolved = transitions.find((t) => t.kind === 'resolved')!.outage;
    expect(resolved.id).toBe(transitions[0]!.outage.id);
    expect(resolved).toMatchObject({ phase: 'resolved', status: 'ok', peakCount: 60, peakAt: historyEnd + 10 * minute });
    expect(resolved.startedAt).toBe(historyEnd + 3 * minute);
    expect(resolved.endedAt).toBe(historyEnd + 33 * minute);
    expect(resolved.resolvedAt!).toBeGreaterThan(resolved.endedAt!);
    expect(resolved.peakRatio).toBeGreaterThan(10);
    // Held open through recovering: at most one outage for one excess.
    expect(transitions.filter((t) => t.kind === 'opened')).toHaveLength(1);
  });
});

function bucketsAt(perMinute: (m: number) => number, at: number) {
  const m = Math.floor((at - historyEnd) / minute);
  const current = historyEnd + m * minute;
  return [
    { start: current - minute, count: perMinute(m - 1) },
    { start: current, count: Math.floor(perMinute(m) * ((at - current) / minute)) },
  ];
}

describe('problem mix and regions', () => {
  it('reports the problem mix of the outage from per-problem counts', () => {
    let states: Record<string, SeriesState> = { whatsapp: warm };
    let last: TickResult | null = null;
    for (let m = 0; m < 8; m++) {
      const count = m >= 2 ? 50 : 3;
      const problems: Record<string, number> = m >= 2 ? { 'server-connection': 40, messages: 10 } : { app: 3 };
      last = tick(states, [{ service: 'whatsapp', buckets: [{ start: historyEnd + m * minute, count, problems }] }], historyEnd + (m + 1) * minute + 10_000);
      states = last.states;
    }
    const outage = last!.transitions[0]!.outage;
    expect(outage.problemMix.map((p) => p.problem)).toEqual(['server-connection', 'messages']);
    expect(outage.problemMix[0]!.percent).toBe(80);
  });

  it('finds a network outage the whole service hardly shows, and lists the region on the service outage', () => {
    const jio = { kind: 'network' as const, code: 'AS55836' };
    let states: Record<string, SeriesState> = { whatsapp: warmState(30, 4), 'whatsapp/network/AS55836': warmState(0.3, 2) };
    const rnd = seededRandom(3);
    const opened: string[] = [];
    let regions: unknown = null;
    for (let m = 0; m < 30; m++) {
      // Jio goes from 0.3 to 6 reports/min, lifting the service by a fifth; at minute 20 everything floods.
      const regional = m >= 2 ? 6 : Math.round(rnd() * 0.6);
      const service = m >= 20 ? 600 : 10 * quiet(m) + regional;
      const at = historyEnd + (m + 1) * minute + 10_000;
      const r = tick(
        states,
        [
          { service: 'whatsapp', buckets: [{ start: historyEnd + m * minute, count: service }] },
          { service: 'whatsapp', region: jio, buckets: [{ start: historyEnd + m * minute, count: regional }] },
        ],
        at,
      );
      states = r.states;
      for (const t of r.transitions) {
        if (t.kind === 'opened') opened.push(`${m}:${t.outage.series}`);
        if (t.outage.series === 'whatsapp' && t.outage.regions.length) regions = t.outage.regions;
      }
    }
    expect(opened[0]).toMatch(/:whatsapp\/network\/AS55836$/);
    expect(Number(opened[0]!.split(':')[0])).toBeLessThan(12);
    expect(opened.filter((o) => o.endsWith(':whatsapp')).map((o) => Number(o.split(':')[0]))).toEqual([20]);
    expect(regions).toEqual([jio]);
  });
});

describe('toServiceStatus', () => {
  it.each([
    ['normal', 'ok'],
    ['suspected', 'possible'],
    ['outage', 'problems'],
    ['recovering', 'possible'],
    ['resolved', 'ok'],
  ] as const)('shows %s as %s', (phase, status) => {
    expect(toServiceStatus(phase)).toBe(status);
  });
});

describe('series state', () => {
  it('stays a few KB of plain JSON with two days of minutes', () => {
    const json = JSON.stringify(warm);
    expect(json.length).toBeLessThan(10_000);
    expect(JSON.parse(json)).toEqual(warm);
  });

  it("ends a country's outage with the whole service's, when the country has a few reports a minute", () => {
    const ma = { kind: 'country' as const, code: 'MA' };
    let states: Record<string, SeriesState> = { whatsapp: warmState(30, 4), 'whatsapp/country/MA': warmState(0.05, 5) };
    const resolved: Record<string, number> = {};
    for (let m = 0; m < 30; m++) {
      // Minutes 2 to 11: everything floods (30x), Morocco with about a report a minute; then silence.
      const flooding = m >= 2 && m < 12;
      const service = flooding ? 900 : m >= 12 ? 25 : 30;
      const region = flooding ? 1 + (m % 2) : 0;
      const r = tick(
        states,
        [
          { service: 'whatsapp', buckets: [{ start: historyEnd + m * minute, count: service }] },
          { service: 'whatsapp', region: ma, buckets: [{ start: historyEnd + m * minute, count: region }] },
        ],
        historyEnd + (m + 1) * minute + 10_000,
      );
      states = r.states;
      for (const t of r.transitions) if (t.kind === 'resolved') resolved[t.outage.series] = m;
    }
    expect(resolved.whatsapp).toBeDefined();
    expect(resolved['whatsapp/country/MA']).toBeDefined();
    // Both within 5 minutes of the flood's end (minute 12), the country no later than the service + 1.
    expect(resolved.whatsapp! - 12).toBeLessThanOrEqual(5);
    expect(resolved['whatsapp/country/MA']! - resolved.whatsapp!).toBeLessThanOrEqual(1);
  });
});
