import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { RawRequest } from './raw-http';

/** One route as the fuzzer sees it: its path template (`/api/services/{slug}`) and what it reads. */
export interface RouteSpec {
  method: string;
  template: string;
  params: string[];
  query: string[];
  /** Fields of the JSON body, nested ones dotted (`location.lat`); null for routes without a body. */
  bodyFields: string[] | null;
}

export interface FuzzRequest extends RawRequest {
  route: RouteSpec;
  /** The path no longer has the template's shape (extra segments, slashes, case), so it may reach another route. */
  mangled: boolean;
  /** The body before any content-encoding, to tell afterwards what a 202 accepted. */
  plainBody: Buffer | null;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface JsonSchema {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
}

/** Every operation of the OpenAPI document, with its parameters and body fields. */
export function routesOf(doc: OpenApiDoc): RouteSpec[] {
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined => (s?.$ref ? doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] : s);
  const fieldsOf = (s: JsonSchema | undefined, prefix = ''): string[] =>
    Object.entries(resolve(s)?.properties ?? {}).flatMap(([name, child]) => [`${prefix}${name}`, ...fieldsOf(child, `${prefix}${name}.`)]);
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const body = op.requestBody?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        template,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: body ? fieldsOf(body) : null,
      };
    }),
  );
}

/** Percent-encodes every byte outside the unreserved set; lone surrogates go as U+FFFD, as UTF-8 must. */
const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

const malformedEscapes = fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', '%F0%9F', '%%', '%G1', '%0', '%u0041', '%E0%A4%A4%');
const oddSegments = fc.constantFrom('%00', '%2F', '%2e%2e', '..', '.', '%20', '%0A', ';', '~', '%25', 'a%2Fb', '', '%C3%A9', '*', '(x)', ':slug');
const encodedText = fc.string({ unit: 'binary', maxLength: 60 }).map(percentEncode);
const loneSurrogates = fc.constantFrom('\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800');
const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 });
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  controlText,
  loneSurrogates,
  fc.tuple(fc.string({ maxLength: 10 }), fc.oneof(controlText, loneSurrogates, fc.constant('\u0000')), fc.string({ maxLength: 10 })).map((p) => p.join('')),
  fc.integer({ min: 400, max: 6000 }).map((n) => 'x'.repeat(n)),
);
const printable = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
/** Header values as HTTP allows them: visible ASCII, spaces, and obs-text bytes (sent as Latin-1). */
const headerText = fc.oneof(
  printable(60),
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  }),
);

function segmentArb(slugs: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...slugs) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,70}$/) },
    { weight: 2, arbitrary: encodedText },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.oneof(malformedEscapes, oddSegments, encodedText, fc.constantFrom(...slugs)), { minLength: 1, maxLength: 4 })
        .map((p) => p.join('')),
    },
  );
}

const queryArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constant('days'),
            fc.constantFrom('days[]', 'days[a]', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
            encodedText,
            malformedEscapes,
          ),
          fc.oneof(
            fc.integer().map(String),
            fc.constantFrom('', '0', '1', '90', '365', '366', '-1', '1e3', '1.5', 'NaN', 'Infinity', '0x10', '%207', '7%20', '%ZZ', '%', '%E0%A4%A', '1%00'),
            encodedText,
            malformedEscapes,
          ),
        ),
        { maxLength: 5 },
      )
      .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '')),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?=', '?days', `?days=${'9'.repeat(400)}`, `?${'a=1&'.repeat(300)}`) },
);

