import { useEffect, useEffectEvent } from 'react';
import { getSocket, type OutageSocket } from './get-socket';

/**
 * Runs `watch` now (if connected) and on every (re)connect, so the server puts this tab back in
 * its rooms after a dropped connection or a server restart. `onConnected` runs on each connect
 * after mounting: whatever happened while the tab was not in the room has to be fetched again.
 */
export function useWatch(key: string, watch: (socket: OutageSocket) => void, unwatch: (socket: OutageSocket) => void, onConnected: () => void): void {
  const onWatch = useEffectEvent(watch);
  const onUnwatch = useEffectEvent(unwatch);
  const onConnectedEvent = useEffectEvent(onConnected);

  useEffect(() => {
    const socket = getSocket();
    const onConnect = () => {
      onWatch(socket);
      onConnectedEvent();
    };
    socket.on('connect', onConnect);
    if (socket.connected) onWatch(socket);
    return () => {
      socket.off('connect', onConnect);
      if (socket.connected) onUnwatch(socket);
    };
  }, [key]);
}
