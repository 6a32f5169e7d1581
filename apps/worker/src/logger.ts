import pino from 'pino';

export function createLogger(level: string) {
  return pino({ level, base: { app: 'worker' }, redact: ['*.ip', '*.comment', '*.clientHash'] });
}
export type Logger = ReturnType<typeof createLogger>;
