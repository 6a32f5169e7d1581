import { useEffect, useSyncExternalStore } from 'react';
import { servicesStore, type ServicesState } from './services-store';

const refreshEveryMs = 60_000;

/** The service catalogue with live-ish status: loaded once, refreshed every minute and when the tab comes back. */
export function useServices(): ServicesState & { retry: () => void } {
  const state = useSyncExternalStore(servicesStore.subscribe, servicesStore.get);
  useEffect(() => {
    void servicesStore.refresh();
    const timer = window.setInterval(() => void servicesStore.refresh(true), refreshEveryMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void servicesStore.refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return { ...state, retry: () => void servicesStore.refresh(true) };
}
