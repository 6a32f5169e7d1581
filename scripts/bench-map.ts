// How the live map copes with many outage clusters: `npm run bench:map` (CLUSTERS=5000 by default).
// Starts the real API (serving the built web app) on a fresh schema, stores open outages carrying
// that many clusters, opens /map in Debian's Chromium and records every animation frame while a
// person would drag, zoom, hover and filter. The same steps run first on an empty map, so the
// figures compare like with like on this shared machine. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { saveOutage, type Db } from '@outage-radar/db';
import { catalogue } from '../prisma/catalogue';
import { benchClusters } from './bench-map/bench-clusters';
import { startStack } from './bench-support/start-stack';
import { summarizeFrames, type FrameSummary } from './bench-map/summarize-frames';

const root = join(__dirname, '..');
const clusterCount = Number(process.env.CLUSTERS ?? 5000);
const outageCount = 50;
const port = Number(process.env.BENCH_PORT ?? 3180);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    console.log('building the web app first…');
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/turbo/bin/turbo'), 'run', 'build', '--filter=@outage-radar/web', '--output-logs=errors-only'],
      { stdio: 'inherit', cwd: root },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const stack = await startStack({ port });
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const empty = await measure(browser.newPage.bind(browser), 0);
      await storeOutages(stack.db, clusterCount);
      const full = await measure(browser.newPage.bind(browser), clusterCount);
      report(empty, full);
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}

async function storeOutages(db: Db, clusters: number): Promise<void> {
  const slugs = catalogue.slice(0, outageCount).map((s) => s.slug);
  const perOutage = benchClusters(clusters, slugs.length);
  const now = Date.now();
  for (const [i, slug] of slugs.entries()) {
    await saveOutage(db, {
      id: randomUUID(),
      serviceSlug: slug,
      regionKey: 'all',
      phase: 'outage',
      startedAt: new Date(now - (i + 5) * 60_000),
      detectedAt: new Date(now - i * 60_000),
      updatedAt: new Date(now),
      resolvedAt: null,
      peakAt: new Date(now),
      peakCount: 500,
      peakRatio: 12,
      problemMix: [{ problem: 'app', count: 10, percent: 100 }],
      regions: [],
      clusters: perOutage[i] ?? [],
      incidentId: null,
    });
  }
}

interface Figures {
  clusters: number;
  firstDrawMs: number;
  drag: FrameSummary;
  zoom: FrameSummary;
  hover: FrameSummary;
  filterMs: number;
}

async function measure(newPage: () => Promise<Page>, expected: number): Promise<Figures> {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/map`);
  const map = page.getByTestId('outage-map');
  await map.locator('.leaflet-pane canvas').first().waitFor();
  await page.waitForFunction(`Number(document.querySelector('[data-testid="outage-map"]')?.getAttribute('data-clusters')) === ${expected}`, undefined, {
    timeout: 60_000,
  });
  await nextFrame(page);
  const firstDrawMs = Date.now() - t0;
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT.replace('.png', `-${expected}.png`) });

  const box = (await map.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const drag = await recordFrames(page, async () => {
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let step = 1; step <= 30; step++) await page.mouse.move(cx + step * 8, cy + step * 3);
      for (let step = 29; step >= 0; step--) await page.mouse.move(cx + step * 8, cy + step * 3);
      await page.mouse.up();
    }
  });
  const zoom = await recordFrames(page, async () => {
    await page.mouse.move(cx, cy);
    for (const dy of [-300, -300, 300, 300, -300, 300]) {
      await page.mouse.wheel(0, dy);
      await page.waitForTimeout(350);
    }
  });
  const hover = await recordFrames(page, async () => {
    for (let step = 0; step <= 120; step++) await page.mouse.move(box.x + 20 + step * ((box.width - 40) / 120), cy + 60 * Math.sin(step / 8));
  });
  // Filtering rebuilds the points and diffs them against the markers drawn.
  const category = page.getByLabel('Category');
  const f0 = Date.now();
  for (const value of ['messaging', '', 'social', '']) {
    await category.selectOption(value);
    await nextFrame(page);
  }
  const filterMs = (Date.now() - f0) / 4;
  await page.close();
  return { clusters: expected, firstDrawMs, drag, zoom, hover, filterMs };
}

function nextFrame(page: Page): Promise<void> {
  return page.evaluate<void>('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))');
}

/** Timestamps of every animation frame painted while `act` runs. */
async function recordFrames(page: Page, act: () => Promise<void>): Promise<FrameSummary> {
  // A string, not a function: tsx would wrap a function's inner closures in helpers the page lacks.
  // Each recording has its own generation, so a loop left from the last one stops instead of doubling frames.
  await page.evaluate(`(() => {
    const generation = (window.benchGeneration ?? 0) + 1;
    window.benchGeneration = generation;
    window.benchFrames = [];
    const loop = (t) => { if (window.benchGeneration !== generation) return; window.benchFrames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await act();
  const frames = await page.evaluate<number[]>('(window.benchGeneration += 1, window.benchFrames)');
  return summarizeFrames(frames);
}

function report(empty: Figures, full: Figures): void {
  const row = (f: Figures) => ({
    clusters: f.clusters,
    'first draw ms': f.firstDrawMs,
    'drag frame ms p50/p95/max': `${f.drag.p50} / ${f.drag.p95} / ${f.drag.max}`,
    'zoom frame ms p50/p95/max': `${f.zoom.p50} / ${f.zoom.p95} / ${f.zoom.max}`,
    'hover frame ms p50/p95/max': `${f.hover.p50} / ${f.hover.p95} / ${f.hover.max}`,
    'frames over 50 ms': f.drag.over50 + f.zoom.over50 + f.hover.over50,
    'filter ms': Math.round(f.filterMs),
  });
  console.log(`live map, 1280x800, Chromium ${chromiumPath}: ${outageCount} outages`);
  console.table([row(empty), row(full)]);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
  console.log(
    `p95 frame time with ${full.clusters} clusters vs none: drag ${ratio(full.drag.p95, empty.drag.p95)}x, zoom ${ratio(full.zoom.p95, empty.zoom.p95)}x, hover ${ratio(full.hover.p95, empty.hover.p95)}x`,
  );
}

main().catch((err: Error) => {
  console.error(`bench:map: ${err.message}`);
  process.exit(1);
});
