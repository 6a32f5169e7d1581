import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import type { MapConfig } from '../api/api-client';
import { loadCountries, type Detail } from './load-countries';

const countryStyle: L.PathOptions = { color: '#ffffff', weight: 0.8, fillColor: '#dfe3e8', fillOpacity: 1, interactive: false };
// Past this zoom the 1:110m coastlines look blocky; the 1:50m shapes load then, once.
const finerFromZoom = 4;

/**
 * The map's ground: a tile server when the operator configured one, otherwise country shapes from
 * world-atlas drawn on their own canvas, so nothing is fetched from another site.
 */
export function WorldBasemap({ config }: { config: MapConfig }) {
  const map = useMap();
  const { t } = useTranslation();
  const attribution = t('map.basemapAttribution');

  useEffect(() => {
    if (config.tileUrl) {
      const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 18 }).addTo(map);
      return () => void tiles.remove();
    }
    const pane = map.getPane('basemap') ?? map.createPane('basemap');
    pane.style.zIndex = '250';
    const renderer = L.canvas({ pane: 'basemap', padding: 0.5 });
    let shown: { detail: Detail; layer: L.GeoJSON } | null = null;
    let cancelled = false;

    const show = (detail: Detail) => {
      if (shown?.detail === detail || shown?.detail === '50m') return;
      loadCountries(detail).then(
        (countries) => {
          if (cancelled || shown?.detail === '50m') return;
          const layer = L.geoJSON(countries, { style: countryStyle, renderer, attribution } as L.GeoJSONOptions).addTo(map);
          shown?.layer.remove();
          shown = { detail, layer };
        },
        () => {
          // Without shapes the clusters still show on the plain sea colour.
        },
      );
    };
    const onZoom = () => {
      if (map.getZoom() >= finerFromZoom) show('50m');
    };
    show(map.getZoom() >= finerFromZoom ? '50m' : '110m');
    map.on('zoomend', onZoom);
    return () => {
      cancelled = true;
      map.off('zoomend', onZoom);
      shown?.layer.remove();
      renderer.remove();
    };
  }, [map, config, attribution]);

  return null;
}
