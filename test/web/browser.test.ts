/**
 * The pages in a real browser (Debian's Chromium driven by playwright-core): front page → a
 * storyline → a citation → its article (cited sentence marked) → a search; a screenshot of each
 * page goes to test-output/. Also the storyline page on a phone-sized viewport. Without Chromium
 * the test is skipped with a message, except under CI=true, where it fails.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/index.js';
import { demoFixture } from '../server/helpers.js';

const CHROMIUM = process.env.STORYLINE_CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve(import.meta.dirname, '..', '..', 'test-output');
/** Flags for a quiet, sandbox-free headless Chromium on a closed network (no update, sync or QUIC traffic). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('browser: front page, storyline, citation to article, search; phone layout', { timeout: 60_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}; CI must install it (apt-get install -y chromium)`);
    const message = `SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set STORYLINE_CHROMIUM)`;
    console.warn(message);
    t.skip(message);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const f = await demoFixture();
  const server = await startServer({ store: f.store, host: '127.0.0.1', port: 0, log: () => {} });
  const profile = mkdtempSync(join(tmpdir(), 'storyline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(server.url);
    assert.equal(await page.title(), 'Storylines · Storyline');
    // The demo's three storylines (its German quake report joins the English ones), each with a coverage chart.
    assert.equal(await page.locator('ul.lines > li').count(), 3);
    assert.equal(await page.locator('ul.lines svg.spark').count(), 3);
    await page.screenshot({ path: join(OUT, 'browser-1-front.png'), fullPage: true });

    await page.getByRole('link', { name: /Harbor Bridge Closed/ }).click();
    await page.waitForURL(/\/storylines\//);
    assert.ok(await page.locator('svg.timeline').isVisible());
    assert.ok((await page.locator('table.matrix td.reports').count()) > 0);
    await page.screenshot({ path: join(OUT, 'browser-2-storyline.png'), fullPage: true });

    const cite = page.locator('#summary a.cite').first();
    const quoted = (await cite.getAttribute('title')) ?? '';
    await cite.click();
    await page.waitForURL(/\/articles\/.+#c-\d+$/);
    const marked = page.locator('span.cited');
    assert.ok(await marked.first().isVisible());
    // The marked sentence is the one the summary cited, and the browser scrolled to it.
    assert.equal((await marked.allTextContents()).join(' ').replace(/\s+/g, ' ').trim(), quoted.replace(/\s+/g, ' ').trim());
    assert.ok(await marked.first().isVisible());
    assert.equal(await page.locator('details.removed').count(), 1);
    await page.screenshot({ path: join(OUT, 'browser-3-article.png') });

    await page.locator('input[name=q]').fill('earthquake injured');
    await page.locator('header form button').click();
    await page.waitForURL(/\/search\?q=earthquake/);
    assert.ok((await page.locator('.hit').count()) >= 1);
    assert.ok((await page.locator('.hit mark').count()) >= 1);
    await page.screenshot({ path: join(OUT, 'browser-4-search.png'), fullPage: true });

    // A phone: nothing wider than the screen except inside the scrolling table box.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(page.url().replace(/\/search.*/, '/'));
    await phone.getByRole('link', { name: /Harbor Bridge Closed/ }).click();
    await phone.waitForURL(/\/storylines\//);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the storyline page is ${overflow}px wider than a phone`);
    // The chart's date labels stay readable (rendered at ≥ 10 px), its legend moves under it as text.
    const labelPx = await phone.evaluate(() => Math.min(...[...document.querySelectorAll('svg.timeline text.label')].filter((t) => (t as SVGTextElement).getBBox().width > 0).map((t) => t.getBoundingClientRect().height)));
    assert.ok(labelPx >= 10, `timeline labels render ${labelPx}px high`);
    assert.ok(await phone.locator('.chart-legend').isVisible());
    // The fact table scrolls sideways inside its box, and the page says so.
    assert.ok(await phone.locator('.scroll-hint').isVisible());
    assert.equal(await phone.evaluate(() => getComputedStyle(document.querySelector('.table-wrap')!).overflowX), 'auto');
    // No date breaks over two lines.
    const wrapped = await phone.evaluate(() => [...document.querySelectorAll('time.date')].filter((t) => t.getClientRects().length > 1).map((t) => t.textContent));
    assert.deepEqual(wrapped, []);
    await phone.screenshot({ path: join(OUT, 'browser-5-storyline-phone.png') });
    await phone.close();

    assert.deepEqual(problems, [], 'no console errors (a CSP violation shows up here)');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
    await f.close();
  }
});
