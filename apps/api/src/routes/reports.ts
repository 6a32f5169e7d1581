import { Router, json } from 'express';
import type { RequestHandler } from 'express';
import { ReportInput } from '@outage-radar/shared';
import { HttpProblem } from '../http/problem';
import type { Intake } from '../intake/intake';

/** Reports are small; anything larger is refused before it is parsed. */
export const maxReportBytes = 4 * 1024;

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpProblem(415, 'Unsupported media type', 'send the report as application/json', [
      { field: '(body)', message: `content type "${req.get('content-type') ?? 'none'}" is not application/json` },
    ]);
  }
  next();
};

export function reportRoutes(intake: Intake, limit: RequestHandler): Router {
  const router = Router();
  router.post('/api/reports', requireJson, json({ limit: maxReportBytes, strict: true }), limit, async (req, res) => {
    const input = ReportInput.parse(req.body);
    const { id } = await intake.accept(input, { ip: req.ip });
    req.log.debug({ reportId: id, service: input.service }, 'report accepted');
    res.status(202).location(`/api/reports/${id}`).json({ id });
  });
  return router;
}
