import type { OutageCluster } from '@outage-radar/shared';

// Where people report from: clusters are scattered around these places, as in a worldwide outage.
const places: readonly [lat: number, lon: number, country: string][] = [
  [23.81, 90.41, 'BD'],
  [22.36, 91.78, 'BD'],
  [28.61, 77.21, 'IN'],
  [19.08, 72.88, 'IN'],
  [12.97, 77.59, 'IN'],
  [13.08, 80.27, 'IN'],
  [22.57, 88.36, 'IN'],
  [24.71, 46.68, 'SA'],
  [21.49, 39.19, 'SA'],
  [25.2, 55.27, 'AE'],
  [30.04, 31.24, 'EG'],
  [33.89, 35.5, 'LB'],
  [31.95, 35.93, 'JO'],
  [33.31, 44.36, 'IQ'],
  [29.38, 47.99, 'KW'],
  [24.86, 67.0, 'PK'],
  [31.52, 74.36, 'PK'],
  [6.52, 3.38, 'NG'],
  [-1.29, 36.82, 'KE'],
  [-26.2, 28.05, 'ZA'],
  [51.51, -0.13, 'GB'],
  [48.86, 2.35, 'FR'],
  [52.52, 13.4, 'DE'],
  [40.42, -3.7, 'ES'],
  [41.9, 12.5, 'IT'],
  [41.01, 28.98, 'TR'],
  [55.76, 37.62, 'RU'],
  [40.71, -74.01, 'US'],
  [34.05, -118.24, 'US'],
  [41.88, -87.63, 'US'],
  [19.43, -99.13, 'MX'],
  [-23.55, -46.63, 'BR'],
  [-34.6, -58.38, 'AR'],
  [4.71, -74.07, 'CO'],
  [35.68, 139.69, 'JP'],
  [37.57, 126.98, 'KR'],
  [-6.21, 106.85, 'ID'],
  [14.6, 120.98, 'PH'],
  [13.76, 100.5, 'TH'],
  [-33.87, 151.21, 'AU'],
];

/** Deterministic pseudo-random numbers, so every run of the bench draws the same map. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `total` clusters split over `outages` outages, scattered within a few degrees of real cities. */
export function benchClusters(total: number, outages: number): OutageCluster[][] {
  const random = seeded(42);
  const result: OutageCluster[][] = Array.from({ length: outages }, () => []);
  for (let i = 0; i < total; i++) {
    const [lat, lon, country] = places[i % places.length]!;
    const count = Math.round(3 + 200 * random() ** 3);
    const expected = Math.max(0.2, count / (2 + 20 * random()));
    result[i % outages]!.push({
      cell: `bench-${i}`,
      lat: lat + (random() - 0.5) * 6,
      lon: lon + (random() - 0.5) * 8,
      count,
      expected,
      ratio: count / expected,
      city: null,
      country,
    });
  }
  return result;
}
