import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { getServices } from './catalogue';

// The README shows these: home, a service page and the map.
const devices = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 360, height: 740 } },
] as const;
// English and Arabic at both widths; Bengali and Hindi on a phone, where most of their readers are.
const languages = ['en', 'ar', 'bn', 'hi'] as const;
const devicesFor = (language: (typeof languages)[number]) => (language === 'en' || language === 'ar' ? devices : devices.filter((d) => d.name === 'phone'));
const browserLocale = { en: 'en-US', ar: 'ar-EG', bn: 'bn-BD', hi: 'hi-IN' } as const;
// Where the sample reports come from: big cities on every continent, a little jitter each.
const cities = [
  [23.81, 90.41],
  [22.57, 88.36],
  [28.61, 77.21],
  [19.08, 72.88],
  [12.97, 77.59],
  [13.08, 80.27],
  [24.86, 67.0],
  [31.55, 74.34],
  [24.71, 46.68],
  [21.49, 39.19],
  [30.04, 31.24],
  [25.2, 55.27],
  [33.89, 35.5],
  [36.8, 10.18],
  [33.57, -7.59],
  [6.52, 3.37],
  [-1.29, 36.82],
  [-26.2, 28.05],
  [51.5, -0.12],
  [48.86, 2.35],
  [52.52, 13.4],
  [41.01, 28.98],
  [40.71, -74.0],
  [34.05, -118.24],
  [19.43, -99.13],
  [-23.55, -46.63],
  [-34.6, -58.38],
  [35.68, 139.69],
  [1.35, 103.82],
  [-6.21, 106.85],
  [-33.87, 151.21],
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}

test.describe('screenshots', () => {
  test.beforeAll(async ({ request }) => {
    // Some recent activity, so the map has something to show: one report per service (the API
    // counts one per person and service), from cities around the world.
    const services = await getServices(request);
    await Promise.all(
      services.map((service, i) => {
        const [lat, lon] = cities[i % cities.length]!;
        const jitter = () => ((i * 7919) % 100) / 200 - 0.25;
        const location = { lat: lat + jitter(), lon: lon + jitter() };
        return request.post('/api/reports', { data: { service: service.slug, problem: service.problems[i % service.problems.length], location } });
      }),
    );
  });

  for (const language of languages) {
    for (const device of devicesFor(language)) {
      test(`${language} ${device.name}`, async ({ browser }) => {
        const context = await browser.newContext({ viewport: device.viewport, locale: browserLocale[language], timezoneId: 'UTC' });
        await context.addInitScript((lang) => localStorage.setItem('outage-radar.language', lang), language);
        const page = await context.newPage();
        const file = (name: string) => join(import.meta.dirname, '..', 'screenshots', `${name}-${language}-${device.name}.png`);

        await page.goto('/');
        await expect(page.locator('.service-card').first()).toBeVisible();
        await settle(page);
        await page.screenshot({ path: file('home'), animations: 'disabled' });

        await page.goto('/services/whatsapp');
        await expect(page.locator('.report-chart__canvas canvas')).toBeVisible();
        await settle(page);
        await page.screenshot({ path: file('service'), animations: 'disabled' });

        await page.goto('/map');
        await expect(page.locator('.leaflet-container')).toBeVisible();
        await settle(page);
        await page.waitForTimeout(500); // the basemap draws on the frame after its shapes arrive
        await page.screenshot({ path: file('map'), animations: 'disabled' });

        await context.close();
      });
    }
  }
});
