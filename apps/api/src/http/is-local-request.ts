import type { Request } from 'express';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * True for a request made on this machine and not relayed for someone else: a reverse proxy on
 * the same machine connects from loopback too, but says whom it forwards for.
 */
export function isLocalRequest(req: Request): boolean {
  const forwarded = req.get('x-forwarded-for') ?? req.get('forwarded') ?? req.get('x-real-ip');
  return !forwarded && loopback.has(req.socket.remoteAddress ?? '');
}
