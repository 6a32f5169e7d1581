import { toNetworkPrefixes } from './network-prefixes';

describe('network prefixes of a client address', () => {
  it.each([
    ['203.0.113.200', { subscriber: '203.0.113.200/32', network: '203.0.113.0/24' }],
    ['::ffff:49.36.128.1', { subscriber: '49.36.128.1/32', network: '49.36.128.0/24' }],
    ['2001:db8:abcd:12:1:2:3:4', { subscriber: '2001:db8:abcd:12::/64', network: '2001:db8:abcd::/48' }],
    ['2001:db8:abcd:ff00::1', { subscriber: '2001:db8:abcd:ff00::/64', network: '2001:db8:abcd::/48' }],
    ['::1', { subscriber: '::/64', network: '::/48' }],
  ])('groups %s', (ip, expected) => {
    expect(toNetworkPrefixes(ip)).toEqual(expected);
  });

  it.each([[undefined], [''], ['not an address'], ['999.1.1.1']])('has none for %p', (ip) => {
    expect(toNetworkPrefixes(ip)).toBeNull();
  });

  it('puts every address of one /48 in one network, whatever its /64', () => {
    const networks = new Set(Array.from({ length: 50 }, (_, i) => toNetworkPrefixes(`2001:db8:7:${i.toString(16)}::${i}`)?.network));
    expect([...networks]).toEqual(['2001:db8:7::/48']);
  });
});
