import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Short tokens only: a client's id goes into every log line of its request.
const acceptable = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's `X-Request-Id` when it is a short plain token, else a new one. */
export function toRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && acceptable.test(given) ? given : randomUUID();
}
