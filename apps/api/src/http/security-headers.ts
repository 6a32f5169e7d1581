import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet with the app's Content-Security-Policy. `upgrade-insecure-requests` is sent only where
 * the site is served over HTTPS (PUBLIC_URL says so, or a trusted proxy says the request came in
 * over HTTPS): on a plain-HTTP instance reached by any other name (http://radar.lan:3000) it would
 * rewrite every script and style to https and the page would load nothing.
 */
export function securityHeaders(options: { tileOrigin: string | null; publicUrl: URL | null }): RequestHandler {
  const policy = (upgrade: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', ...(options.tileOrigin ? [options.tileOrigin] : [])],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': upgrade ? [] : null,
        },
      },
      // HSTS on plain HTTP is ignored by browsers, and a wrong one locks a host name out of HTTP for a year.
      strictTransportSecurity: upgrade,
      // Browsers ignore Cross-Origin-Opener-Policy on an origin that isn't HTTPS or localhost, and
      // say so as an error in the console of every page.
      crossOriginOpenerPolicy: upgrade,
      crossOriginEmbedderPolicy: false,
    });
  const overHttps = policy(true);
  const overHttp = policy(false);
  const publicHttps = options.publicUrl?.protocol === 'https:';
  return (req, res, next) => (publicHttps || req.secure ? overHttps : overHttp)(req, res, next);
}
