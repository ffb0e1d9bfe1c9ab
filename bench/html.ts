/**
 * How fast the HTML report opens (`npm run bench:html`): the report of a generated corpus
 * (10,000 articles by default, bench/generate.ts) is written once by the built CLI (its time and
 * peak RSS are printed), then opened from file:// in headless Chromium (Debian's, driven by
 * playwright-core) in a fresh tab per run. Per run, from the browser's own timings: navigation
 * start to first contentful paint, to DOMContentLoaded and to the load event; then the time from a
 * click on a value to its quotes being shown (the first click parses the page's data block).
 * Medians over the runs. The target: the 10,000-article report opens in under 3 s.
 *
 * Options: --articles N (default 10000), --runs N (default 5).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findRoot, loadSources, writeCorpus } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = findRoot(here);
const OUT = path.join(ROOT, 'bench/out');
const BIN = path.join(ROOT, 'bin/istanbul-talks.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_MS = 3000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const articles = option('--articles', 10_000);
  const runs = Math.max(1, option('--runs', 5));
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const corpus = writeCorpus(path.join(OUT, `corpus-${articles}`), articles, loadSources(ROOT));
  const report = path.join(OUT, `report-${articles}.html`);
  const usageFile = path.join(OUT, `usage-html-${process.pid}.json`);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(here, 'rss-hook.js')).href, BIN, 'compare', '--format', 'html', '--corpus', corpus.dir, '--output', report], {
    encoding: 'utf8',
    env: { ...process.env, ISTANBUL_TALKS_JOBS: '1', BENCH_USAGE_FILE: usageFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const renderMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 2) throw new Error(`compare --format html exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  const rssMb = (JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024;
  fs.rmSync(usageFile);
  const bytes = fs.statSync(report).size;
  console.log(`corpus: ${articles.toLocaleString('en-US')} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  console.log(`compare --format html: ${(renderMs / 1000).toFixed(2)} s, peak RSS ${rssMb.toFixed(0)} MB, page ${(bytes / 1e6).toFixed(1)} MB`);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  const rows: Array<{ fcp: number; dom: number; load: number; quote: number }> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`file://${report}`, { waitUntil: 'load' });
      const timing = (await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return { fcp: fcp ? fcp.startTime : -1, dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      })()`)) as { fcp: number; dom: number; load: number };
      const start = performance.now();
      await page.locator('button.v').first().click();
      await page.locator('#panel').waitFor({ state: 'visible' });
      rows.push({ ...timing, quote: performance.now() - start });
      await page.close();
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const load = median(rows.map((x) => x.load));
  console.log(`\nChromium ${context.browser()?.version() ?? ''}, ${runs} runs (median; each run's figures in brackets)`);
  console.log(`  first contentful paint  ${ms(median(rows.map((x) => x.fcp)))}  [${rows.map((x) => Math.round(x.fcp)).join(', ')}]`);
  console.log(`  DOMContentLoaded        ${ms(median(rows.map((x) => x.dom)))}  [${rows.map((x) => Math.round(x.dom)).join(', ')}]`);
  console.log(`  load event              ${ms(load)}  [${rows.map((x) => Math.round(x.load)).join(', ')}]`);
  console.log(`  first quote opened      ${ms(median(rows.map((x) => x.quote)))}  [${rows.map((x) => Math.round(x.quote)).join(', ')}]  (click to panel shown)`);
  console.log(`\ntarget: load under ${ms(TARGET_MS)} — ${load < TARGET_MS ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
