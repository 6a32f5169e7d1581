import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';

export interface MapPoint {
  key: string;
  lat: number;
  lon: number;
  radius: number;
  color: string;
  fillOpacity: number;
}

export interface PointDescription {
  title: string;
  lines: string[];
}

interface Props<P extends MapPoint> {
  points: readonly P[];
  /** A Leaflet pane created by the map; each layer draws on its own canvas there. */
  pane: string;
  /** Called on hover or tap only, so 5,000 points cost no text until someone looks at one. */
  describe: (point: P) => PointDescription;
}

/** At world view many places share a few pixels: circles shrink there and grow back as people zoom in. */
function toRadiusScale(zoom: number): number {
  return zoom <= 2 ? 0.6 : zoom <= 4 ? 0.8 : 1;
}

// Smaller than this, a circle is hard to see and harder to tap.
const minRadiusPx = 4;
const toRadius = (radius: number, scale: number) => Math.max(minRadiusPx, radius * scale);

function toTooltipContent({ title, lines }: PointDescription): HTMLElement {
  const root = document.createElement('div');
  const heading = document.createElement('strong');
  heading.textContent = title;
  root.append(heading);
  for (const line of lines) {
    const row = document.createElement('div');
    row.textContent = line;
    root.append(row);
  }
  return root;
}

/**
 * Many circles on one canvas: no DOM node per point, markers diffed by key so an update only
 * touches what changed, and one shared tooltip for hover and tap.
 */
export function PointLayer<P extends MapPoint>({ points, pane, describe }: Props<P>) {
  const map = useMap();
  const layer = useRef<{
    group: L.FeatureGroup;
    renderer: L.Canvas;
    markers: Map<string, L.CircleMarker>;
    data: WeakMap<L.Layer, P>;
    scale: () => number;
  } | null>(null);
  const describeRef = useRef(describe);
  useEffect(() => {
    describeRef.current = describe;
  });

  useEffect(() => {
    const renderer = L.canvas({ pane, padding: 0.3, tolerance: 4 });
    const group = L.featureGroup().addTo(map);
    const markers = new Map<string, L.CircleMarker>();
    const data = new WeakMap<L.Layer, P>();
    const tooltip = L.tooltip({ direction: 'top', offset: [0, -6], opacity: 1, className: 'map-tooltip' });
    const show = (event: L.LeafletMouseEvent) => {
      const target = (event.propagatedFrom ?? event.layer) as L.CircleMarker | undefined;
      const point = target && data.get(target);
      if (!target || !point) return;
      tooltip.setLatLng(target.getLatLng()).setContent(toTooltipContent(describeRef.current(point)));
      map.openTooltip(tooltip);
    };
    const hide = () => map.closeTooltip(tooltip);
    group.on('mouseover', show);
    group.on('click', show);
    group.on('mouseout', hide);
    let scale = toRadiusScale(map.getZoom());
    const rescale = () => {
      const next = toRadiusScale(map.getZoom());
      if (next === scale) return;
      scale = next;
      for (const marker of markers.values()) {
        const point = data.get(marker);
        if (point) marker.setRadius(toRadius(point.radius, scale));
      }
    };
    map.on('zoomend', rescale);
    layer.current = { group, renderer, markers, data, scale: () => scale };
    return () => {
      hide();
      map.off('zoomend', rescale);
      group.off();
      group.remove();
      renderer.remove();
      layer.current = null;
    };
  }, [map, pane]);

  useEffect(() => {
    const current = layer.current;
    if (!current) return;
    const { group, renderer, markers, data } = current;
    const scale = current.scale();
    const seen = new Set<string>();
    for (const point of points) {
      seen.add(point.key);
      const existing = markers.get(point.key);
      if (!existing) {
        const marker = L.circleMarker([point.lat, point.lon], {
          renderer,
          radius: toRadius(point.radius, scale),
          color: '#ffffff',
          weight: 1,
          fillColor: point.color,
          fillOpacity: point.fillOpacity,
        });
        data.set(marker, point);
        markers.set(point.key, marker);
        group.addLayer(marker);
        continue;
      }
      const before = data.get(existing);
      data.set(existing, point);
      if (!before || before.lat !== point.lat || before.lon !== point.lon) existing.setLatLng([point.lat, point.lon]);
      if (!before || before.radius !== point.radius) existing.setRadius(toRadius(point.radius, scale));
      if (!before || before.color !== point.color || before.fillOpacity !== point.fillOpacity) {
        existing.setStyle({ fillColor: point.color, fillOpacity: point.fillOpacity });
      }
    }
    for (const [key, marker] of markers) {
      if (seen.has(key)) continue;
      group.removeLayer(marker);
      markers.delete(key);
    }
  }, [points]);

  return null;
}
