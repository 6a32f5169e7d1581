import type { z } from 'zod';

/** Parses the environment with `schema`; prints every bad variable on its own line and exits on failure. */
export function parseEnvOrExit<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`env ${issue.path.join('.')}: ${issue.message}`);
    process.exit(1);
  }
  return parsed.data;
}
