import { expect, test } from '@playwright/test';

test('switching to Arabic lays the page out right to left and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await page.getByLabel('Language').selectOption('ar');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('هل هو معطّل للجميع أم لي وحدي؟');

  // The header's first element (the brand) sits on the right, the language selector on the left.
  const viewport = page.viewportSize();
  const brand = await page.getByRole('banner').locator('> *').first().boundingBox();
  const language = await page.getByRole('banner').getByRole('combobox').boundingBox();
  expect(viewport && brand && language).toBeTruthy();
  expect(brand!.x + brand!.width).toBeGreaterThan(viewport!.width * 0.75);
  expect(brand!.x).toBeGreaterThan(language!.x);

  await page.reload();
  await expect(html).toHaveAttribute('dir', 'rtl');

  await page.getByLabel('اللغة').selectOption('en');
  await expect(html).toHaveAttribute('dir', 'ltr');
});
