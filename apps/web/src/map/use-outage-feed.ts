import type { CellActivity, CountedReport, IncidentView, OutageView } from '@outage-radar/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient } from '../api/api-client';
import { getSocket } from '../realtime/get-socket';
import { useWatch } from '../realtime/use-watch';

export interface OutageFeed {
  outages: OutageView[];
  incidents: IncidentView[];
  cells: CellActivity[];
  /** Reports counted in the last hour, located or not (snapshot plus those pushed since). */
  reportsLastHour: number;
  loaded: boolean;
  failed: boolean;
}

// Reports can arrive hundreds a second in a big outage: apply them to the page at most this often.
const flushEveryMs = 300;
// The snapshot's cells are "the last hour": ask again now and then so old activity fades.
const resnapshotEveryMs = 5 * 60_000;

function toCellKey(report: CountedReport): string | null {
  if (report.cell) return report.cell;
  if (report.lat == null || report.lon == null) return null;
  return `${report.lat.toFixed(2)},${report.lon.toFixed(2)}`;
}

function addReport(cells: Map<string, CellActivity>, report: CountedReport): void {
  const key = toCellKey(report);
  if (key == null || report.lat == null || report.lon == null) return;
  const cell = cells.get(key) ?? { cell: key, lat: report.lat, lon: report.lon, count: 0, services: [] };
  const services = cell.services.map((s) => (s.slug === report.service ? { ...s, count: s.count + 1 } : s));
  if (!services.some((s) => s.slug === report.service)) services.push({ slug: report.service, count: 1 });
  services.sort((a, b) => b.count - a.count);
  cells.set(key, { ...cell, count: cell.count + 1, services });
}

/** Active outages, incidents and report activity for the live map, kept current over socket.io. */
export function useOutageFeed(): OutageFeed {
  const store = useRef({
    outages: new Map<string, OutageView>(),
    incidents: new Map<string, IncidentView>(),
    cells: new Map<string, CellActivity>(),
    unlocated: 0,
    hasSnapshot: false,
    timer: 0,
  });
  const [feed, setFeed] = useState<OutageFeed>({ outages: [], incidents: [], cells: [], reportsLastHour: 0, loaded: false, failed: false });

  const publish = useCallback((now = false) => {
    const s = store.current;
    const run = () => {
      s.timer = 0;
      const cells = [...s.cells.values()];
      setFeed({
        outages: [...s.outages.values()],
        incidents: [...s.incidents.values()],
        cells,
        reportsLastHour: cells.reduce((sum, c) => sum + c.count, 0) + s.unlocated,
        loaded: true,
        failed: false,
      });
    };
    if (now) {
      window.clearTimeout(s.timer);
      run();
    } else if (!s.timer) s.timer = window.setTimeout(run, flushEveryMs);
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    const s = store.current;
    apiClient.outages(abort.signal).then(
      (response) => {
        if (s.hasSnapshot) return; // the socket's snapshot is newer
        s.outages = new Map(response.outages.map((o) => [o.id, o]));
        s.incidents = new Map(response.incidents.map((i) => [i.id, i]));
        publish(true);
      },
      () => {
        if (!abort.signal.aborted && !s.hasSnapshot) setFeed((previous) => ({ ...previous, failed: true }));
      },
    );
    return () => {
      abort.abort();
      window.clearTimeout(s.timer);
      s.timer = 0;
    };
  }, [publish]);

  useWatch(
    'map',
    (socket) => socket.emit('map:watch'),
    // There is no "map:unwatch": leaving the page reconnects, which leaves every room; pages that
    // still watch something join again on "connect".
    (socket) => {
      socket.disconnect();
      socket.connect();
    },
    () => {},
  );

  useEffect(() => {
    const socket = getSocket();
    const s = store.current;
    const onSnapshot = (snapshot: { outages: OutageView[]; incidents: IncidentView[]; cells: CellActivity[] }) => {
      s.hasSnapshot = true;
      s.outages = new Map(snapshot.outages.map((o) => [o.id, o]));
      s.incidents = new Map(snapshot.incidents.map((i) => [i.id, i]));
      s.cells = new Map(snapshot.cells.map((c) => [c.cell, c]));
      s.unlocated = 0;
      publish(true);
    };
    const onReport = (report: CountedReport) => {
      if (toCellKey(report) == null || report.lat == null) s.unlocated += 1;
      addReport(s.cells, report);
      publish();
    };
    const onOutage = (outage: OutageView) => {
      if (outage.resolvedAt) s.outages.delete(outage.id);
      else s.outages.set(outage.id, outage);
      publish();
    };
    const onResolved = (ref: { id: string }) => {
      s.outages.delete(ref.id);
      publish();
    };
    const onIncident = (incident: IncidentView) => {
      if (incident.resolvedAt) s.incidents.delete(incident.id);
      else s.incidents.set(incident.id, incident);
      publish();
    };
    socket.on('map:snapshot', onSnapshot);
    socket.on('report:counted', onReport);
    socket.on('outage:opened', onOutage);
    socket.on('outage:updated', onOutage);
    socket.on('outage:resolved', onResolved);
    socket.on('incident:updated', onIncident);
    const resnapshot = window.setInterval(() => {
      if (socket.connected) socket.emit('map:watch');
    }, resnapshotEveryMs);
    return () => {
      window.clearInterval(resnapshot);
      socket.off('map:snapshot', onSnapshot);
      socket.off('report:counted', onReport);
      socket.off('outage:opened', onOutage);
      socket.off('outage:updated', onOutage);
      socket.off('outage:resolved', onResolved);
      socket.off('incident:updated', onIncident);
    };
  }, [publish]);

  return feed;
}
