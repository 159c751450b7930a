// Drives headless chromium over one dashboard page for DashboardTests (run by dotnet test, not by hand).
// Usage: node dashboards.mjs <baseUrl> <page> <screenshotDir> <chromiumPath>
// Writes one JSON line per event on stdout; for the live check it writes {"event":"publish"} and waits for
// "published <signalId>" on stdin, then for that signal to appear on the page without a reload.
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [baseUrl, pageName, outDir, executablePath] = process.argv.slice(2);
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const lines = readline.createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once('line', resolve));

const paths = { main: '/', intelligence: '/intelligence.html', enhanced: '/enhanced.html' };

// What each page must show once loaded: name -> predicate evaluated in the page.
const checks = {
  main: {
    'overview figures': () => document.querySelectorAll('#kpis .kpi').length >= 4 && !document.querySelector('#kpis .kpi .value').textContent.includes('–'),
    'top coins table': () => document.querySelectorAll('#coins tbody tr').length >= 10,
    'latest signals': () => document.querySelectorAll('#signals li[data-signal-id]').length >= 3,
    'price and volume chart': () => Number(document.getElementById('price-chart').dataset.points) > 50 && !!document.querySelector('#price-chart canvas'),
    'fear and greed': () => !!document.querySelector('#fear-greed .big') && !!document.querySelector('#fear-greed-chart canvas'),
    'top movers': () => document.querySelectorAll('#movers tr[data-coin]').length >= 6,
  },
  intelligence: {
    'news with sentiment': () => document.querySelectorAll('#news li[data-news-id]').length >= 10 && document.querySelectorAll('#news .tag.up, #news .tag.down').length >= 2,
    'sentiment chart': () => Number(document.getElementById('sentiment-chart').dataset.series) >= 1 && !!document.querySelector('#sentiment-chart canvas'),
    'trending entities': () => document.querySelectorAll('#trending .bar').length >= 3,
    'stories': () => document.querySelectorAll('#stories li[data-story-id]').length >= 3,
    'co-mentions': () => document.querySelectorAll('#co-mentions .bar').length >= 1,
    'live signals': () => document.querySelectorAll('#signals li[data-signal-id]').length >= 3,
  },
  enhanced: {
    'track record hit rates': () => document.querySelectorAll('#track-record .bar').length >= 1,
    'signal statistics': () => document.querySelectorAll('#signal-stats .bar').length >= 2,
    'confidence distribution': () => document.querySelectorAll('#confidence .bar').length === 5,
    'source health': () => document.querySelectorAll('#sources tr[data-source]').length >= 5,
    'quota use': () => document.querySelectorAll('#quota .bar').length >= 2,
    'tvl flows by chain': () => document.querySelectorAll('#chains .bar').length >= 5,
    'protocol tvl chart': () => Number(document.getElementById('tvl-chart').dataset.points) > 50 && !!document.querySelector('#tvl-chart canvas'),
  },
};

const viewports = [
  { name: 'desktop', viewport: { width: 1366, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
];

const launched = Date.now();
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
emit({ event: 'check', viewport: 'browser', name: 'chromium started', ok: true, detail: `${Date.now() - launched} ms` });
try {
  for (const v of viewports) {
    const context = await browser.newContext({ viewport: v.viewport, isMobile: v.isMobile, hasTouch: v.isMobile, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Failed loads are reported with their address by the 'response' handler below (the hub probe's 404 is expected until the hub exists).
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('/hubs/')) errors.push(`HTTP ${r.status()}: ${r.url()}`); });

    const started = Date.now();
    await page.goto(new URL(paths[pageName], baseUrl).href, { waitUntil: 'load' });
    for (const [name, predicate] of Object.entries(checks[pageName])) {
      let ok = true;
      const t0 = Date.now();
      try {
        await page.waitForFunction(predicate, null, { timeout: 15000, polling: 200 });
      } catch {
        ok = false;
      }
      emit({ event: 'check', viewport: v.name, name, ok, detail: `${Date.now() - t0} ms` });
    }
    emit({ event: 'loaded', viewport: v.name, ms: Date.now() - started });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    emit({ event: 'check', viewport: v.name, name: 'no horizontal scroll', ok: overflow <= 1, detail: `overflow ${overflow}px` });
    await page.screenshot({ path: `${outDir}/${pageName}-${v.name}.png`, fullPage: true });

    if (v.name === 'desktop') {
      emit({ event: 'publish' });
      const id = (await nextLine()).replace(/^published\s+/, '').trim();
      const t0 = Date.now();
      let ok = true;
      try {
        await page.waitForSelector(`[data-signal-id="${id}"]`, { timeout: 20000 });
      } catch {
        ok = false;
      }
      const mode = await page.evaluate(() => document.querySelector('.live')?.dataset.mode);
      emit({ event: 'check', viewport: v.name, name: 'new signal appears without reload', ok, detail: `${Date.now() - t0} ms via ${mode}` });
      await page.screenshot({ path: `${outDir}/${pageName}-live.png` });
    }

    emit({ event: 'check', viewport: v.name, name: 'no script or HTTP errors', ok: errors.length === 0, detail: errors.slice(0, 5).join(' | ') });
    await context.close();
  }
} finally {
  await browser.close();
  lines.close();
  emit({ event: 'done' });
}
