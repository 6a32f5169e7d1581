import type { ReportInput } from '@outage-radar/shared';

type Location = NonNullable<ReportInput['location']>;

/** Rounded to two decimals (about a kilometre): the server keeps only a city-sized cell anyway. */
const round = (degrees: number) => Math.round(degrees * 100) / 100;

/** The browser's position, or undefined when refused, unavailable or slow: a report never waits on it. */
export function getPosition(timeoutMs = 8_000): Promise<Location | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(undefined), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        window.clearTimeout(timer);
        resolve({ lat: round(position.coords.latitude), lon: round(position.coords.longitude) });
      },
      () => {
        window.clearTimeout(timer);
        resolve(undefined);
      },
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: timeoutMs },
    );
  });
}
