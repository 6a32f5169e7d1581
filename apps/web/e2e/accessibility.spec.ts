import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Every page people land on, in a left-to-right and a right-to-left language, at desktop and phone
// width: axe's WCAG 2.1 A and AA rules (names, labels, contrast, landmarks, language of the page).
const pages = [
  { name: 'home', path: '/', ready: (page: Page) => page.locator('.service-card').first() },
  { name: 'service page', path: '/services/whatsapp', ready: (page: Page) => page.locator('.report-chart__canvas canvas') },
  { name: 'live map', path: '/map', ready: (page: Page) => page.locator('.leaflet-container') },
] as const;
const viewports = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

for (const language of ['en', 'ar'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const target of pages) {
      test(`${target.name} in ${language} on a ${device} has no WCAG A or AA violations`, async ({ browser }) => {
        const context = await browser.newContext({ viewport, locale: language === 'ar' ? 'ar-EG' : 'en-US' });
        await context.addInitScript((lang) => localStorage.setItem('outage-radar.language', lang), language);
        const page = await context.newPage();
        await page.goto(target.path);
        await expect(target.ready(page)).toBeVisible();
        await page.waitForLoadState('networkidle').catch(() => {});

        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        // Named ids and selectors, so a failure says where to look.
        expect(violations.map((v) => ({ rule: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);

        // Nothing wider than the screen: a phone never scrolls sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await context.close();
      });
    }
  }
}

test('a problem can be found and reported with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Tab from the top of the page to the search box, type, and follow the first result.
  const search = page.getByRole('searchbox');
  for (let i = 0; i < 10 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type('discrod');
  const result = page.getByRole('link', { name: /^Discord/ }).first();
  await expect(result).toBeVisible();
  for (let i = 0; i < 10 && !(await result.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Discord' })).toBeVisible();

  // On the service page: on to the first problem type, and Enter files the report.
  const firstProblem = page
    .getByRole('group', { name: /what is not working/i })
    .getByRole('button')
    .first();
  await expect(firstProblem).toBeVisible();
  for (let i = 0; i < 20 && !(await firstProblem.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstProblem).toBeFocused();
  await expect(firstProblem).toHaveCSS('outline-style', /solid|auto/);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Thanks — .* reported this in the last hour/)).toBeVisible();
});
