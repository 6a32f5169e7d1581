import { undecodableParamOf } from './undecodable-param';

const patterns = ['/api/services', '/api/services/:slug', '/api/services/:slug/outages', '/badge/:slug.svg', '/embed/:slug', '/api/:section/(x)'];

describe('undecodableParamOf', () => {
  it.each([
    ['/api/services/%ZZ', 'slug'],
    ['/api/services/%E0%A4%A/outages', 'slug'],
    ['/API/SERVICES/%/OUTAGES/', 'slug'],
    ['/badge/%C0%AF.svg', 'slug'],
    // Only a prefix matches: middleware mounted on `/embed/:slug` decodes it too.
    ['/embed/%ZZ/more', 'slug'],
  ])('names the parameter of %s', (path, name) => {
    expect(undecodableParamOf(path, patterns)).toBe(name);
  });

  it.each([['/api/services/chat-1'], ['/api/services/%C3%A9'], ['/api/%ZZ'], ['/badge/%ZZ.png']])('finds none in %s', (path) => {
    expect(undecodableParamOf(path, patterns)).toBeNull();
  });
});
