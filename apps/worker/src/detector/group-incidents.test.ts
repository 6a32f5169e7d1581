import { groupIncidents, type IncidentCandidate } from './group-incidents';

const t0 = Date.UTC(2021, 9, 4, 15, 40);
const min = 60_000;
const outage = (service: string, owner: string, startMin: number): IncidentCandidate => ({ id: `${service}-o`, service, owner, startedAt: t0 + startMin * min });

describe('groupIncidents', () => {
  it('groups the services of one owner that broke in the same minutes, and leaves the knock-on on a rival apart', () => {
    const groups = groupIncidents([
      outage('facebook', 'Meta', 0), outage('instagram', 'Meta', 1), outage('whatsapp', 'Meta', 1), outage('messenger', 'Meta', 3),
      outage('telegram', 'Telegram', 4),
    ]);
    expect(groups).toEqual([{
      key: `Meta@${t0}`, name: 'Meta services', owner: 'Meta', startedAt: t0,
      outageIds: ['facebook-o', 'instagram-o', 'whatsapp-o', 'messenger-o'], services: ['facebook', 'instagram', 'whatsapp', 'messenger'],
    }]);
  });

  it.each([
    ['a lone outage', [outage('facebook', 'Meta', 0)], 0],
    ['same owner hours apart', [outage('facebook', 'Meta', 0), outage('instagram', 'Meta', 180)], 0],
    ['two owners each breaking together', [outage('gmail', 'Alphabet', 0), outage('youtube', 'Alphabet', 2), outage('aws', 'Amazon', 1), outage('prime-video', 'Amazon', 2)], 2],
    ['a region and the whole of one service', [outage('jio', 'Reliance', 0), outage('jio', 'Reliance', 1)], 0],
  ])('%s gives %i incident(s)', (_name, outages, count) => {
    expect(groupIncidents(outages)).toHaveLength(count);
  });
});
