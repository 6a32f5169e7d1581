import fc from 'fast-check';
import { judge } from './fuzz-judge';
import { fuzzRequestArb, routesOf, type FuzzRequest, type RouteSpec } from './fuzz-requests';
import { startTestApi, testService, type TestApi } from './harness';
import { exchange, type RawResponse } from './raw-http';

// FUZZ_RUNS=20000 FUZZ_BUDGET_MS=600000 for a long run; FUZZ_SEED replays one.
const runs = Number(process.env.FUZZ_RUNS ?? 1500);
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 60_000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Requests in flight at once: enough to keep the API busy on two cores without starving the other test files. */
const concurrency = 4;

const services = [testService(), testService()];
/** A token of this test's own, so that the admin routes exist and are fuzzed past their guard. */
const adminToken = 'fuzz-admin-token-0123456789abcdef';
const problems = ['messages', 'login', 'app', 'working'];

/** Served outside the OpenAPI document: the embeddable widget and the map's own endpoints. */
const undocumented: RouteSpec[] = [
  { method: 'GET', template: '/api/services/{slug}/status', params: ['slug'], query: [], bodyFields: null },
  { method: 'GET', template: '/badge/{slug}.svg', params: ['slug'], query: [], bodyFields: null },
  { method: 'GET', template: '/embed/{slug}', params: ['slug'], query: [], bodyFields: null },
  { method: 'GET', template: '/widget.js', params: [], query: [], bodyFields: null },
  { method: 'GET', template: '/api/config', params: [], query: [], bodyFields: null },
  { method: 'GET', template: '/api/map/cells', params: [], query: [], bodyFields: null },
];

/** Control characters (tab and line breaks aside) or a lone surrogate: text intake should refuse. */
// eslint-disable-next-line no-control-regex -- this pattern is about control characters
const oddText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What the run saw, across all requests. */
interface Seen {
  sent: number;
  statuses: Map<string, number>;
  /** One example per route and kind of fault. */
  faults: Map<string, { request: string; response: string }>;
  accepted: Set<string>;
  routes: Set<string>;
  acceptedOddComments: string[];
}

describe('the API under arbitrary input', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(services, { ADMIN_TOKEN: adminToken });
  });
  afterAll(async () => {
    await api.stop();
  });

  it(
    'never answers 5xx, answers every 4xx with a problem naming real fields, and counts only what it answered 202',
    async () => {
      const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as Parameters<typeof routesOf>[0];
      const routes = [...routesOf(doc), ...undocumented];
      const slugs = [...services.map((s) => s.slug), 'no-such-service'];
      const requests = fc.sample(fuzzRequestArb(routes, slugs, problems, adminToken), { numRuns: runs, seed });
      const seen: Seen = { sent: 0, statuses: new Map(), faults: new Map(), accepted: new Set(), routes: new Set(), acceptedOddComments: [] };
      const port = Number(new URL(api.baseUrl).port);

      // A deadline bounds the run on a loaded machine; it asserts nothing about speed.
      const deadline = Date.now() + budgetMs;
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < requests.length && Date.now() < deadline) {
            const req = requests[next++];
            if (req) await send(port, req, routes, seen);
          }
        }),
      );

      // No worker runs here: every accepted report is still in the queue, and nothing may be counted.
      const jobs = await api.queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'], 0, -1);
      const queuedIds = new Set(jobs.map((j) => j.id));
      const countedWithout202 =
        [...queuedIds].filter((id) => !id || !seen.accepted.has(id)).length + Math.max(0, (await countedReports(api)) - seen.accepted.size);
      const lostAfter202 = [...seen.accepted].filter((id) => !queuedIds.has(id)).length;

      const byStatus = [...seen.statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      const fivexx = [...seen.statuses].filter(([s]) => /^5\d\d$/.test(s)).reduce((sum, [, n]) => sum + n, 0);
      process.stdout.write(
        `fuzz: ${seen.sent} requests over ${seen.routes.size} routes, statuses {${byStatus}}, 5xx: ${fivexx}, counted without a 202: ${countedWithout202}\n`,
      );
      const odd = seen.acceptedOddComments;
      process.stdout.write(
        `fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it)${odd.length ? `; ${odd.length} reports answered 202 with a comment holding control characters or lone surrogates, e.g. ${JSON.stringify(odd[0])}` : ''}\n`,
      );

      expect(Object.fromEntries(seen.faults)).toEqual({});
      expect(fivexx).toBe(0);
      expect(countedWithout202).toBe(0);
      expect(lostAfter202).toBe(0);
      // A run that reached only a few routes or never got a report through proves little.
      expect(seen.routes.size).toBe(routes.length);
      expect(seen.accepted.size).toBeGreaterThan(0);
    },
    budgetMs + 60_000,
  );
});

async function send(port: number, req: FuzzRequest, routes: RouteSpec[], seen: Seen): Promise<void> {
  seen.sent += 1;
  seen.routes.add(`${req.route.method} ${req.route.template}`);
  const fault = (reason: string, res?: RawResponse) => {
    const key = `${req.method} ${req.route.template}: ${reason}`;
    if (!seen.faults.has(key))
      seen.faults.set(key, { request: describeRequest(req), response: res ? `${res.status} ${res.body.toString('utf8').slice(0, 300)}` : '(none)' });
  };
  let res: RawResponse;
  try {
    res = await exchange(port, req);
  } catch (err) {
    tally(seen.statuses, 'none');
    // A client that stopped sending mid-body may get no answer; any other request must.
    if (req.declaredLength !== 'more') fault(`no answer (${(err as Error).message})`);
    return;
  }
  const verdict = judge(req, res, routes);
  tally(seen.statuses, verdict.tally);
  for (const reason of verdict.faults) fault(reason, res);
  if (verdict.acceptedId) {
    seen.accepted.add(verdict.acceptedId);
    // Intake trims the comment before it judges it, as it stores it.
    const comment = commentOf(req.plainBody).trim();
    if (oddText.test(comment)) seen.acceptedOddComments.push(comment);
  }
}

function tally(statuses: Map<string, number>, status: string): void {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

function commentOf(body: Buffer | null): string {
  try {
    const parsed = JSON.parse(body?.toString('utf8') ?? '') as { comment?: unknown };
    return typeof parsed.comment === 'string' ? parsed.comment : '';
  } catch {
    return '';
  }
}

/** Reports counted in the per-minute totals under this test's prefix (the worker writes them). */
async function countedReports(api: TestApi): Promise<number> {
  let total = 0;
  for (const key of await api.redis.keys(api.counters.totals(0).replace(/:0$/, ':*'))) {
    for (const [field, value] of Object.entries(await api.redis.hgetall(key))) {
      if (field.endsWith('|all') || field.endsWith('|working')) total += Number(value);
    }
  }
  return total;
}

function describeRequest(req: FuzzRequest): string {
  const body = req.body
    ? ` body(${req.body.length} bytes, content-length ${req.declaredLength}) ${JSON.stringify(req.body.subarray(0, 200).toString('latin1'))}`
    : '';
  const headers = req.headers.map(([name, value]) => [name, value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value]);
  return `${req.method} ${req.target.slice(0, 300)} ${JSON.stringify(headers)}${body}`;
}
