import type { RequestHandler } from 'express';
import { problemTypes } from '@outage-radar/shared';
import { HttpProblem } from './problem';

/**
 * Refuses a body whose declared length is over `maxBytes` before a byte of it is read, and closes
 * the connection afterwards: otherwise Node reads and discards the whole body to keep the
 * connection alive, and a client declaring a gigabyte holds it that long.
 */
export function refuseDeclaredOversize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (!(declared > maxBytes)) return next();
    res.set('connection', 'close');
    res.on('finish', () => req.socket.destroySoon());
    throw new HttpProblem(
      413,
      problemTypes.bodyTooLarge,
      'Body too large',
      `the request body is declared as ${declared.toLocaleString('en')} bytes; at most ${maxBytes.toLocaleString('en')} bytes are accepted`,
    );
  };
}
