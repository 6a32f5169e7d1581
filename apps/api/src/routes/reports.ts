import { parse as parseCookies } from 'cookie';
import { Router, json } from 'express';
import type { RequestHandler } from 'express';
import { problemTypes, ReportInput } from '@outage-radar/shared';
import { HttpProblem } from '../http/problem';
import type { Intake } from '../intake/intake';

/** Reports are small; anything larger is refused before it is parsed. */
export const maxReportBytes = 4 * 1024;

/** The first-party id cookie: lets one person be recognised without their address. */
export const reporterCookie = 'or_reporter';
const reporterCookieMaxAgeMs = 400 * 24 * 3_600_000;

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpProblem(415, problemTypes.unsupportedMediaType, 'Unsupported media type', 'send the report as application/json', [
      { field: '(body)', message: `content type "${req.get('content-type') ?? 'none'}" is not application/json` },
    ]);
  }
  next();
};

export function reportRoutes(intake: Intake, limits: RequestHandler[]): Router {
  const router = Router();
  router.post('/api/reports', requireJson, json({ limit: maxReportBytes, strict: true }), ...limits, async (req, res) => {
    const input = ReportInput.parse(req.body);
    const cookies = parseCookies(req.get('cookie') ?? '');
    const { id, issuedToken, counted } = await intake.accept(input, { ip: req.ip, reporterToken: cookies[reporterCookie], userAgent: req.get('user-agent') });
    if (issuedToken) {
      res.cookie(reporterCookie, issuedToken, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/reports', maxAge: reporterCookieMaxAgeMs });
    }
    req.log.debug({ reportId: id, service: input.service, counted }, 'report accepted');
    res.status(202).location(`/api/reports/${id}`).json({ id });
  });
  return router;
}
