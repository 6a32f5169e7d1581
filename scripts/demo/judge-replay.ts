import type { OutageView } from '@outage-radar/shared';
import type { DemoOutage } from './plan';

const minuteMs = 60_000;
/** How far an outage's start may be from the first minute of its surge in the plan. */
export const startToleranceMinutes = 2;
/** How soon after the last replayed report every service must be back to ok. */
export const okWithinMinutes = 5;
/** The services that broke together on 2021-10-04: one incident. */
const together = ['facebook', 'instagram', 'whatsapp', 'messenger'];

/** What the API said during and after a replay. Times in ms since the epoch. */
export interface ReplayObservation {
  replayStartedAt: number;
  lastReportAt: number;
  /** Each planned service's outages of the last day, as its outage history lists them. */
  outages: Map<string, OutageView[]>;
  /** When each planned service's status became ok (and stayed so), or null if it never did. */
  okAt: Map<string, number | null>;
}

export interface ReplayRow {
  slug: string;
  surgeAt: number;
  outage: OutageView | null;
  /** Outage start minus surge start, in minutes. */
  offsetMinutes: number | null;
  startOnTime: boolean;
  /** Minutes from the last replayed report to the status being ok. */
  okAfterMinutes: number | null;
  okOnTime: boolean;
}

export interface ReplayVerdict {
  rows: ReplayRow[];
  startsOnTime: boolean;
  brokeTogether: boolean;
  okOnTime: boolean;
  passed: boolean;
}

/** The outage a surge should have opened: the first since the replay began (start back-dated), a whole-service one first. */
function outageOf(outages: readonly OutageView[], replayStartedAt: number): OutageView | null {
  const candidates = outages.filter((o) => Date.parse(o.startedAt) >= replayStartedAt - startToleranceMinutes * minuteMs);
  const byStart = (a: OutageView, b: OutageView) => Date.parse(a.startedAt) - Date.parse(b.startedAt);
  return candidates.filter((o) => o.region.kind === 'global').sort(byStart)[0] ?? candidates.sort(byStart)[0] ?? null;
}

/** Did each planned surge open an outage on time, did the Meta services form one incident, and was all well again soon after? */
export function judgeReplay(plan: readonly DemoOutage[], seen: ReplayObservation): ReplayVerdict {
  const rows = plan.map((p): ReplayRow => {
    const surgeAt = seen.replayStartedAt + p.startMinute * minuteMs;
    const outage = outageOf(seen.outages.get(p.slug) ?? [], seen.replayStartedAt);
    const offsetMinutes = outage ? (Date.parse(outage.startedAt) - surgeAt) / minuteMs : null;
    const okAt = seen.okAt.get(p.slug) ?? null;
    const okAfterMinutes = okAt === null ? null : Math.max(0, okAt - seen.lastReportAt) / minuteMs;
    return {
      slug: p.slug,
      surgeAt,
      outage,
      offsetMinutes,
      startOnTime: offsetMinutes !== null && Math.abs(offsetMinutes) <= startToleranceMinutes,
      okAfterMinutes,
      okOnTime: okAfterMinutes !== null && okAfterMinutes <= okWithinMinutes,
    };
  });
  const meta = rows.filter((r) => together.includes(r.slug));
  const incidents = new Set(meta.map((r) => r.outage?.incidentId ?? null));
  const brokeTogether = meta.length > 0 && incidents.size === 1 && !incidents.has(null);
  const startsOnTime = rows.every((r) => r.startOnTime);
  const okOnTime = rows.every((r) => r.okOnTime);
  return { rows, startsOnTime, brokeTogether, okOnTime, passed: startsOnTime && brokeTogether && okOnTime };
}

const yesNo = (ok: boolean) => (ok ? 'yes' : 'NO');
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);
const minutes = (m: number | null, signed = false) => (m === null ? '-' : `${signed && m >= 0 ? '+' : ''}${m.toFixed(1)} min`);

/** The verdict as a table for the terminal, one row per planned service, then the three checks. */
export function formatVerdict(v: ReplayVerdict): string {
  const header = [
    'service',
    'surge (UTC)',
    'outage start',
    'offset',
    `≤${startToleranceMinutes} min`,
    'incident',
    'ok after last report',
    `≤${okWithinMinutes} min`,
  ];
  const body = v.rows.map((r) => [
    r.slug,
    clock(r.surgeAt),
    r.outage ? clock(Date.parse(r.outage.startedAt)) : 'no outage',
    minutes(r.offsetMinutes, true),
    yesNo(r.startOnTime),
    r.outage?.incidentId?.slice(0, 8) ?? '-',
    r.okAfterMinutes === null ? 'never' : minutes(r.okAfterMinutes),
    yesNo(r.okOnTime),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const slowest = Math.max(...v.rows.map((r) => r.okAfterMinutes ?? Infinity));
  return [
    line(header),
    ...body.map(line),
    '',
    `every outage started within ${startToleranceMinutes} min of its surge: ${yesNo(v.startsOnTime)}`,
    `facebook, instagram, whatsapp and messenger in one incident: ${yesNo(v.brokeTogether)}`,
    `every service ok within ${okWithinMinutes} min of the last report: ${yesNo(v.okOnTime)}${Number.isFinite(slowest) ? ` (all ok after ${minutes(slowest)})` : ''}`,
    `verify: ${v.passed ? 'passed' : 'FAILED'}`,
  ].join('\n');
}
