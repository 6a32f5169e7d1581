import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Persistence as most tests want it: an append-only file, no snapshots. */
export const appendOnly = ['--appendonly', 'yes', '--save', ''] as const;

export interface RedisServer {
  port: number;
  url: string;
  /** Ends the server with `signal` (SIGKILL by default: a crash, nothing flushed on the way out) and waits for it to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * A redis-server of a test's own on `port`, keeping its files in `dir` (which must exist), with
 * `persistence` as its arguments for saving; resolves once it accepts connections, its files loaded.
 * The test must `kill` it, also when it fails.
 */
export async function startRedisServer(options: { port: number; dir: string; persistence?: readonly string[] }): Promise<RedisServer> {
  const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', options.dir, ...(options.persistence ?? appendOnly)];
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onReady);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server ${args.join(' ')} exited (${code}): ${output.slice(-500)}`)));
  });
  // Stop collecting, but keep draining its output: a full pipe would block it.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  return {
    port: options.port,
    url: `redis://127.0.0.1:${options.port}`,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
