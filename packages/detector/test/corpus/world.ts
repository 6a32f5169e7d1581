// A wider synthetic world than generate-series.ts, built to find where the detector breaks rather
// than to show where it works: audiences that live by a local clock with daylight saving, tails
// heavier than a negative binomial, level shifts that last, holidays, news surges that decay,
// bursts of 2-5x for 1-10 minutes, quiet nights of zeros, intake gaps, short histories, and
// buckets of 1, 5 and 60 minutes. Pure: the same spec gives the same series.

import { negativeBinomial, normal, seededRandom, uniform, uniformInt, type Random } from '../random';

// Bound once: inside a sandbox (jest's vm) every `Math.x` is a slow global lookup.
const { PI, cos, exp, floor, max, pow, round } = Math;

export const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMinutes = 1440;

export type WorldOutageShape = 'meta-2021' | 'meta-2019' | 'meta-2024' | 'regional-small' | 'degradation' | 'short';

export interface WorldOutage {
  shape: WorldOutageShape;
  /** Minute index (from the series start) where the excess begins, and its length. */
  start: number;
  minutes: number;
  /** Plateau multiple of the baseline; reached after rampMinutes, left over decayMinutes at the end. */
  ratio: number;
  rampMinutes: number;
  decayMinutes: number;
}

/** Things that are not outages and must not be declared as ones. */
export type BenignKind = 'burst' | 'news' | 'holiday' | 'shift' | 'gap';

export interface BenignEvent {
  kind: BenignKind;
  start: number;
  end: number;
  ratio: number;
}

export interface WorldSpec {
  seed: number;
  /** ms since the epoch of minute 0 (a whole minute). */
  start: number;
  /** History before the test period, and the test period, in minutes. */
  historyMinutes: number;
  testMinutes: number;
  /** Mean reports per minute at the start. */
  reportsPerMinute: number;
  /** IANA zone of the audience: the daily and weekly rhythm follow its clock. */
  timeZone: string;
  /** Depth of the night trough 0..1, and the local hour of the evening peak. */
  dailyAmplitude: number;
  peakHour: number;
  weekendFactor: number;
  /** Negative binomial φ per minute, and the sd of a log-normal factor per minute on top (heavier tails). */
  dispersion: number;
  logNoise: number;
  /** sd of the day-to-day log level (AR(1)), and growth per week. */
  dayToDay: number;
  trendPerWeek: number;
  /** Benign events per week of each kind. */
  burstsPerWeek: number;
  newsPerWeek: number;
  gapsPerWeek: number;
  /** A lasting change of level (factor) at a minute, or none. */
  levelShift: { at: number; factor: number } | null;
  /** Whole local days at a factor (a public holiday, a festival evening). */
  holidays: { day: number; factor: number }[];
  outages: WorldOutage[];
  /** Bucket length the series is delivered in: 1, 5 or 60 minutes. */
  bucketMinutes: 1 | 5 | 60;
}

export interface WorldSeries {
  spec: WorldSpec;
  bucketMs: number;
  /** Start of bucket 0 (ms). */
  start: number;
  /** Counts per bucket; null = the row is missing (intake lost it). */
  counts: (number | null)[];
  /** True rate per bucket without outages or benign events (for a reference detector). */
  baseline: number[];
  /** In bucket indexes. */
  testFrom: number;
  outages: (WorldOutage & { from: number; to: number })[];
  benign: (BenignEvent & { from: number; to: number })[];
}

/** Local hour of the day (fractional) and weekday (0 = Monday) of an instant in a zone. */
function localClock(zone: string): (at: number) => { hour: number; weekday: number; day: number } {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  // The zone's offset changes at most at whole hours: compute it once per hour.
  const offsetAt = (at: number) => {
    const h = floor(at / hourMs);
    let o = offsets.get(h);
    if (o === undefined) {
      const parts = Object.fromEntries(format.formatToParts(h * hourMs).map((p) => [p.type, p.value]));
      const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
      o = local - h * hourMs;
      offsets.set(h, o);
    }
    return o;
  };
  return (at) => {
    const local = at + offsetAt(at);
    const day = floor(local / (dayMinutes * minuteMs));
    return { hour: (local / hourMs) % 24, weekday: (day + 3) % 7, day };
  };
}

