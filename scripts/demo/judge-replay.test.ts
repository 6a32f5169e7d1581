import type { OutageView } from '@outage-radar/shared';
import { formatVerdict, judgeReplay, type ReplayObservation } from './judge-replay';
import type { DemoOutage } from './plan';

const minuteMs = 60_000;
const T0 = Date.parse('2021-10-04T15:30:00Z');
const lastReportAt = T0 + 11 * minuteMs;
const surge = (slug: string, startMinute: number): DemoOutage => ({ slug, peak: 30, startMinute, rampMinutes: 1, endMinute: 8.5, decayMinutes: 1.5 });
const plan = [surge('facebook', 1.5), surge('instagram', 1.5), surge('whatsapp', 1.6), surge('messenger', 1.7), surge('telegram', 3)];

function outage(slug: string, startMinute: number, incidentId: string | null, kind: 'global' | 'country' = 'global'): OutageView {
  const startedAt = new Date(T0 + startMinute * minuteMs).toISOString();
  return {
    id: `${slug}-${startMinute}`,
    service: slug,
    serviceName: slug,
    region: { kind, code: kind === 'country' ? 'IN' : null, label: null },
    phase: 'resolved',
    status: 'ok',
    startedAt,
    detectedAt: startedAt,
    updatedAt: startedAt,
    resolvedAt: startedAt,
    peakCount: 60,
    peakRatio: 30,
    reportsLastHour: 0,
    problemMix: [],
    clusters: [],
    incidentId,
  };
}

/** The replay as it should go: every surge opens on time, Meta's in one incident, all ok 3 minutes after. */
function asPlanned(): ReplayObservation {
  const outages = new Map(plan.map((p) => [p.slug, [outage(p.slug, Math.floor(p.startMinute), p.slug === 'telegram' ? 'b' : 'a')]]));
  return { replayStartedAt: T0, lastReportAt, outages, okAt: new Map(plan.map((p) => [p.slug, lastReportAt + 3 * minuteMs])) };
}

describe('judgeReplay', () => {
  it('passes a replay that went as planned', () => {
    const v = judgeReplay(plan, asPlanned());
    expect(v).toMatchObject({ startsOnTime: true, brokeTogether: true, okOnTime: true, passed: true });
    expect(v.rows[0]).toMatchObject({ slug: 'facebook', offsetMinutes: -0.5, okAfterMinutes: 3 });
    expect(formatVerdict(v)).toMatch(/verify: passed$/);
  });

  it.each([
    [
      'an outage that opened 3 minutes after its surge',
      (seen: ReplayObservation) => seen.outages.set('telegram', [outage('telegram', 6, 'b')]),
      'startsOnTime',
    ],
    ['a surge that opened no outage', (seen: ReplayObservation) => seen.outages.set('telegram', []), 'startsOnTime'],
    ['only an outage from before the replay', (seen: ReplayObservation) => seen.outages.set('telegram', [outage('telegram', -30, 'b')]), 'startsOnTime'],
    ['messenger in an incident of its own', (seen: ReplayObservation) => seen.outages.set('messenger', [outage('messenger', 1, 'c')]), 'brokeTogether'],
    ['whatsapp in no incident', (seen: ReplayObservation) => seen.outages.set('whatsapp', [outage('whatsapp', 1, null)]), 'brokeTogether'],
    ['instagram ok only 6 minutes after the last report', (seen: ReplayObservation) => seen.okAt.set('instagram', lastReportAt + 6 * minuteMs), 'okOnTime'],
    ['telegram never ok again', (seen: ReplayObservation) => seen.okAt.set('telegram', null), 'okOnTime'],
  ] as const)('fails a replay with %s', (_what, change, check) => {
    const seen = asPlanned();
    change(seen);
    const v = judgeReplay(plan, seen);
    expect(v[check]).toBe(false);
    expect(v.passed).toBe(false);
    expect(formatVerdict(v)).toMatch(/verify: FAILED$/);
  });

  it('takes the whole-service outage over an earlier country one', () => {
    const seen = asPlanned();
    seen.outages.set('facebook', [outage('facebook', 2, 'a'), outage('facebook', 1, null, 'country')]);
    expect(judgeReplay(plan, seen).rows[0]).toMatchObject({ offsetMinutes: 0.5, startOnTime: true });
  });
});
