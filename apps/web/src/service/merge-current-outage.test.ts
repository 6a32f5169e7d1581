import type { OutageView } from '@outage-radar/shared';
import { mergeCurrentOutage } from './merge-current-outage';

function outage(id: string, peakCount: number): OutageView {
  return {
    id,
    service: 'whatsapp',
    serviceName: 'WhatsApp',
    region: { kind: 'global', code: null, label: null },
    phase: 'outage',
    status: 'problems',
    startedAt: '2021-10-04T15:40:00.000Z',
    detectedAt: '2021-10-04T15:41:00.000Z',
    updatedAt: '2021-10-04T15:41:00.000Z',
    resolvedAt: null,
    peakCount,
    peakRatio: 10,
    reportsLastHour: 0,
    problemMix: [],
    clusters: [],
    incidentId: null,
  };
}

describe('mergeCurrentOutage', () => {
  it('shows the ongoing outage with the peak the API has now, not the one it had when the history was fetched', () => {
    const fetchedAtOpening = [outage('now', 11), outage('last-week', 40)];
    const merged = mergeCurrentOutage(fetchedAtOpening, { ...outage('now', 66), updatedAt: '2021-10-04T15:55:00.000Z' });
    expect(merged.map((o) => [o.id, o.peakCount])).toEqual([
      ['now', 66],
      ['last-week', 40],
    ]);
  });

  it('leaves the history alone when the current outage is not in it, or there is none', () => {
    const history = [outage('last-week', 40)];
    expect(mergeCurrentOutage(history, outage('elsewhere', 66))).toEqual(history);
    expect(mergeCurrentOutage(history, null)).toEqual(history);
  });
});
