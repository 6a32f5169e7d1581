import { expect, test } from '@playwright/test';
import { pickService, toCount } from './catalogue';
import { postReportAsNewPerson } from './post-report';

test.describe('service page', () => {
  test('a report filed on one page moves the count on another page within 2 s, without reload', async ({ browser, request }) => {
    const service = await pickService(request, 'whatsapp');

    const watcher = await browser.newContext();
    const watchPage = await watcher.newPage();
    await watchPage.goto(`/services/${service.slug}`);
    await expect(watchPage.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(watchPage.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
    const tally = watchPage.getByText(/problem reports? in the last hour/);
    const before = toCount(await tally.textContent());

    const reporter = await browser.newContext();
    const reportPage = await reporter.newPage();
    await reportPage.goto(`/services/${service.slug}`);
    const problems = reportPage.getByRole('group', { name: /what is not working/i });
    await problems.getByRole('button', { name: 'Login' }).or(problems.getByRole('button').first()).first().click();
    await expect(reportPage.getByText(/Thanks — .* reported this in the last hour/)).toBeVisible();

    await expect.poll(async () => toCount(await tally.textContent()), { timeout: 2_000, intervals: [100] }).toBeGreaterThan(before);

    await watcher.close();
    await reporter.close();
  });

  test('"it works for me" is counted apart from problem reports', async ({ page, request }) => {
    const service = await pickService(request, 'telegram', ['whatsapp']);
    await page.goto(`/services/${service.slug}`);
    await expect(page.getByRole('status').filter({ hasText: /^Live$/ })).toBeVisible();
    const problemsTally = page.getByText(/problem reports? in the last hour/);
    const problemsBefore = toCount(await problemsTally.textContent());

    await page.getByRole('button', { name: 'It works for me' }).click();
    await expect(page.getByText(/Thanks — .* said it works for them/)).toBeVisible();
    await expect.poll(async () => toCount(await page.getByText(/(people say|person says) it works/).textContent())).toBeGreaterThan(0);
    expect(toCount(await problemsTally.textContent())).toBe(problemsBefore);
  });

  test('an unknown service says so', async ({ page }) => {
    await page.goto('/services/no-such-service-here');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('says how many reports were not counted because too many came from one network', async ({ page, request, baseURL }) => {
    const service = await pickService(request, 'zoom', ['whatsapp', 'telegram', 'signal']);
    // 60 people on 60 addresses of one /24, each with their own browser: the test server counts 50
    // per network prefix and window.
    for (let i = 0; i < 60; i++) {
      expect(
        await postReportAsNewPerson(
          baseURL,
          { service: service.slug, problem: service.problems[0] },
          { 'x-forwarded-for': `198.51.100.${i + 1}`, 'user-agent': `Browser/${i}` },
        ),
      ).toBe(202);
    }
    // The worker stores them within seconds; the page reads the count when it loads.
    await expect(async () => {
      await page.goto(`/services/${service.slug}`);
      await expect(page.getByText(/^10 reports in the last 24 hours were not counted: too many came from one network/)).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByText(/^50 problem reports in the last hour/)).toBeVisible();
  });
});
