import type { ServiceRow } from '@outage-radar/db';

export interface DemoOutage {
  slug: string;
  /** Reports at the top, as a multiple of the usual rate. */
  peak: number;
  startMinute: number;
  rampMinutes: number;
  endMinute: number;
  decayMinutes: number;
}

/**
 * The 2021-10-04 Meta outage, compressed: about six hours become seven minutes. Facebook, Instagram,
 * WhatsApp and Messenger fail together; Telegram and X are flooded a little later by the people who
 * moved over, and stay their own outages.
 */
export function demoPlan(services: ServiceRow[]): DemoOutage[] & { totalMinutes: number } {
  const known = new Set(services.map((s) => s.slug));
  const outages: DemoOutage[] = [
    { slug: 'facebook', peak: 40, startMinute: 1.5, rampMinutes: 1, endMinute: 8.5, decayMinutes: 1.5 },
    { slug: 'instagram', peak: 30, startMinute: 1.5, rampMinutes: 1, endMinute: 8.5, decayMinutes: 1.5 },
    { slug: 'whatsapp', peak: 40, startMinute: 1.6, rampMinutes: 1, endMinute: 8.5, decayMinutes: 1.5 },
    { slug: 'messenger', peak: 25, startMinute: 1.7, rampMinutes: 1, endMinute: 8.5, decayMinutes: 1.5 },
    { slug: 'telegram', peak: 20, startMinute: 3, rampMinutes: 2, endMinute: 8.5, decayMinutes: 2 },
    { slug: 'x', peak: 12, startMinute: 3.5, rampMinutes: 2, endMinute: 8, decayMinutes: 2 },
  ].filter((o) => known.has(o.slug));
  return Object.assign(outages, { totalMinutes: 11 });
}

/** How many times the usual rate a service gets at `minute` of the replay. */
export function multiplierAt(plan: DemoOutage[], slug: string, minute: number): number {
  const o = plan.find((p) => p.slug === slug);
  if (!o || minute < o.startMinute || minute >= o.endMinute + o.decayMinutes) return 1;
  if (minute < o.startMinute + o.rampMinutes) return 1 + ((o.peak - 1) * (minute - o.startMinute)) / o.rampMinutes;
  if (minute < o.endMinute) return o.peak;
  return 1 + ((o.peak - 1) * (o.endMinute + o.decayMinutes - minute)) / o.decayMinutes;
}
