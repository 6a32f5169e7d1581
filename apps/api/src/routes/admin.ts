import { Router, json, type RequestHandler } from 'express';
import { z } from 'zod';
import { problemTypes } from '@outage-radar/shared';
import { hasAdminToken } from '../http/admin-token';
import { HttpProblem } from '../http/problem';
import type { ReportQueue } from '../intake/report-queue';

export const FailedReportsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
/** Replays the listed reports, or (without `ids`) up to 1,000 of the failed set. */
export const ReplayRequest = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000).optional() });
export const FailedReport = z.object({
  id: z.string(),
  service: z.string(),
  problem: z.string(),
  reportedAt: z.iso.datetime(),
  attemptsMade: z.number().int(),
  failedReason: z.string(),
  failedAt: z.iso.datetime().nullable(),
});
export const ReplayOutcome = z.object({ replayed: z.array(z.string()), skipped: z.array(z.object({ id: z.string(), reason: z.string() })) });

/** Refuses a request without the admin token; the header names the scheme a client should use. */
export function requireAdmin(adminToken: string): RequestHandler {
  return (req, res, next) => {
    if (hasAdminToken(req, adminToken)) return next();
    res.set('www-authenticate', 'Bearer realm="admin"');
    throw new HttpProblem(401, problemTypes.adminTokenRequired, 'Admin token required', 'send the admin token as "Authorization: Bearer <token>"');
  };
}

/**
 * Operator routes, mounted only when ADMIN_TOKEN is set: the reports the worker gave up on (a
 * permanent database refusal, or a day of retries) are listed and replayed into the queue. A
 * replayed report is stored once: the worker is idempotent on the report id.
 */
export function adminRoutes(queue: ReportQueue, adminToken: string): Router {
  const router = Router();
  router.use('/api/admin', requireAdmin(adminToken));
  router.get('/api/admin/failed-reports', async (req, res) => {
    const { limit } = FailedReportsQuery.parse(req.query);
    const [total, jobs] = await Promise.all([queue.getFailedCount(), queue.getFailed(0, limit - 1)]);
    res.set('cache-control', 'no-store').json({
      total,
      reports: jobs.map((job): z.infer<typeof FailedReport> => ({
        id: job.id ?? '',
        service: job.data.service,
        problem: job.data.problem,
        reportedAt: new Date(job.data.reportedAt).toISOString(),
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      })),
    });
  });
  router.post('/api/admin/failed-reports/replay', json({ limit: 64 * 1024 }), async (req, res) => {
    const { ids } = ReplayRequest.parse(req.body ?? {});
    const jobs = ids
      ? await Promise.all(ids.map(async (id) => ({ id, job: await queue.getJob(id) })))
      : (await queue.getFailed(0, 999)).map((job) => ({ id: job.id ?? '', job }));
    const replayed: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const { id, job } of jobs) {
      if (!job) {
        skipped.push({ id, reason: 'no such job' });
        continue;
      }
      if (!(await job.isFailed())) {
        skipped.push({ id, reason: 'not in the failed set' });
        continue;
      }
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      replayed.push(id);
    }
    req.log.info({ replayed: replayed.length, skipped: skipped.length }, 'failed reports replayed');
    res.json({ replayed, skipped } satisfies z.infer<typeof ReplayOutcome>);
  });
  return router;
}
