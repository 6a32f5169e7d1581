import { expect, test } from '@playwright/test';

// scripts/e2e-server.mjs listens for these next to the app's port.
const control = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test('the live map comes back by itself after the server restarts, and keeps counting without reload', async ({ page, request }) => {
  await page.goto('/map');
  const live = page.getByRole('status').filter({ hasText: /^Live$/ });
  await expect(live).toBeVisible();

  expect((await request.post(`${control}/api/stop`)).status()).toBe(204);
  await expect(page.getByRole('status').filter({ hasText: /^Reconnecting…$/ })).toBeVisible();

  expect((await request.post(`${control}/api/start`)).status()).toBe(204);
  // socket.io retries with a back-off of at most 10 s; the restarted API needs a few seconds to load.
  await expect(live).toBeVisible({ timeout: 30_000 });

  const count = page.getByTestId('map-report-count');
  const before = Number(await count.getAttribute('data-count'));
  const response = await request.post('/api/reports', {
    data: { service: 'youtube', problem: 'video-playback', location: { lat: 30.04, lon: 31.24 } },
    headers: { 'x-forwarded-for': '197.32.1.77' },
  });
  expect(response.status()).toBe(202);
  await expect.poll(async () => Number(await count.getAttribute('data-count')), { timeout: 5_000 }).toBeGreaterThan(before);
});
