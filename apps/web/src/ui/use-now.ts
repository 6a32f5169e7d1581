import { useSyncExternalStore } from 'react';

const tickMs = 30_000;
let nowMs = Date.now();
const listeners = new Set<() => void>();
let timer = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = window.setInterval(() => {
      nowMs = Date.now();
      for (const l of listeners) l();
    }, tickMs);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = 0;
    }
  };
}

function getSnapshot(): number {
  // A page that mounts long after the last tick should not start with a stale clock.
  if (listeners.size === 0) nowMs = Date.now();
  return nowMs;
}

/** The current time, refreshed every 30 s, so "5 minutes ago" keeps telling the truth. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
