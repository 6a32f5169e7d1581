import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

// A blog on another origin (its own server on this machine) pastes the one-line loader and a badge,
// as the service page tells site owners to.
let blog: Server;
let blogUrl: string;

test.beforeAll(async ({ baseURL }) => {
  blog = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><title>My blog</title><h1>My blog</h1>
      <script src="${baseURL}/widget.js" data-service="whatsapp" async></script>
      <p><img id="badge" src="${baseURL}/badge/whatsapp.svg" alt="WhatsApp status"></p>`);
  });
  blog.listen(0, '127.0.0.1');
  await once(blog, 'listening');
  // "localhost", not the app's 127.0.0.1: another site altogether, as far as the browser can tell.
  blogUrl = `http://localhost:${(blog.address() as AddressInfo).port}`;
});

test.afterAll(() => blog.close());

test('another site embeds the live status card and the badge', async ({ page }) => {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));

  await page.goto(`${blogUrl}/post`);
  const card = page.frameLocator('iframe[title="Service status"]');
  await expect(card.getByRole('status')).toHaveText(/No current problems|Possible problems|Problems detected/);
  await expect(card.getByText('WhatsApp')).toBeVisible();
  await expect.poll(() => page.locator('#badge').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(failed).toEqual([]);
});
