import { CatalogueEntry, categories } from '@outage-radar/shared';
import { catalogue } from './catalogue';

const bySlug = new Map(catalogue.map((entry) => [entry.slug, entry]));

/** Values that occur more than once, compared after `normalise`. */
function duplicates(values: string[], normalise: (value: string) => string = (value) => value): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    const key = normalise(value);
    if (seen.has(key)) repeated.add(value);
    seen.add(key);
  }
  return [...repeated];
}

const lowerCase = (value: string) => value.toLowerCase();

describe('service catalogue', () => {
  it('has at least 80 services', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(80);
  });

  it.each(catalogue.map((entry) => [entry.slug, entry] as const))('%s parses as a CatalogueEntry', (_slug, entry) => {
    const result = CatalogueEntry.safeParse(entry);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(entry);
  });

  it('has unique slugs and unique names', () => {
    expect(duplicates(catalogue.map((entry) => entry.slug))).toEqual([]);
    expect(
      duplicates(
        catalogue.map((entry) => entry.name),
        lowerCase,
      ),
    ).toEqual([]);
  });

  it('gives no two services the same local name', () => {
    const localNames = catalogue.flatMap((entry) => Object.values(entry.localNames));
    expect(duplicates(localNames, (name) => name.normalize('NFC'))).toEqual([]);
  });

  it('writes local names in the script of their language', () => {
    const scripts = {
      bn: /^[\p{Script=Bengali}\s()\u200c\u200d]+$/u,
      hi: /^[\p{Script=Devanagari}\s()0-9\u200c\u200d]+$/u,
      ar: /^[\p{Script=Arabic}\s()0-9]+$/u,
    };
    const wrong = catalogue.flatMap((entry) =>
      (Object.keys(scripts) as (keyof typeof scripts)[])
        .filter((locale) => !scripts[locale].test(entry.localNames[locale]))
        .map((locale) => `${entry.slug}.${locale}: ${entry.localNames[locale]}`),
    );
    expect(wrong).toEqual([]);
  });

  it('gives each alias to one service only, never clashing with another service’s slug or name', () => {
    expect(
      duplicates(
        catalogue.flatMap((entry) => entry.aliases),
        lowerCase,
      ),
    ).toEqual([]);
    const clashes = catalogue.flatMap((entry) =>
      entry.aliases
        .filter((alias) => catalogue.some((other) => other !== entry && (other.slug === lowerCase(alias) || lowerCase(other.name) === lowerCase(alias))))
        .map((alias) => `${entry.slug}: ${alias}`),
    );
    expect(clashes).toEqual([]);
  });

  it('writes Latin aliases in lower case', () => {
    const upper = catalogue.flatMap((entry) => entry.aliases.filter((alias) => alias !== lowerCase(alias)));
    expect(upper).toEqual([]);
  });

  it('offers 3 to 6 distinct problem types per service', () => {
    for (const entry of catalogue) {
      expect({ slug: entry.slug, count: entry.problems.length >= 3 && entry.problems.length <= 6 }).toEqual({ slug: entry.slug, count: true });
      expect({ slug: entry.slug, repeated: duplicates(entry.problems) }).toEqual({ slug: entry.slug, repeated: [] });
    }
  });

  it('lists each country once per service and links to an https website', () => {
    for (const entry of catalogue) {
      expect({ slug: entry.slug, repeated: duplicates(entry.countries) }).toEqual({ slug: entry.slug, repeated: [] });
      expect({ slug: entry.slug, website: entry.website?.startsWith('https://') }).toEqual({ slug: entry.slug, website: true });
    }
  });

  it.each([
    'whatsapp',
    'facebook',
    'instagram',
    'messenger',
    'threads',
    'x',
    'tiktok',
    'telegram',
    'google-search',
    'youtube',
    'gmail',
    'amazon',
    'aws',
    'cloudflare',
    'netflix',
    'discord',
    'jio',
    'airtel',
    'vi',
    'bsnl',
    'grameenphone',
    'robi',
    'e-and',
    'du',
    'stc',
    'zain',
    'upi',
    'paytm',
    'phonepe',
    'bkash',
  ])('includes %s', (slug) => {
    expect(bySlug.has(slug)).toBe(true);
  });

  it.each(categories.map((category) => [category]))('uses the category %s', (category) => {
    expect(catalogue.some((entry) => entry.category === category)).toBe(true);
  });

  it.each([
    ['Meta', ['whatsapp', 'facebook', 'instagram', 'messenger', 'threads']],
    ['Google', ['google-search', 'youtube', 'gmail', 'google-cloud', 'google-play', 'google-pay', 'gemini']],
    ['Microsoft', ['outlook', 'microsoft-365', 'microsoft-teams', 'azure', 'linkedin', 'github', 'xbox-live']],
    ['Amazon', ['amazon', 'aws', 'prime-video']],
    ['Apple', ['icloud', 'app-store']],
    ['Reliance Industries', ['jio', 'jiofiber', 'jiohotstar']],
  ])('gives all services of %s the same owner', (owner, slugs) => {
    expect(slugs.map((slug) => [slug, bySlug.get(slug)?.owner])).toEqual(slugs.map((slug) => [slug, owner]));
  });

  it('spells each owner one way', () => {
    const owners = [...new Set(catalogue.map((entry) => entry.owner))];
    expect(duplicates(owners, (owner) => owner.toLowerCase().replace(/[^\p{L}\p{N}&]+/gu, ''))).toEqual([]);
  });

  it.each([
    ['jio', 'IN'],
    ['jiofiber', 'IN'],
    ['airtel', 'IN'],
    ['vi', 'IN'],
    ['bsnl', 'IN'],
    ['act-fibernet', 'IN'],
    ['grameenphone', 'BD'],
    ['robi', 'BD'],
    ['banglalink', 'BD'],
    ['teletalk', 'BD'],
    ['e-and', 'AE'],
    ['du', 'AE'],
    ['stc', 'SA'],
    ['mobily', 'SA'],
    ['zain', 'KW'],
    ['ooredoo', 'QA'],
    ['vodafone-egypt', 'EG'],
    ['orange-egypt', 'EG'],
    ['we', 'EG'],
  ])('lists the country of the operator %s (%s)', (slug, country) => {
    expect(bySlug.get(slug)?.countries).toContain(country);
  });

  it('lists countries for every mobile operator and internet provider', () => {
    const withoutCountries = catalogue
      .filter((entry) => entry.category === 'mobile-operator' || entry.category === 'internet-provider')
      .filter((entry) => entry.countries.length === 0)
      .map((entry) => entry.slug);
    expect(withoutCountries).toEqual([]);
  });
});
