import { groupIncidents, type IncidentCandidate } from './group-incidents';

const minute = 60_000;
const T0 = Date.UTC(2021, 9, 4, 15, 40);

function outage(service: string, owner: string | null, startMin: number): IncidentCandidate {
  return {
    id: `${service}@${T0 + startMin * minute}`,
    service,
    serviceName: service[0]!.toUpperCase() + service.slice(1),
    owner,
    startedAt: T0 + startMin * minute,
  };
}

// 2021-10-04: Facebook, Instagram, WhatsApp and Messenger within minutes; Telegram overloaded later.
const meta = [outage('facebook', 'Meta', 0), outage('instagram', 'Meta', 1), outage('whatsapp', 'Meta', 2), outage('messenger', 'Meta', 4)];
const telegram = outage('telegram', 'Telegram', 25);

describe('groupIncidents', () => {
  it('groups the Meta services into one incident named after their owner', () => {
    const incidents = groupIncidents([...meta, telegram]);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ name: 'Meta services', owner: 'Meta', startedAt: T0, services: ['facebook', 'instagram', 'whatsapp', 'messenger'] });
    expect(incidents[0]!.outageIds).not.toContain(telegram.id);
  });

  it('keeps the Telegram knock-on apart, even when the two often break together', () => {
    const coOccurrence = [{ a: 'whatsapp', b: 'telegram', weight: 0.9 }];
    const incidents = groupIncidents([...meta, telegram], { coOccurrence });
    expect(incidents.map((i) => i.services)).toEqual([['facebook', 'instagram', 'whatsapp', 'messenger']]);
  });

  it.each([
    // services (owner, start minute), co-occurrence weight, expected groups
    [
      [
        ['facebook', 'Meta', 0],
        ['instagram', 'Meta', 20],
      ],
      0,
      [],
    ], // same owner, too far apart
    [
      [
        ['facebook', 'Meta', 0],
        ['instagram', 'Meta', 10],
      ],
      0,
      [['facebook', 'instagram']],
    ],
    [
      [
        ['discord', 'Discord', 0],
        ['shopify', 'Shopify', 3],
      ],
      0,
      [],
    ], // same minute, unrelated
    [
      [
        ['discord', 'Discord', 0],
        ['shopify', 'Shopify', 3],
      ],
      0.7,
      [['discord', 'shopify']],
    ], // a shared provider, seen before
    [
      [
        ['discord', 'Discord', 0],
        ['shopify', 'Shopify', 3],
      ],
      0.3,
      [],
    ], // weak co-occurrence
    [[['whatsapp', 'Meta', 0]], 0, []], // one service is an outage, not an incident
  ] as const)('%j with co-occurrence %f gives %j', (list, weight, groups) => {
    const outages = list.map(([s, owner, start]) => outage(s, owner, start));
    const coOccurrence = [{ a: 'discord', b: 'shopify', weight }];
    expect(groupIncidents(outages, { coOccurrence }).map((i) => i.services)).toEqual(groups);
  });

  it('names an incident without a shared owner by its services', () => {
    const outages = [outage('discord', 'Discord', 0), outage('shopify', 'Shopify', 1), outage('notion', 'Notion', 2)];
    const weights = [
      { a: 'discord', b: 'shopify', weight: 0.8 },
      { a: 'shopify', b: 'notion', weight: 0.8 },
    ];
    const [incident] = groupIncidents(outages, { coOccurrence: weights });
    expect(incident).toMatchObject({ name: 'Discord, Shopify and Notion', owner: null });
  });

  it('gives the same id whatever the order of its outages, and counts a service once across regions', () => {
    const regional = { ...outage('whatsapp', 'Meta', 3), id: 'whatsapp/country/IN@x' };
    const a = groupIncidents([...meta, regional]);
    const b = groupIncidents([regional, ...[...meta].reverse()]);
    expect(a).toEqual(b);
    expect(a[0]!.id).toBe(`incident:${meta[0]!.id}`);
    expect(a[0]!.services).toHaveLength(4);
    expect(a[0]!.outageIds).toHaveLength(5);
  });
});
