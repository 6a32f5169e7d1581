import { expect, test } from '@playwright/test';

test.describe('home search', () => {
  test('keeps every letter typed quickly, puts the search in the URL, and a link back home clears it', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: 'Search services' });
    await search.pressSequentially('whatsap', { delay: 0 });
    await expect(search).toHaveValue('whatsap');
    await expect(page).toHaveURL(/\?q=whatsap$/);
    await expect(page.getByRole('link', { name: /^WhatsApp/ }).first()).toBeVisible();

    await page.reload();
    await expect(search).toHaveValue('whatsap');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await expect(search).toHaveValue('');
    await expect(page).toHaveURL(/\/$/);
  });

  for (const [script, text] of [
    ['Bengali', 'হোয়াটসঅ্যাপ'],
    ['Arabic', 'واتساب'],
    ['Hindi', 'व्हाट्सएप'],
  ] as const) {
    test(`finds WhatsApp by its ${script} name`, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Search services' }).fill(text);
      await expect(page.locator('.service-card').first()).toContainText('WhatsApp');
    });
  }
});
