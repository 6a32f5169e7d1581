import type { OutageView, ServiceSummary } from '@outage-radar/shared';
import { judgeReplay, type ReplayVerdict } from './judge-replay';
import type { DemoOutage } from './plan';

const pollMs = 15_000;
const maxWaitMs = 15 * 60_000;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/**
 * After the replay's last report, asks the running API (its public endpoints only) every 15 s, for
 * at most 15 minutes, until every planned service is ok again; then reads their outage histories
 * and judges them against the plan.
 */
export async function verifyReplay(api: string, plan: readonly DemoOutage[], replayStartedAt: number, lastReportAt: number): Promise<ReplayVerdict> {
  const okAt = new Map<string, number | null>(plan.map((p) => [p.slug, null]));
  for (;;) {
    const at = Date.now();
    const services = await getJson<{ services: ServiceSummary[] }>(`${api}/api/services`).then(
      (body) => body.services,
      (err: Error) => {
        console.error(`verify: ${err.message}`);
        return [];
      },
    );
    const statusOf = new Map(services.map((s) => [s.slug, s.status]));
    for (const p of plan) okAt.set(p.slug, statusOf.get(p.slug) === 'ok' ? (okAt.get(p.slug) ?? at) : null);
    const waiting = plan.filter((p) => okAt.get(p.slug) === null).map((p) => `${p.slug} ${statusOf.get(p.slug) ?? 'unknown'}`);
    const waitedMs = at - lastReportAt;
    console.log(`verify: +${(waitedMs / 60_000).toFixed(1)} min: ${waiting.length ? `waiting for ${waiting.join(', ')}` : 'every service ok'}`);
    if (waiting.length === 0 || waitedMs + pollMs > maxWaitMs) break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const outages = new Map<string, OutageView[]>();
  for (const p of plan) {
    const body = await getJson<{ outages: OutageView[] }>(`${api}/api/services/${p.slug}/outages?days=1`);
    outages.set(p.slug, body.outages);
  }
  return judgeReplay(plan, { replayStartedAt, lastReportAt, outages, okAt });
}
