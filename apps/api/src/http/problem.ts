import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { DomainError, domainProblemTypes, problemTypes, type DomainErrorCode, type ProblemType } from '@outage-radar/shared';
import { isStoreUnavailable } from '@outage-radar/runtime';
import { ParamError } from './request-params';
import { toUndecodableParamError } from './undecodable-param';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** The fields at fault, for forms to show next to the right input. */
  errors?: { field: string; message: string }[];
}

const byCode: Record<DomainErrorCode, { status: number; title: string }> = {
  service_not_found: { status: 404, title: 'Service not found' },
  unknown_problem: { status: 422, title: 'Unknown problem type' },
  rate_limited: { status: 429, title: 'Too many reports' },
  invalid_location: { status: 422, title: 'Location out of range' },
  duplicate_report: { status: 429, title: 'Already reported' },
};

/** Errors raised by body-parser carry a `type` and a `status`. */
const parserErrors: Record<string, { status: number; type: ProblemType; title: string; detail: string }> = {
  'entity.parse.failed': { status: 400, type: problemTypes.malformedJson, title: 'Malformed JSON', detail: 'the request body is not valid JSON' },
  'entity.too.large': { status: 413, type: problemTypes.bodyTooLarge, title: 'Body too large', detail: 'the request body is larger than allowed' },
  'encoding.unsupported': {
    status: 415,
    type: problemTypes.unsupportedEncoding,
    title: 'Unsupported encoding',
    detail: 'the request body encoding is not supported',
  },
  'charset.unsupported': { status: 415, type: problemTypes.unsupportedCharset, title: 'Unsupported charset', detail: 'the request body must be UTF-8' },
  // raw-body: the client stopped sending, or sent fewer or more bytes than its content-length said.
  'request.aborted': { status: 400, type: problemTypes.incompleteBody, title: 'Incomplete body', detail: 'the request body ended before it was complete' },
  'request.size.invalid': {
    status: 400,
    type: problemTypes.incompleteBody,
    title: 'Incomplete body',
    detail: 'the request body does not have the length its content-length says',
  },
};

/** The type of a client error HTTP itself raised, by its status. */
const httpErrorTypes: Partial<Record<number, ProblemType>> = {
  404: problemTypes.notFound,
  408: problemTypes.requestTimeout,
  413: problemTypes.bodyTooLarge,
  415: problemTypes.unsupportedMediaType,
  431: problemTypes.headersTooLarge,
};
export const toHttpErrorType = (status: number): ProblemType => httpErrorTypes[status] ?? problemTypes.badRequest;

/**
 * body-parser hands on zlib's own error (status 400 set, no `type`) when a gzip, deflate or br body
 * does not decompress: zlib codes start `Z_`, brotli's `ERR__`.
 */
function isDecompressionError(err: unknown): boolean {
  const { status, code, errno } = (err ?? {}) as { status?: unknown; code?: unknown; errno?: unknown };
  return status === 400 && typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}

/** A client error from middleware (http-errors, `expose` set) that no rule above knows: its own status, our words. */
function clientErrorStatus(err: unknown): number | null {
  const { status, expose } = (err ?? {}) as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

interface ParserError {
  type: string;
  /** The raw body, on parse failures. */
  body?: unknown;
  /** Bytes allowed and bytes sent, on bodies too large. */
  limit?: number;
  length?: number;
}

/** Says what was wrong with the body as precisely as body-parser lets us, without echoing it. */
function toParserDetail(err: ParserError, fallback: string): string {
  if (err.type === 'entity.too.large' && typeof err.limit === 'number') {
    const sent = typeof err.length === 'number' ? `${err.length.toLocaleString('en')} bytes; ` : '';
    return `the request body is ${sent}at most ${err.limit.toLocaleString('en')} bytes are accepted`;
  }
  // Strict parsing refuses JSON that is valid but not an object or array ("null", "42", "\"hi\"").
  if (err.type === 'entity.parse.failed' && typeof err.body === 'string' && isJson(err.body)) {
    return 'the request body must be a JSON object';
  }
  return fallback;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly title: string,
    detail: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail);
  }
}

/** Whether a parsed request body has (the top of) `field`: `service`, or `location` for `location.lat`. */
function hasBodyField(body: unknown, field: string): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, field.split('.')[0] ?? field);
}

/**
 * `body` is the parsed request body: a domain error names its field (`service`) only when the body
 * has it. GET /api/services/:slug throws the same ServiceNotFoundError, but the slug came in the path.
 */
export function toProblem(err: unknown, instance: string, body?: unknown): Problem {
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return { type: problemTypes.invalidRequest, title: 'Invalid request', status: 400, detail, instance, errors };
  }
  if (err instanceof ParamError) {
    return { type: problemTypes.invalidRequest, title: 'Invalid request', status: 400, detail: err.message, instance, errors: err.errors };
  }
  if (err instanceof DomainError) {
    const { status, title } = byCode[err.code];
    const errors = err.field && hasBodyField(body, err.field) ? [{ field: err.field, message: err.message }] : undefined;
    return { type: domainProblemTypes[err.code], title, status, detail: err.message, instance, ...(errors ? { errors } : {}) };
  }
  if (err instanceof HttpProblem) {
    return { type: err.type, title: err.title, status: err.status, detail: err.message, instance, ...(err.errors ? { errors: err.errors } : {}) };
  }
  const parserType = (err as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string' && parserErrors[parserType]) {
    const p = parserErrors[parserType];
    return { type: p.type, title: p.title, status: p.status, detail: toParserDetail(err as ParserError, p.detail), instance };
  }
  if (isDecompressionError(err)) {
    return {
      type: problemTypes.undecodableBody,
      title: 'Undecodable body',
      status: 400,
      detail: 'the request body is not valid data of its content-encoding',
      instance,
    };
  }
  if (isStoreUnavailable(err)) {
    return {
      type: problemTypes.unavailable,
      title: 'Temporarily unavailable',
      status: 503,
      detail: 'the service cannot store or read reports right now; nothing was recorded, try again in a minute',
      instance,
    };
  }
  const clientStatus = clientErrorStatus(err);
  if (clientStatus !== null) {
    const title = STATUS_CODES[clientStatus] ?? 'Bad request';
    return { type: toHttpErrorType(clientStatus), title, status: clientStatus, detail: 'the request cannot be served as sent', instance };
  }
  return { type: problemTypes.internal, title: 'Internal error', status: 500, detail: 'something went wrong on our side', instance };
}

/** Seconds a client should wait before trying again, for the statuses that call for it. */
const retryAfterSeconds: Partial<Record<number, string>> = { 429: '60', 503: '30' };

export function sendProblem(res: Response, problem: Problem): void {
  const retryAfter = retryAfterSeconds[problem.status];
  if (retryAfter && !res.getHeader('retry-after')) res.setHeader('retry-after', retryAfter);
  res.status(problem.status).type('application/problem+json').json(problem);
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(toUndecodableParamError(err, req) ?? err, req.originalUrl, req.body);
  // A store that is away is reported by /readyz and the connection's own warnings; one line per request would drown them.
  if (problem.status === 503) req.log.debug({ err: (err as Error).message }, 'store unavailable');
  else if (problem.status >= 500) req.log.error({ err }, 'request failed');
  if (res.headersSent) return;
  const retryAfter = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
  sendProblem(res, problem);
};