function dailyShape(hour: number, amplitude: number, peakHour: number): number {
  const x = (2 * PI * (hour - peakHour)) / 24;
  return max(0.02, 1 + amplitude * (0.8 * cos(x) + 0.2 * cos(2 * x)));
}

/** Multiple of the baseline an outage causes `k` minutes after it began. */
export function outageFactor(o: WorldOutage, k: number): number {
  if (k < 0 || k >= o.minutes) return 1;
  if (k < o.rampMinutes) return 1 + ((o.ratio - 1) * (k + 1)) / o.rampMinutes;
  const left = o.minutes - k;
  if (left <= o.decayMinutes) return 1 + ((o.ratio - 1) * left) / (o.decayMinutes + 1);
  return o.ratio;
}

function place(
  rnd: Random,
  total: number,
  from: number,
  perWeek: number,
  length: () => number,
  avoid: { start: number; end: number }[],
): { start: number; end: number }[] {
  const n = round((perWeek * (total - from)) / (7 * dayMinutes) + (rnd() - 0.5));
  const out: { start: number; end: number }[] = [];
  for (let k = 0; k < n; k++) {
    const len = length();
    const start = uniformInt(rnd, from, max(from, total - len - 1));
    // Benign events stay two hours clear of outages, so the truth is never ambiguous.
    if (avoid.some((a) => start < a.end + 120 && start + len > a.start - 120)) continue;
    out.push({ start, end: start + len });
  }
  return out;
}

/** Per-minute rates and counts, then summed into buckets of spec.bucketMinutes. */
export function generateWorld(spec: WorldSpec): WorldSeries {
  const rnd = seededRandom(spec.seed);
  const total = spec.historyMinutes + spec.testMinutes;
  const clock = localClock(spec.timeZone);
  const days = floor(total / dayMinutes) + 3;
  const dayLevels: number[] = [];
  let logLevel = 0;
  for (let d = 0; d < days; d++) {
    logLevel = 0.6 * logLevel + spec.dayToDay * normal(rnd);
    dayLevels.push(exp(logLevel));
  }
  const firstDay = clock(spec.start).day;
  const outages = spec.outages.map((o) => ({ ...o, end: o.start + o.minutes }));
  const bursts = place(rnd, total, 0, spec.burstsPerWeek, () => uniformInt(rnd, 1, 10), outages).map((b) => ({
    ...b,
    kind: 'burst' as const,
    ratio: uniform(rnd, 2, 5),
  }));
  const news = place(rnd, total, 0, spec.newsPerWeek, () => 180, outages).map((b) => ({
    ...b,
    kind: 'news' as const,
    ratio: uniform(rnd, 1.5, 3),
    halfLife: uniform(rnd, 5, 30),
  }));
  const gaps = place(rnd, total, 0, spec.gapsPerWeek, () => uniformInt(rnd, 5, 60), outages).map((g, k) => ({
    ...g,
    kind: 'gap' as const,
    ratio: k % 2 === 0 ? 0 : -1,
  }));

  const baseline = new Float64Array(total);
  const counts: (number | null)[] = new Array(total);
  for (let i = 0; i < total; i++) {
    const at = spec.start + i * minuteMs;
    const c = clock(at);
    const d = c.day - firstDay;
    const f = (c.hour % 24) / 24;
    let rate = spec.reportsPerMinute * (dayLevels[d]! * (1 - f) + dayLevels[d + 1]! * f);
    rate *= pow(1 + spec.trendPerWeek, i / (7 * dayMinutes));
    rate *= dailyShape(c.hour, spec.dailyAmplitude, spec.peakHour) * (c.weekday >= 5 ? spec.weekendFactor : 1);
    for (const h of spec.holidays) if (h.day === d) rate *= h.factor;
    if (spec.levelShift && i >= spec.levelShift.at) rate *= spec.levelShift.factor;
    baseline[i] = rate;
    let m = rate;
    for (const o of spec.outages) m = max(m, rate * outageFactor(o, i - o.start));
    for (const b of bursts) if (i >= b.start && i < b.end) m = max(m, rate * b.ratio);
    for (const n of news) if (i >= n.start && i < n.end) m = max(m, rate * (1 + (n.ratio - 1) * pow(0.5, (i - n.start) / n.halfLife)));
    // Heavier tails than a negative binomial: a log-normal factor per minute on top of it.
    if (spec.logNoise > 0) m *= exp(spec.logNoise * normal(rnd) - (spec.logNoise * spec.logNoise) / 2);
    counts[i] = negativeBinomial(rnd, m, spec.dispersion);
  }
  for (const g of gaps) for (let i = g.start; i < g.end; i++) counts[i] = g.ratio === 0 ? 0 : null;

  const per = spec.bucketMinutes;
  const n = floor(total / per);
  const bucketCounts: (number | null)[] = [];
  const bucketBaseline: number[] = [];
  for (let b = 0; b < n; b++) {
    let sum = 0;
    let missing = 0;
    let base = 0;
    for (let k = b * per; k < (b + 1) * per; k++) {
      if (counts[k] === null) missing++;
      else sum += counts[k]!;
      base += baseline[k]!;
    }
    // A bucket loses its row only when intake lost all of it; otherwise it is an undercount.
    bucketCounts.push(missing === per ? null : sum);
    bucketBaseline.push(base);
  }
  const toBucket = (minute: number) => floor(minute / per);
  const shift = spec.levelShift ? [{ kind: 'shift' as const, start: spec.levelShift.at, end: spec.levelShift.at + 360, ratio: spec.levelShift.factor }] : [];
  const holidays = spec.holidays.map((h) => ({ kind: 'holiday' as const, start: h.day * dayMinutes, end: (h.day + 1) * dayMinutes, ratio: h.factor }));
  const benign = [...bursts, ...news, ...gaps, ...shift, ...holidays].map((e) => ({
    kind: e.kind,
    start: e.start,
    end: e.end,
    ratio: e.ratio,
    from: toBucket(e.start),
    to: toBucket(e.end - 1) + 1,
  }));
  return {
    spec,
    bucketMs: per * minuteMs,
    start: spec.start,
    counts: bucketCounts,
    baseline: bucketBaseline,
    testFrom: toBucket(spec.historyMinutes),
    outages: outages.map((o) => ({ ...o, from: toBucket(o.start), to: toBucket(o.end - 1) + 1 })),
    benign,
  };
}