function headersArb(adminToken: string | undefined) {
  const one = (name: string, values: fc.Arbitrary<string>) =>
    fc.option(
      values.map((v): [string, string] => [name, v]),
      { nil: undefined, freq: 2 },
    );
  return fc
    .tuple(
      one(
        'content-type',
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"') },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'application/json; charset=latin1',
              'application/json; charset=utf-16',
              'application/json; charset=nope',
              'application/json; charset',
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/merge-patch+json',
              '*/*',
              ';;;',
              'application/json; a=b; a=c',
              'APPLICATION/JSON',
            ),
          },
          { weight: 1, arbitrary: headerText },
        ),
      ),
      one('accept', fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'image/svg+xml', 'application/problem+json', 'text/*;q=0'), headerText)),
      one('if-none-match', fc.oneof(fc.constantFrom('*', '"abc"', 'W/"x"', '""', ','), headerText, fc.constant(`"${'a'.repeat(2000)}"`))),
      one('x-request-id', fc.oneof(printable(40), fc.constant('r'.repeat(500)))),
      one(
        'x-forwarded-for',
        fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('unknown', '999.1.1.1', '1.2.3.4, 5.6.7.8', '::ffff:49.36.128.1', '', ',,', '[::1]:80'), headerText),
      ),
      one(
        'cookie',
        fc.oneof(
          fc.constantFrom('or_reporter=%ZZ', 'or_reporter=', 'or_reporter=a.b.c', '=', ';;', 'a=1; a=2'),
          headerText.map((v) => `or_reporter=${v}`),
        ),
      ),
      one('user-agent', headerText),
      one('content-encoding', fc.constantFrom('gzip', 'deflate', 'br', 'zstd', 'identity', 'xyz', 'gzip, gzip', 'GZIP', '', 'gzip, identity')),
      one(
        'authorization',
        fc.oneof(fc.constantFrom(...(adminToken ? [`Bearer ${adminToken}`, `bearer ${adminToken}`] : []), 'Bearer', 'Bearer x', 'Basic YTpi', ''), headerText),
      ),
    )
    .map((pairs) => pairs.filter((p): p is [string, string] => p !== undefined));
}

function bodyArb(slugs: string[], problems: string[]) {
  const wrong = fc.anything({ maxDepth: 2 });
  const report = fc.record(
    {
      service: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...slugs) }, { weight: 1, arbitrary: anyText }, { weight: 1, arbitrary: wrong }),
      problem: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...problems) }, { weight: 1, arbitrary: anyText }, { weight: 1, arbitrary: wrong }),
      location: fc.oneof(
        fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
        fc.record({ lat: fc.oneof(fc.double(), wrong), lon: fc.oneof(fc.double(), wrong) }, { requiredKeys: [] }),
        wrong,
      ),
      comment: fc.oneof({ weight: 3, arbitrary: anyText }, { weight: 1, arbitrary: wrong }),
      extra: wrong,
    },
    { requiredKeys: [] },
  );
  const json = fc
    .oneof({ weight: 6, arbitrary: report }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: wrong })
    .map((value) => Buffer.from(JSON.stringify(value) ?? 'undefined'));
  const raw = fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)),
    fc.integer({ min: 1, max: 3000 }).map((n) => Buffer.from(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
    fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)),
    // Not UTF-8 inside a JSON string: a lone surrogate's bytes and a stray 0xFF.
    fc
      .constantFrom(...slugs)
      .map((slug) =>
        Buffer.concat([Buffer.from(`{"service":"${slug}","problem":"login","comment":"`), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from('"}')]),
      ),
    fc.constantFrom(
      Buffer.from(''),
      Buffer.from('null'),
      Buffer.from('"hi"'),
      Buffer.from('{'),
      Buffer.from('{"service":'),
      Buffer.from('\u0000'),
      Buffer.from('\ufeff{}'),
    ),
  );
  return fc.oneof({ weight: 5, arbitrary: json }, { weight: 2, arbitrary: raw });
}

/** `arb` about one time in `oneIn`, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, oneIn: number) => fc.oneof({ weight: 1, arbitrary: arb }, { weight: oneIn - 1, arbitrary: fc.constant(undefined) });

/** 1 MB of spaces, about 1 KB gzipped: a small request that inflates past every limit. */
const bomb = gzipSync(Buffer.alloc(1_000_000, 0x20));

function encode(encoding: string | undefined, mode: 'valid' | 'garbage' | 'truncated' | 'bomb', body: Buffer): Buffer {
  const compress = (b: Buffer) => {
    switch (encoding?.toLowerCase()) {
      case 'gzip':
        return gzipSync(b);
      case 'deflate':
        return deflateSync(b);
      case 'br':
        return brotliCompressSync(b);
      default:
        return b;
    }
  };
  if (mode === 'garbage') return body;
  if (mode === 'bomb' && encoding?.toLowerCase() === 'gzip') return bomb;
  const compressed = compress(body);
  return mode === 'truncated' ? compressed.subarray(0, Math.max(1, compressed.length >> 1)) : compressed;
}

