import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export interface FocusTarget {
  /** Changes each time, so asking twice for the same place still moves the map. */
  id: number;
  points: { lat: number; lon: number }[];
}

/** Moves the map to show the given points (an outage's clusters, a country). */
export function FocusController({ target }: { target: FocusTarget | null }) {
  const map = useMap();
  useEffect(() => {
    if (!target || target.points.length === 0) return;
    const bounds = L.latLngBounds(target.points.map((p) => [p.lat, p.lon] as [number, number]));
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    map.flyToBounds(bounds.pad(0.3), { maxZoom: 6, animate: !reduceMotion, duration: 0.8 });
  }, [map, target]);
  return null;
}
