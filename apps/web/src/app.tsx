import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SiteLayout } from './layout/site-layout';
import { NotFoundPage } from './layout/not-found-page';

// Each page is its own chunk: the map page never pays for the chart, nor the home page for Leaflet.
const HomePage = lazy(() => import('./home/home-page').then((m) => ({ default: m.HomePage })));
const ServicePage = lazy(() => import('./service/service-page').then((m) => ({ default: m.ServicePage })));
const MapPage = lazy(() => import('./map/map-page').then((m) => ({ default: m.MapPage })));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<SiteLayout />}>
          <Route index element={<HomePage />} />
          <Route path="services/:slug" element={<ServicePage />} />
          <Route path="map" element={<MapPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