/**
 * A report a browser could send, from addresses enough apart that few run into the rate limits, with
 * comments that may still hold text intake should refuse: the requests that ought to get a 202.
 */
function wellFormedReportArb(route: RouteSpec, slugs: string[], problems: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      report: fc.record(
        {
          service: fc.constantFrom(...slugs),
          problem: fc.constantFrom(...problems),
          location: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
          comment: anyText.map((text) => text.slice(0, 300)),
        },
        { requiredKeys: ['service', 'problem'] },
      ),
      from: fc.oneof(fc.ipV4(), fc.ipV6()),
      encoding: fc.constantFrom(undefined, undefined, 'gzip', 'deflate', 'br'),
    })
    .map(({ report, from, encoding }) => {
      const plain = Buffer.from(JSON.stringify(report));
      const headers: [string, string][] = [
        ['content-type', 'application/json'],
        ['x-forwarded-for', from],
        ...(encoding ? [['content-encoding', encoding] as [string, string]] : []),
      ];
      return {
        route,
        method: 'POST',
        target: route.template,
        headers,
        mangled: false,
        body: encode(encoding, 'valid', plain),
        plainBody: plain,
        declaredLength: 'exact' as const,
      };
    });
}

/**
 * Requests for `routes`: the documented method mostly, paths, queries, headers and bodies good and
 * bad; `adminToken`, when given, is sent now and then so that the admin routes see past their guard.
 */
export function fuzzRequestArb(routes: RouteSpec[], slugs: string[], problems: string[], adminToken?: string): fc.Arbitrary<FuzzRequest> {
  const reports = routes.find((r) => r.template === '/api/reports' && r.method === 'POST');
  const chaotic = chaoticRequestArb(routes, slugs, problems, adminToken);
  return reports ? fc.oneof({ weight: 6, arbitrary: chaotic }, { weight: 1, arbitrary: wellFormedReportArb(reports, slugs, problems) }) : chaotic;
}

function chaoticRequestArb(routes: RouteSpec[], slugs: string[], problems: string[], adminToken: string | undefined): fc.Arbitrary<FuzzRequest> {
  const weighted = routes.map((route) => ({ weight: route.bodyFields ? 6 : 1, arbitrary: fc.constant(route) }));
  return fc
    .record({
      route: fc.oneof(...weighted),
      otherMethod: sometimes(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), 6),
      segments: fc.array(segmentArb(slugs), { minLength: 2, maxLength: 2 }),
      mangle: sometimes(fc.constantFrom('trailing-slash', 'double-slash', 'extra-segment', 'upper-case', 'dot-segment'), 6),
      query: queryArb,
      headers: headersArb(adminToken),
      body: fc.option(bodyArb(slugs, problems), { nil: null, freq: 4 }),
      coding: fc.constantFrom('valid', 'valid', 'valid', 'garbage', 'truncated', 'bomb') as fc.Arbitrary<'valid' | 'garbage' | 'truncated' | 'bomb'>,
      declaredLength: fc.constantFrom('exact', 'exact', 'exact', 'exact', 'more', 'less') as fc.Arbitrary<'exact' | 'more' | 'less'>,
    })
    .map(({ route, otherMethod, segments, mangle, query, headers, body, coding, declaredLength }) => {
      let index = 0;
      let path = route.template.replace(/\{[^}]+\}/g, () => segments[index++ % segments.length] ?? '');
      if (mangle === 'trailing-slash') path += '/';
      if (mangle === 'double-slash') path = path.replace('/', '//');
      if (mangle === 'extra-segment') path += `/${segments[1] ?? 'x'}`;
      if (mangle === 'upper-case') path = path.toUpperCase();
      if (mangle === 'dot-segment') path = path.replace(/\/([^/]*)$/, '/../$1');
      const method = otherMethod ?? route.method;
      const hasBody = body !== null && (route.bodyFields !== null || method !== 'GET');
      const encoding = headers.find(([name]) => name === 'content-encoding')?.[1];
      const sent = hasBody ? encode(encoding, coding, body) : null;
      return {
        route,
        method,
        target: `${path}${query}`,
        headers,
        mangled: mangle !== undefined,
        body: sent,
        plainBody: hasBody ? body : null,
        declaredLength: hasBody ? declaredLength : undefined,
      };
    });
}
