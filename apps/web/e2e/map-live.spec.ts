import { expect, test } from '@playwright/test';
import { getServices } from './catalogue';

test.describe('live map', () => {
  test('a report posted through the API appears as map activity and in the count, without reload', async ({ page, request }) => {
    const services = await getServices(request);
    const service = services.find((s) => s.slug === 'instagram') ?? services.find((s) => s.slug !== 'whatsapp' && s.slug !== 'telegram');
    if (!service) throw new Error('no service to report on');

    await page.goto('/map');
    await expect(page.getByRole('heading', { level: 1, name: 'Live outage map' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
    const map = page.getByTestId('outage-map');
    const count = page.getByTestId('map-report-count');
    const before = Number(await count.getAttribute('data-count'));
    const cellsBefore = Number(await map.getAttribute('data-cells'));

    const response = await request.post('/api/reports', {
      data: { service: service.slug, problem: service.problems[0], location: { lat: 23.81, lon: 90.41 } },
    });
    expect(response.status()).toBe(202);

    await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeGreaterThan(before);
    await expect.poll(async () => Number(await map.getAttribute('data-cells'))).toBeGreaterThanOrEqual(Math.max(1, cellsBefore));
  });

  test('filters narrow the side list and keep the map', async ({ page }) => {
    await page.goto('/map');
    await page.getByLabel('Category').selectOption('banking');
    await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
    await expect(page.getByTestId('outage-map')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByLabel('Category')).toHaveValue('');
  });

  // Starting an outage needs the detector to see a burst against a known baseline; the page-side
  // half is written, the API-side trigger comes with the detector's end-to-end hook.
  test.fixme('an outage started through the API shows on the map and at the top of the side list', async ({ page }) => {
    await page.goto('/map');
    const list = page.getByRole('complementary').getByRole('list').first();
    const map = page.getByTestId('outage-map');
    const clustersBefore = Number(await map.getAttribute('data-clusters'));
    // Start the outage here, then:
    await expect.poll(async () => Number(await map.getAttribute('data-clusters'))).toBeGreaterThan(clustersBefore);
    await expect(list.getByRole('article').first()).toContainText(/since/);
    await expect(page.getByRole('status').filter({ hasText: /New outage/ })).toBeAttached();
  });
});
