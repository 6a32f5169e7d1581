import type { z } from 'zod';

export type ParamLocation = 'path' | 'query';

/** A path or query parameter that fails validation; problem.ts answers it with 400 naming the parameter. */
export class ParamError extends Error {
  constructor(
    readonly location: ParamLocation,
    readonly errors: { field: string; message: string }[],
  ) {
    super(errors.map((e) => `${location} parameter ${e.field}: ${e.message}`).join('; '));
    this.name = 'ParamError';
  }
}

/**
 * One path parameter through its schema, e.g. `parsePathParam(Slug, req.params.slug, 'slug')`.
 * A failure names the parameter, where a bare `Slug.parse` would blame the body.
 */
export function parsePathParam<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ParamError(
    'path',
    parsed.error.issues.map((i) => ({ field: name, message: i.message })),
  );
}

/** The query string through an object schema; each failure names its query parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw new ParamError(
    'query',
    parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(query)', message: i.message })),
  );
}
