import type { Request } from 'express';
import { ParamError } from './request-params';

/** The part of router 2's `Router` used here (`listRoutes` arrived in router 2.3). */
interface RouteLister {
  listRoutes?: () => { path: string | RegExp; router?: RouteLister }[];
}

/** Patterns this module can read: literal text and `:name` parameters (no groups, wildcards or escapes). */
const plainPattern = /^[^{}()[\]*?+!\\]*$/;
const paramName = /:([A-Za-z_$][\w$]*)/;

/**
 * Express 5's router decodes each path parameter while it matches a route, and a value that is not
 * valid percent-encoding (`/api/services/%ZZ`) makes it throw a URIError, status 400, before any
 * handler runs; the error says neither the route nor the parameter. This names the parameter by
 * matching the raw path against the app's own route patterns. Returns null for any other error.
 */
export function toUndecodableParamError(err: unknown, req: Request): ParamError | null {
  if (!(err instanceof URIError) || (err as { status?: unknown }).status !== 400) return null;
  const field = undecodableParamOf(req.path, patternsOf(req.app.router as unknown as RouteLister)) ?? '(path)';
  return new ParamError('path', [{ field, message: 'the path is not valid percent-encoding' }]);
}

/** The name of the first parameter, in registration order, whose raw value in `path` does not decode. */
export function undecodableParamOf(path: string, patterns: string[]): string | null {
  // Whole routes first; then prefixes, for middleware mounted on a pattern (`router.use('/embed/:slug')`).
  for (const end of [true, false]) {
    for (const pattern of patterns) {
      const matcher = toMatcher(pattern, end);
      const values = matcher?.regexp.exec(path)?.slice(1);
      const bad = values?.findIndex((value) => !isDecodable(value)) ?? -1;
      if (matcher && bad >= 0) return matcher.names[bad] ?? null;
    }
  }
  return null;
}

/** Every string route pattern of a router, mounted routers included, with their mount paths. */
function patternsOf(router: RouteLister, base = ''): string[] {
  return (router.listRoutes?.() ?? []).flatMap(({ path, router: mounted }) => {
    if (typeof path !== 'string') return [];
    const full = path === '/' ? base : base + path;
    return mounted ? patternsOf(mounted, full) : [full || '/'];
  });
}

/** Like path-to-regexp for the plain patterns: case-insensitive, an optional trailing slash. */
function toMatcher(pattern: string, end: boolean): { regexp: RegExp; names: string[] } | null {
  if (!plainPattern.test(pattern)) return null;
  const parts = pattern.split(paramName);
  const names = parts.filter((_, i) => i % 2 === 1);
  const source = parts.map((part, i) => (i % 2 === 1 ? '([^/]+?)' : part.replace(/[.^$|]/g, '\\$&'))).join('');
  return { regexp: new RegExp(`^${source}${end ? '/?$' : '(?=/|$)'}`, 'i'), names };
}

function isDecodable(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
