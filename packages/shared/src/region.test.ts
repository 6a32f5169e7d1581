import { fromRegionKey, fromSeriesKey, networkRegion, toOutageRegion, toRegionKey, toSeriesKey, type Region } from './region';

const india: Region = { kind: 'country', code: 'IN' };
const jio: Region = networkRegion(55836);

describe('the region codec', () => {
  it('writes each region in its three spellings', () => {
    expect([toRegionKey(null), toRegionKey(india), toRegionKey(jio)]).toEqual(['all', 'cc:IN', 'asn:55836']);
    expect([toSeriesKey('whatsapp'), toSeriesKey('whatsapp', india), toSeriesKey('whatsapp', jio)]).toEqual([
      'whatsapp',
      'whatsapp/country/IN',
      'whatsapp/network/AS55836',
    ]);
    expect([toOutageRegion('all'), toOutageRegion('cc:IN'), toOutageRegion('asn:55836')]).toEqual([
      { kind: 'global', code: null, label: null },
      { kind: 'country', code: 'IN', label: null },
      { kind: 'network', code: '55836', label: null },
    ]);
  });

  it('reads back what it writes', () => {
    for (const region of [null, india, jio]) {
      expect(fromRegionKey(toRegionKey(region))).toEqual(region);
      expect(fromSeriesKey(toSeriesKey('x', region))).toEqual({ service: 'x', region });
    }
  });

  it('reads scopes that are no region, and keys it does not know, as nothing', () => {
    expect(fromRegionKey('p:login')).toBeNull();
    expect(fromRegionKey('cell:85618923fffffff')).toBeNull();
    expect(fromRegionKey('asn:AS55836')).toBeNull();
    expect(fromSeriesKey('whatsapp/city/Dhaka')).toBeNull();
    expect(fromSeriesKey('whatsapp/network/55836')).toBeNull();
    expect(fromSeriesKey('whatsapp/country/IN/extra')).toBeNull();
  });

  it('refuses to store a network without its number', () => {
    expect(() => toRegionKey({ kind: 'network', code: 'Jio' })).toThrow(RangeError);
  });
});
