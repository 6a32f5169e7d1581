// One detector tick over 10,000 series, each with 28 days of history: npm run bench:detector
// States are real ones: a few template series are replayed for 28 days (sizes from tiny to huge),
// then copied (JSON round trip, as Redis would) to 10,000 series. Ticks then run every 5 s for a
// few minutes, across an hour boundary, with the current minute's counts growing as they would.

import { getHeapSpaceStatistics } from 'node:v8';
import { replay, tick, type SeriesObservation, type SeriesState } from '../src/index';
import { foldMinuteOf } from '../src/two-day-history';
import { generateSeries } from '../test/generate-series';
import { negativeBinomial, seededRandom } from '../test/random';

const seriesCount = Number(process.env.BENCH_SERIES ?? 10_000);
const historyDays = 28;
const minuteMs = 60_000;
const start = Date.UTC(2024, 0, 1);
const rates = [0.05, 0.2, 0.5, 1, 3, 10, 30, 200];

const t0 = performance.now();
// History ends 3 minutes before an hour boundary: the ticks below close minutes and one hour.
const historyMinutes = historyDays * 1440 - 3;
const templates: { state: SeriesState; rate: number }[] = rates.map((rate, k) => {
  const g = generateSeries({ seed: 100 + k, start, minutes: historyMinutes, reportsPerMinute: rate });
  const rows = g.counts.flatMap((value, i) => (value === null ? [] : [{ at: start + i * minuteMs, value }]));
  return { state: replay(rows, { bucketMs: minuteMs }).state!, rate };
});
const buildMs = performance.now() - t0;

// Most services are quiet: draw sizes with a long tail, as a catalogue would have.
const rnd = seededRandom(7);
const serialized = templates.map((t) => JSON.stringify(t.state));
let states: Record<string, SeriesState> = {};
const meta: { key: string; rate: number; regional: boolean }[] = [];
for (let i = 0; i < seriesCount; i++) {
  const k = Math.min(templates.length - 1, Math.floor(-Math.log(1 - rnd()) * 2));
  const key = i % 4 === 3 ? `svc-${i - 1}/country/IN` : `svc-${i}`;
  // A copy is the template's state under another key: it learns old blocks at its own minute.
  states[key] = { ...(JSON.parse(serialized[k]!) as SeriesState), foldMinute: foldMinuteOf(key) };
  meta.push({ key, rate: templates[k]!.rate, regional: i % 4 === 3 });
}
const bytes = Object.values(states).reduce((n, s) => n + JSON.stringify(s).length, 0) / seriesCount;

const firstMinute = start + historyMinutes * minuteMs;
const ticks: { ms: number; closes: boolean; hour: boolean }[] = [];
const counts = new Map<string, number[]>();
let beforeHour: { states: Record<string, SeriesState>; observations: SeriesObservation[]; at: number } | null = null;
for (let at = firstMinute + 5_000; at < firstMinute + 5 * minuteMs; at += 5_000) {
  const minute = Math.floor(at / minuteMs) * minuteMs;
  const observations: SeriesObservation[] = meta.map((m) => {
    // Counts of the last closed minute and the current one so far (cumulative, as Redis counters are).
    let c = counts.get(m.key);
    if (!c || c.length !== 3 || c[2] !== minute) {
      const previous = c && c[2] === minute - minuteMs ? c[1]! : negativeBinomial(rnd, m.rate, 0.05);
      c = [previous, negativeBinomial(rnd, m.rate, 0.05), minute];
      counts.set(m.key, c);
    }
    const elapsed = (at - minute) / minuteMs;
    const [service, , code] = m.key.split('/');
    return {
      service: service!,
      region: m.regional ? { kind: 'country' as const, code: code! } : null,
      buckets: [
        { start: minute - minuteMs, count: c[0]! },
        { start: minute, count: Math.round(c[1]! * elapsed) },
      ],
    };
  });
  const before = performance.now();
  const r = tick(states, observations, at);
  const ms = performance.now() - before;
  const closes = at % minuteMs < 5_000 + 10_000 && at % minuteMs >= 10_000;
  const hour = closes && Math.floor(at / minuteMs) % 60 === 0;
  if (hour) beforeHour = { states, observations, at };
  states = r.states;
  ticks.push({ ms, closes, hour });
}

// The tick is pure: the hour-closing tick can be run again from the same states, for a steadier figure.
const hourRuns: number[] = [];
for (let k = 0; k < 5 && beforeHour; k++) {
  const t = performance.now();
  tick(beforeHour.states, beforeHour.observations, beforeHour.at);
  hourRuns.push(performance.now() - t);
}

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
// The first tick pays for compilation (once per worker process): reported apart.
const [first] = ticks.splice(0, 1);
const all = ticks.map((t) => t.ms);
const closing = ticks.filter((t) => t.closes).map((t) => t.ms);
const partial = ticks.filter((t) => !t.closes).map((t) => t.ms);
const fmt = (x: number) => x.toFixed(1);
console.log(`series ${seriesCount}, history ${historyDays} days, templates built in ${fmt(buildMs / 1000)} s`);
console.log(`state: ${Math.round(bytes)} bytes per series (JSON)`);
// The young generation's size moves the closing ticks (the worker runs with --max-semi-space-size=64).
const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
console.log(
  `node ${process.version}, young generation ${((newSpace?.space_size ?? 0) / 2 ** 20).toFixed(0)} MiB (NODE_OPTIONS=${process.env.NODE_OPTIONS ?? ''})`,
);
console.log(`ticks: ${ticks.length} (every 5 s over 5 minutes, ${closing.length} closing a minute, one an hour)`);
console.log(`all ticks      median ${fmt(pct(all, 50))} ms  p95 ${fmt(pct(all, 95))} ms  max ${fmt(Math.max(...all))} ms`);
console.log(`partial minute median ${fmt(pct(partial, 50))} ms  p95 ${fmt(pct(partial, 95))} ms`);
console.log(`first tick (JIT warm-up) ${fmt(first!.ms)} ms`);
console.log(`minute close   median ${fmt(pct(closing, 50))} ms  max ${fmt(Math.max(...closing))} ms`);
console.log(
  `hour close     ${fmt(ticks.find((t) => t.hour)?.ms ?? NaN)} ms in the run; run again 5 times: median ${fmt(pct(hourRuns, 50))} ms  max ${fmt(Math.max(...hourRuns))} ms`,
);
