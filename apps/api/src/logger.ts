import pino, { type DestinationStream } from 'pino';

/**
 * JSON logs to stdout (or `destination`). Raw addresses, comments and credentials never reach
 * them: request lines carry no headers (see app.ts), and these paths are redacted besides.
 */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { app: 'api' },
      redact: ['req.headers', 'req.remoteAddress', 'req.remotePort', '*.ip', '*.comment', '*.clientHash'],
    },
    destination,
  );
}
export type Logger = ReturnType<typeof createLogger>;
