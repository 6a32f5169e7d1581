import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipv4ToNumber, loadAsnTable } from './asn-table';

describe('the offline network table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asn-'));
  const path = join(dir, 'asn.csv');
  writeFileSync(
    path,
    [
      '16777216,16777471,13335,"Cloudflare, Inc."',
      '824180736,825033727,55836,Reliance Jio Infocomm Limited',
      '1728352256,1728353279,9441,Next Online Ltd.',
    ].join('\n'),
  );

  it.each([
    ['49.36.128.1', { asn: 55836, name: 'Reliance Jio Infocomm Limited' }],
    ['::ffff:49.36.128.1', { asn: 55836, name: 'Reliance Jio Infocomm Limited' }],
    ['1.0.0.1', { asn: 13335, name: 'Cloudflare, Inc.' }],
    ['1.0.1.1', null],
    ['0.0.0.1', null],
    ['2001:db8::1', null],
    ['not an address', null],
  ])('finds the network of %s', async (ip, network) => {
    expect((await loadAsnTable(path)).lookup(ip)).toEqual(network);
  });

  it('reads addresses as unsigned numbers', () => {
    expect(ipv4ToNumber('255.255.255.255')).toBe(4294967295);
  });
});
