interface ShutdownLogger {
  info: (obj: object, msg: string) => void;
  error: (msg: string) => void;
  fatal: (obj: object, msg: string) => void;
}

/**
 * On SIGTERM or SIGINT runs `close` once (stop taking work, finish what is in hand, close
 * connections) and exits 0; exits 1 if it takes longer than `graceMs`. An unhandled rejection is
 * logged at fatal and ends the process.
 */
export function handleShutdown(log: ShutdownLogger, name: string, close: () => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${name} stopping`);
    const force = setTimeout(() => {
      log.error('shutdown took too long');
      process.exit(1);
    }, graceMs).unref();
    await close();
    clearTimeout(force);
    log.info({}, `${name} stopped`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => {
    log.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });
}
