import pino from 'pino';

/** JSON logs to stdout. Raw addresses, comments and credentials never reach them. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { app: 'api' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.ip', '*.comment', 'req.remoteAddress', 'req.remotePort'],
  });
}
export type Logger = ReturnType<typeof createLogger>;