const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Dhaka', 'America/Sao_Paulo', 'Australia/Sydney', 'Africa/Cairo', 'UTC'];
const sizes = [0.05, 0.2, 1, 3, 10, 40, 200, 1000];

function outageOf(rnd: Random, shape: WorldOutageShape, start: number, rate: number): WorldOutage {
  // An outage is felt by people: on a quiet service it is at least one extra report a minute.
  const felt = (ratio: number) => max(ratio, 1 + 1 / rate);
  switch (shape) {
    case 'meta-2021':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 240, 420),
        ratio: felt(uniform(rnd, 15, 60)),
        rampMinutes: uniformInt(rnd, 1, 5),
        decayMinutes: uniformInt(rnd, 20, 90),
      };
    case 'meta-2019':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 480, 840),
        ratio: felt(uniform(rnd, 5, 15)),
        rampMinutes: uniformInt(rnd, 20, 60),
        decayMinutes: uniformInt(rnd, 60, 180),
      };
    case 'meta-2024':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 90, 150),
        ratio: felt(uniform(rnd, 20, 80)),
        rampMinutes: uniformInt(rnd, 1, 3),
        decayMinutes: uniformInt(rnd, 10, 30),
      };
    case 'regional-small':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 30, 120),
        ratio: felt(uniform(rnd, 6, 15)),
        rampMinutes: uniformInt(rnd, 1, 10),
        decayMinutes: uniformInt(rnd, 1, 10),
      };
    case 'degradation':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 120, 360),
        ratio: felt(uniform(rnd, 3, 6)),
        rampMinutes: uniformInt(rnd, 45, 120),
        decayMinutes: uniformInt(rnd, 10, 40),
      };
    case 'short':
      return {
        shape,
        start,
        minutes: uniformInt(rnd, 12, 25),
        ratio: felt(uniform(rnd, 6, 12)),
        rampMinutes: uniformInt(rnd, 1, 3),
        decayMinutes: uniformInt(rnd, 1, 3),
      };
  }
}

