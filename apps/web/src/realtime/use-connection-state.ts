import { useSyncExternalStore } from 'react';
import { getSocket } from './get-socket';

export type ConnectionState = 'live' | 'connecting';

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on('connect', onChange);
  socket.on('disconnect', onChange);
  socket.io.on('reconnect_attempt', onChange);
  return () => {
    socket.off('connect', onChange);
    socket.off('disconnect', onChange);
    socket.io.off('reconnect_attempt', onChange);
  };
}

const snapshot = (): ConnectionState => (getSocket().connected ? 'live' : 'connecting');

/** Whether live updates are flowing right now. */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, snapshot, () => 'connecting');
}
