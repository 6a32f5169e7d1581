import type { ServiceRow } from '@outage-radar/db';

// Reports per minute on an average day: a handful of services draw most complaints.
const busiest = new Set(['whatsapp', 'facebook', 'instagram', 'youtube', 'google-search', 'gmail', 'x', 'tiktok', 'jio', 'airtel']);
const busy = new Set([
  'messenger',
  'telegram',
  'netflix',
  'discord',
  'amazon',
  'aws',
  'spotify',
  'snapchat',
  'upi',
  'phonepe',
  'paytm',
  'grameenphone',
  'bkash',
  'stc',
  'chatgpt',
  'roblox',
  'threads',
]);

/** UTC offsets (hours) of the countries whose clocks set a regional service's day; summer time ignored. */
const offsets: Record<string, number> = { IN: 5.5, BD: 6, PK: 5, SA: 3, AE: 4, EG: 2, KW: 3, QA: 3, BH: 3, OM: 4, JO: 3, IQ: 3, MA: 1, US: -5, GB: 0, BR: -3 };

export function averageRatePerMinute(slug: string): number {
  return busiest.has(slug) ? 1 : busy.has(slug) ? 0.35 : 0.08;
}

/**
 * Expected reports per minute for a service at `at`: its average, shaped by the local time of day
 * (busiest around 20:00, quietest around 04:00) and a busier Friday and Saturday.
 */
export function baseRatePerMinute(service: Pick<ServiceRow, 'slug' | 'countries'>, at: number): number {
  const offsetHours = offsets[service.countries[0] ?? ''] ?? 3;
  const local = new Date(at + offsetHours * 3_600_000);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  const daily = 0.25 + (0.75 * (1 + Math.cos((2 * Math.PI * (hour - 20)) / 24))) / 2;
  const weekly = local.getUTCDay() === 5 || local.getUTCDay() === 6 ? 1.15 : 1;
  return (averageRatePerMinute(service.slug) * daily * weekly) / 0.625;
}

/** Where a service's reporters are: its own countries, else a mix weighted to the languages served. */
export function countryMix(service: Pick<ServiceRow, 'countries'>): [string, number][] {
  if (service.countries.length > 0) return service.countries.map((c, i) => [c, 1 / (i + 1)]);
  return [
    ['IN', 0.3],
    ['US', 0.14],
    ['BD', 0.1],
    ['BR', 0.1],
    ['SA', 0.08],
    ['AE', 0.06],
    ['EG', 0.07],
    ['GB', 0.05],
    ['PK', 0.05],
    ['MA', 0.05],
  ];
}

export function pickCountry(mix: [string, number][], random: () => number = Math.random): string {
  let r = random() * mix.reduce((s, [, w]) => s + w, 0);
  for (const [country, weight] of mix) if ((r -= weight) <= 0) return country;
  return mix[0]![0];
}

/** A Poisson draw (Knuth's method; the demo's rates are small). */
export function poisson(mean: number, random: () => number = Math.random): number {
  let n = 0;
  for (let t = -Math.log(random()); t < mean; t -= Math.log(random())) n++;
  return n;
}
