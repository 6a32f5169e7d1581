import type { ServiceDetail } from '@outage-radar/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient } from '../api/api-client';
import { isProblemError } from '../api/problem-error';
import { getSocket } from '../realtime/get-socket';
import { useWatch } from '../realtime/use-watch';
import { mergeMinuteBuckets, type SeenMinutes } from './merge-minute-buckets';

export type DetailState = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'error'; error: unknown } | { kind: 'ready'; detail: ServiceDetail };

// While updates keep coming, full refetches back off from 1 s to 10 s; live minute buckets fill the gaps.
const firstRefetchMs = 1_000;
const maxRefetchMs = 10_000;
const quietAfterMs = 30_000;

/** One service's detail, kept current from `service:counts` and outage events on its socket room. */
export function useServiceDetail(slug: string): DetailState & { reload: () => void } {
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const live = useRef({
    detail: null as ServiceDetail | null,
    fetchedAtMs: 0,
    seen: new Map() as SeenMinutes,
    lastFetchMs: 0,
    gapMs: firstRefetchMs / 2,
    timer: 0,
  });
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    const current = live.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    current.lastFetchMs = Date.now();
    try {
      const detail = await apiClient.service(slug, abort.signal);
      current.fetchedAtMs = Date.now();
      current.seen = new Map();
      current.detail = detail;
      setState({ kind: 'ready', detail });
    } catch (error) {
      if (abort.signal.aborted) return;
      if (isProblemError(error) && error.status === 404) setState({ kind: 'not-found' });
      else setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'error', error }));
    }
  }, [slug]);

  const scheduleRefetch = useCallback(() => {
    const current = live.current;
    if (current.timer) return;
    const sinceLastMs = Date.now() - current.lastFetchMs;
    current.gapMs = sinceLastMs > quietAfterMs ? firstRefetchMs / 2 : Math.min(maxRefetchMs, current.gapMs * 2);
    const waitMs = Math.max(0, current.gapMs - sinceLastMs);
    current.timer = window.setTimeout(() => {
      current.timer = 0;
      void load();
    }, waitMs);
  }, [load]);

  useEffect(() => {
    setState({ kind: 'loading' });
    live.current.detail = null;
    live.current.gapMs = firstRefetchMs / 2;
    void load();
    const timers = live.current;
    return () => {
      controller.current?.abort();
      window.clearTimeout(timers.timer);
      timers.timer = 0;
    };
  }, [load]);

  useWatch(
    slug,
    (socket) => socket.emit('service:watch', slug),
    (socket) => socket.emit('service:unwatch', slug),
    () => void load(),
  );

  useEffect(() => {
    const socket = getSocket();
    const onCounts = (eventSlug: string, minutes: Parameters<typeof mergeMinuteBuckets>[1]) => {
      if (eventSlug !== slug) return;
      const current = live.current;
      if (current.detail) {
        const merged = mergeMinuteBuckets(current.detail, minutes, current.fetchedAtMs, current.seen);
        if (merged !== current.detail) {
          current.detail = merged;
          setState({ kind: 'ready', detail: merged });
        }
      }
      scheduleRefetch();
    };
    const onOutage = (outage: { service: string }) => {
      if (outage.service === slug) scheduleRefetch();
    };
    socket.on('service:counts', onCounts);
    socket.on('outage:opened', onOutage);
    socket.on('outage:updated', onOutage);
    socket.on('outage:resolved', onOutage);
    return () => {
      socket.off('service:counts', onCounts);
      socket.off('outage:opened', onOutage);
      socket.off('outage:updated', onOutage);
      socket.off('outage:resolved', onOutage);
    };
  }, [slug, scheduleRefetch]);

  return { ...state, reload: () => void load() };
}