const shapes: WorldOutageShape[] = ['meta-2021', 'meta-2019', 'meta-2024', 'regional-small', 'degradation', 'short'];

/**
 * The spec of corpus series number `seed`. Seeds below 1000 are the tuning part; the held-out
 * part (1000 and up) is drawn the same way and only looked at to report figures.
 */
export function worldSpec(seed: number): WorldSpec {
  const rnd = seededRandom(seed * 7919 + 17);
  const bucketMinutes = ([1, 1, 1, 1, 5, 5, 60] as const)[uniformInt(rnd, 0, 6)]!;
  const shortHistory = rnd() < 0.2;
  const historyMinutes = (shortHistory ? 2 : 28) * dayMinutes;
  const testMinutes = (bucketMinutes === 60 ? 14 : 7) * dayMinutes;
  // Start in the weeks around a daylight-saving change (late March or late October) half the time.
  const year = 2023 + uniformInt(rnd, 0, 2);
  const month = rnd() < 0.5 ? (rnd() < 0.5 ? 2 : 9) : uniformInt(rnd, 0, 11);
  const start = Date.UTC(year, month, uniformInt(rnd, 1, 28)) - historyMinutes * minuteMs + uniformInt(rnd, 0, 3) * 7 * dayMinutes * minuteMs;
  const regionalSmall = rnd() < 0.15;
  const rate = regionalSmall ? uniform(rnd, 0.05, 0.5) : sizes[uniformInt(rnd, 0, sizes.length - 1)]! * uniform(rnd, 0.7, 1.4);
  const total = historyMinutes + testMinutes;
  const outages: WorldOutage[] = [];
  const nOutages = rnd() < 0.35 ? 0 : uniformInt(rnd, 1, 2);
  for (let k = 0; k < nOutages; k++) {
    const shape = regionalSmall ? 'regional-small' : shapes[uniformInt(rnd, 0, shapes.length - 1)]!;
    const o = outageOf(rnd, shape, 0, rate);
    const at = historyMinutes + uniformInt(rnd, 60, max(61, testMinutes - o.minutes - 240));
    if (outages.some((p) => at < p.start + p.minutes + 360 && at + o.minutes + 360 > p.start)) continue;
    outages.push({ ...o, start: at });
  }
  const holidays =
    rnd() < 0.4
      ? [
          {
            day: floor(total / dayMinutes) - uniformInt(rnd, 1, floor(testMinutes / dayMinutes)),
            factor: rnd() < 0.5 ? uniform(rnd, 0.5, 0.8) : uniform(rnd, 1.2, 1.6),
          },
        ]
      : [];
  const levelShift =
    rnd() < 0.3 ? { at: historyMinutes + uniformInt(rnd, 0, testMinutes - 1), factor: rnd() < 0.5 ? uniform(rnd, 0.5, 0.8) : uniform(rnd, 1.2, 1.6) } : null;
  return {
    seed,
    start: floor(start / minuteMs) * minuteMs,
    historyMinutes,
    testMinutes,
    reportsPerMinute: rate,
    timeZone: zones[uniformInt(rnd, 0, zones.length - 1)]!,
    dailyAmplitude: rate < 0.5 ? uniform(rnd, 0.6, 0.95) : uniform(rnd, 0.3, 0.8),
    peakHour: uniform(rnd, 12, 22),
    weekendFactor: uniform(rnd, 0.7, 1.2),
    dispersion: uniform(rnd, 0.01, 0.15),
    logNoise: rnd() < 0.5 ? uniform(rnd, 0.1, 0.4) : 0,
    dayToDay: uniform(rnd, 0.03, 0.2),
    trendPerWeek: uniform(rnd, -0.1, 0.15),
    burstsPerWeek: uniform(rnd, 1, 6),
    newsPerWeek: uniform(rnd, 0, 2),
    gapsPerWeek: uniform(rnd, 0, 1),
    levelShift,
    holidays,
    outages,
    bucketMinutes,
  };
}

/** Tuning seeds and held-out seeds. */
export const tuneSeeds = Array.from({ length: 60 }, (_, k) => k + 1);
export const heldOutSeeds = Array.from({ length: 60 }, (_, k) => k + 1001);
