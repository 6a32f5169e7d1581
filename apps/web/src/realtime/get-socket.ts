import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@outage-radar/shared';

export type OutageSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: OutageSocket | null = null;

/** One socket per tab, opened on first use; socket.io reconnects by itself after a drop. */
export function getSocket(): OutageSocket {
  socket ??= io({ path: '/socket.io', reconnectionDelayMax: 10_000 });
  return socket;
}
