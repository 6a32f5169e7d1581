import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { IncidentView, OutageView, ReportInput, ServiceDetail, ServiceSummary, Slug } from '@outage-radar/shared';
import { FailedReport, FailedReportsQuery, ReplayOutcome, ReplayRequest } from './routes/admin';

extendZodWithOpenApi(z);

// Requests are described with the very schemas the routes parse, responses with the schemas of
// @outage-radar/shared that the API's tests check its answers against.
const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** The OpenAPI 3.1 document of the public HTTP API. */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.register('ReportInput', ReportInput.meta({ id: 'ReportInput' }));
  registry.register('Problem', Problem.meta({ id: 'Problem' }));
  registry.register('ServiceSummary', ServiceSummary.meta({ id: 'ServiceSummary' }));
  registry.register('ServiceDetail', ServiceDetail.meta({ id: 'ServiceDetail' }));
  registry.register('OutageView', OutageView.meta({ id: 'OutageView' }));
  registry.register('IncidentView', IncidentView.meta({ id: 'IncidentView' }));
  const slugParam = z.object({ slug: Slug });
  registry.registerPath({
    method: 'post',
    path: '/api/reports',
    summary: 'Report a problem (or "working" for "it works for me")',
    request: { body: { required: true, content: { 'application/json': { schema: ReportInput } } } },
    responses: {
      202: json(z.object({ id: z.uuid() }), 'Queued; it will be counted within seconds'),
      400: problem('Malformed JSON or a field that fails validation'),
      404: problem('Unknown service'),
      413: problem('Body larger than 4 KB'),
      415: problem('Not application/json'),
      422: problem('Problem type not offered by this service'),
      429: problem('Already reported within the window, or too many reports from this address'),
      503: problem('The queue (Redis) cannot be reached; nothing was recorded. Retry after the Retry-After header'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/services',
    summary: 'The catalogue with live status',
    responses: { 200: json(z.object({ services: z.array(ServiceSummary) }), 'Services, those with problems first') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/services/{slug}',
    summary: 'One service: last 24 h, problem mix, places',
    request: { params: slugParam },
    responses: { 200: json(ServiceDetail, 'The service'), 404: problem('Unknown service'), 503: problem('PostgreSQL or Redis cannot be reached right now') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/services/{slug}/outages',
    summary: 'Outage history of a service',
    request: { params: slugParam, query: z.object({ days: z.number().int().min(1).max(365).optional() }) },
    responses: { 200: json(z.object({ outages: z.array(OutageView) }), 'Outages, newest first'), 404: problem('Unknown service') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/outages',
    summary: 'Open outages and incidents with their clusters',
    responses: { 200: json(z.object({ outages: z.array(OutageView), incidents: z.array(IncidentView) }), 'Open outages') },
  });
  registry.registerPath({ method: 'get', path: '/healthz', summary: 'Liveness', responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') } });
  const Readiness = z.object({ status: z.string(), checks: z.record(z.string(), z.string()), lastTickAgeSeconds: z.number().int().nullable().optional() });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: PostgreSQL and Redis reachable, the detector ticking',
    responses: { 200: json(Readiness, 'Ready'), 503: json(Readiness, 'A store is unreachable, or the detector has not ticked for DETECTOR_STALE_SECONDS') },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (this machine, or with the admin token)',
    responses: {
      200: { description: 'Text exposition format', content: { 'text/plain': { schema: z.string() } } },
      404: { description: 'Asked from another machine without the admin token' },
    },
  });
  // Operator routes: they exist only when ADMIN_TOKEN is set.
  const bearer = registry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer' });
  const adminOnly = { security: [{ [bearer.name]: [] }] };
  registry.registerPath({
    method: 'get',
    path: '/api/admin/failed-reports',
    summary: 'Reports the worker gave up on (admin; only when ADMIN_TOKEN is set)',
    ...adminOnly,
    request: { query: FailedReportsQuery },
    responses: {
      200: json(z.object({ total: z.number().int(), reports: z.array(FailedReport) }), 'Newest first'),
      401: problem('No or wrong admin token'),
      404: problem('Admin routes are off (no ADMIN_TOKEN)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/failed-reports/replay',
    summary: 'Put failed reports back in the queue (admin; only when ADMIN_TOKEN is set)',
    ...adminOnly,
    request: { body: { required: false, content: { 'application/json': { schema: ReplayRequest } } } },
    responses: {
      200: json(ReplayOutcome, 'What was replayed and what was skipped'),
      400: problem('Not a list of report ids'),
      401: problem('No or wrong admin token'),
      404: problem('Admin routes are off (no ADMIN_TOKEN)'),
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Outage Radar API', version: '0.1.0', description: 'Crowdsourced outage reports in, outages out.' },
  });
}
