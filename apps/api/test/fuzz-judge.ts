import type { FuzzRequest, RouteSpec } from './fuzz-requests';
import type { RawResponse } from './raw-http';

export interface Verdict {
  /** What to tally the answer under: its status, or why it is set apart. */
  tally: string;
  /** What is wrong with the answer; empty when nothing is. */
  faults: string[];
  /** The report id of a 202. */
  acceptedId?: string;
}

/** What the API may answer anything: below 500, and a problem document naming real fields for every 4xx. */
export function judge(req: FuzzRequest, res: RawResponse, routes: RouteSpec[]): Verdict {
  // The readiness probe answers 503 while no worker has ticked (none runs in these tests): the state
  // of the deployment, documented as such, not a failure to handle the input.
  if (res.status === 503 && /^\/readyz\/?(\?|$)/i.test(req.target)) return { tally: '503 from /readyz', faults: [] };
  const tally = String(res.status);
  if (res.status >= 500) return { tally, faults: [`answered ${res.status}`] };
  if (res.status === 202) return { tally, faults: [], acceptedId: (JSON.parse(res.body.toString('utf8')) as { id?: string }).id };
  if (res.status < 400) return { tally, faults: [] };
  // A body cut short by the client, or bytes past its content-length (a second, malformed request),
  // fail in Node's HTTP parser, before Express: without a clientError listener it answers a bare
  // 400 and closes, at times before the request that came first is answered.
  if (req.declaredLength !== undefined && req.declaredLength !== 'exact' && res.status === 400 && !res.headers['content-type']) return { tally, faults: [] };
  if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) {
    return { tally, faults: [`${res.status} as ${res.headers['content-type'] ?? 'no content-type'}, not problem+json`] };
  }
  if (req.method === 'HEAD') return { tally, faults: [] };
  const problem = JSON.parse(res.body.toString('utf8')) as { status?: number; errors?: { field: string }[] };
  const faults = problem.status === res.status ? [] : [`problem status ${problem.status} on a ${res.status}`];
  // A path bent out of its template's shape may have reached another route: any route's names will do.
  const allowed = fieldsOf(req.mangled ? routes : routes.filter((r) => r.template === req.route.template));
  for (const { field } of problem.errors ?? []) {
    if (!allowed.has(field)) faults.push(`${res.status} names field "${field}", not one of ${[...allowed].join(', ') || '(none)'}`);
  }
  return { tally, faults };
}

/** Every name a problem may give as a field for these routes: parameters, and body fields with "(body)" itself. */
function fieldsOf(routes: RouteSpec[]): Set<string> {
  return new Set(routes.flatMap((r) => [...r.params, ...r.query, ...(r.bodyFields ? ['(body)', ...r.bodyFields] : [])]));
}
