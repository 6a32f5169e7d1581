import type { CellActivity, OutageCluster, OutageView } from '@outage-radar/shared';
import { useMemo } from 'react';
import { MapContainer, Pane, ZoomControl } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import 'leaflet/dist/leaflet.css';
import type { MapConfig } from '../api/api-client';
import { useFormatters } from '../i18n/use-formatters';
import { useServiceName } from '../services/use-service-name';
import { activityColor, toCellRadius, toClusterRadius, toRatioColor } from './cluster-style';
import { FocusController, type FocusTarget } from './focus-target';
import { MapLabel } from './map-label';
import { MapLegend } from './map-legend';
import { PointLayer, type MapPoint, type PointDescription } from './point-layer';
import { WorldBasemap } from './world-basemap';

interface ClusterPoint extends MapPoint {
  outage: OutageView;
  cluster: OutageCluster;
}

interface CellPoint extends MapPoint {
  cell: CellActivity;
}

interface Props {
  /** Null until /api/config has answered (or failed). */
  config: MapConfig | null;
  clusters: readonly { outage: OutageView; cluster: OutageCluster }[];
  cells: readonly CellActivity[];
  /** Each moves the map when it changes: the chosen country, the outage asked for in the list. */
  focusTargets: readonly (FocusTarget | null)[];
  isRtl: boolean;
}

/** The live map: offline basemap, recent report activity, and outage clusters coloured by how far above normal they are. */
export function OutageMap({ config, clusters, cells, focusTargets, isRtl }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const nameOf = useServiceName();

  const clusterPoints = useMemo(
    () =>
      clusters
        .map(({ outage, cluster }): ClusterPoint => ({
          key: `${outage.id}:${cluster.cell}`,
          lat: cluster.lat,
          lon: cluster.lon,
          radius: toClusterRadius(cluster.count),
          color: toRatioColor(cluster.ratio),
          fillOpacity: 0.7,
          outage,
          cluster,
        }))
        // Big circles first, so smaller ones are drawn on top and stay reachable.
        .sort((a, b) => b.radius - a.radius),
    [clusters],
  );
  const cellPoints = useMemo(
    () =>
      cells.map((cell): CellPoint => ({
        key: cell.cell,
        lat: cell.lat,
        lon: cell.lon,
        radius: toCellRadius(cell.count),
        color: activityColor,
        fillOpacity: 0.35,
        cell,
      })),
    [cells],
  );

  const describeCluster = ({ outage, cluster }: ClusterPoint): PointDescription => {
    const place = cluster.city ?? (cluster.country ? format.country(cluster.country) : null);
    const top = outage.problemMix[0];
    return {
      title: nameOf(outage.service, outage.serviceName),
      lines: [
        place
          ? t('map.tooltip.reportsIn', { count: cluster.count, formatted: format.number(cluster.count), place })
          : t('map.tooltip.reports', { count: cluster.count, formatted: format.number(cluster.count) }),
        t('map.tooltip.ratio', { ratio: format.number(Math.round(cluster.ratio * 10) / 10) }),
        t('map.tooltip.since', { time: format.time(outage.startedAt) }),
        ...(top ? [t('map.tooltip.topProblem', { problem: t(`problems.${top.problem}`, { defaultValue: top.problem }) })] : []),
      ],
    };
  };
  const describeCell = ({ cell }: CellPoint): PointDescription => ({
    title: t('map.tooltip.activity', { count: cell.count, formatted: format.number(cell.count) }),
    lines: cell.services.slice(0, 3).map((s) => t('map.tooltip.serviceCount', { service: nameOf(s.slug), formatted: format.number(s.count) })),
  });

  return (
    <div className="outage-map" data-testid="outage-map" data-clusters={clusterPoints.length} data-cells={cellPoints.length}>
      <MapContainer
        className="outage-map__canvas"
        center={[22, 30]}
        zoom={2}
        minZoom={1}
        maxZoom={config?.tileUrl ? 18 : 9}
        preferCanvas
        worldCopyJump={false}
        maxBounds={[
          [-75, -200],
          [85, 200],
        ]}
        maxBoundsViscosity={0.8}
        zoomControl={false}
        attributionControl
      >
        <ZoomControl position={isRtl ? 'topright' : 'topleft'} zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <MapLabel label={t('map.mapHeading')} />
        {config && <WorldBasemap config={config} />}
        <Pane name="activity" style={{ zIndex: 410 }} />
        <Pane name="clusters" style={{ zIndex: 420 }} />
        <PointLayer points={cellPoints} pane="activity" describe={describeCell} />
        <PointLayer points={clusterPoints} pane="clusters" describe={describeCluster} />
        {focusTargets.map((target, i) => (
          <FocusController key={i} target={target} />
        ))}
      </MapContainer>
      <MapLegend />
    </div>
  );
}
