import { expect, test } from '@playwright/test';
import { getServices } from './catalogue';
import { postReportAsNewPerson } from './post-report';

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

  test('an outage started through the API shows on the map, in the side list and as the service page banner, without reload', async ({
    page,
    context,
    baseURL,
  }) => {
    // The test server gives Signal a few hours of quiet history, so a sudden flood is an outage.
    await page.goto('/map');
    const map = page.getByTestId('outage-map');
    await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
    const clustersBefore = Number(await map.getAttribute('data-clusters'));
    const servicePage = await context.newPage();
    await servicePage.goto('/services/signal');
    await expect(servicePage.getByText(/User reports indicate no current problems with Signal/)).toBeVisible();
    await expect(servicePage.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();

    // Forty people in Dhaka, each on a network of their own and sharing their position, report Signal
    // within seconds (reports from one network beyond a few are stored but not counted).
    const posts = Array.from({ length: 40 }, (_, i) =>
      postReportAsNewPerson(
        baseURL,
        { service: 'signal', problem: 'messages', location: { lat: 23.81 + i / 1000, lon: 90.41 } },
        { 'x-forwarded-for': `103.${i + 10}.145.20` },
      ),
    );
    expect(new Set(await Promise.all(posts))).toEqual(new Set([202]));

    const side = page.getByRole('complementary');
    await expect(side.getByRole('article').filter({ hasText: 'Signal' }).first()).toBeVisible({ timeout: 30_000 });
    await expect(side.getByRole('article').filter({ hasText: 'Signal' }).first()).toContainText(/since/);
    await expect.poll(async () => Number(await map.getAttribute('data-clusters')), { timeout: 30_000 }).toBeGreaterThan(clustersBefore);
    await expect(servicePage.getByText(/User reports indicate problems with Signal since/)).toBeVisible({ timeout: 30_000 });
  });
});
