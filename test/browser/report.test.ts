/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core. The
 * reports of the bundled corpus, of a 300-article generated corpus and of the hostile corpus are
 * opened from file://, as a reader opens a file sent to them. Nothing may fail or be blocked (no
 * console error, no CSP violation, no request beyond the file), no script from an article may run,
 * and the page must do what it says: the difference between meetings is visible, a value opens its
 * quote, the filters hide and show rows, and it is usable 390 px wide. Screenshots go to
 * test-output/browser/ (git-ignored).
 *
 * Without a browser at CHROMIUM_PATH (default /usr/bin/chromium) these tests are skipped and say
 * so; `.ci/run` installs Chromium first (`apt-get install -y chromium`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources, writeCorpus } from '../../bench/generate.js';
import { cli, ROOT } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !fs.existsSync(CHROMIUM);
const SKIP = missing ? ` (skipped: no Chromium at ${CHROMIUM}; install it with apt-get install -y chromium, or set CHROMIUM_PATH)` : '';
const OUT = path.join(ROOT, 'test-output/browser');
if (missing) console.warn(`test/browser/report.test.ts${SKIP}`);

/** Flags that keep a headless Chromium from reaching for the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let tmp: string;
let context: BrowserContext;
const reports: Record<'bundled' | 'generated' | 'hostile', string> = { bundled: '', generated: '', hostile: '' };

function writeReport(name: string, args: string[]): string {
  const file = path.join(tmp, `${name}.html`);
  const r = cli(['compare', '--format', 'html', '--output', file, ...args]);
  expect(r.status === 0 || r.status === 2, r.stderr).toBe(true);
  return file;
}

beforeAll(async () => {
  if (missing) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-browser-'));
  fs.mkdirSync(OUT, { recursive: true });
  reports.bundled = writeReport('bundled', ['--corpus', path.join(ROOT, 'corpus')]);
  writeCorpus(path.join(tmp, 'generated'), 300, loadSources(ROOT));
  reports.generated = writeReport('generated', ['--corpus', path.join(tmp, 'generated')]);
  reports.hostile = writeReport('hostile', ['--corpus', path.join(ROOT, 'test/fixtures/hostile')]);
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await context?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions, CSP violations, dialogs and requests other than the file. */
  problems: string[];
}

async function open(file: string, width = 1280): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url() !== `file://${file}`) problems.push(`request: ${r.url()}`);
  });
  // Runs before the page's own script, outside its CSP: any violation is reported as a problem.
  await page.addInitScript(
    'document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));',
  );
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, problems };
}

/** The value button of `outlet` in `fact`'s row of a meeting (grid layout). */
async function valueButton(page: Page, meeting: string, fact: string, outlet: string) {
  const section = page.locator(`#meeting-${meeting}`);
  const column = await section.locator('thead th[data-o]', { hasText: outlet }).getAttribute('data-o');
  return section.locator(`tr[data-fact="${fact}"] td[data-o="${column}"] button.v`).first();
}

const visibleRows = (page: Page) => page.locator('section.meeting tbody tr:visible').count();

describe('the report of the bundled corpus in Chromium', () => {
  it(`opens without console errors, CSP violations or requests${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.bundled);
    expect(await page.title()).toBe('istanbul-talks: compare');
    expect(await page.locator('#shown').textContent()).toBe('20 of 20 rows shown');
    expect(problems).toEqual([]);
    await page.close();
  });

  it(`shows the venue difference between the meetings${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.bundled);
    const difference = page.locator('#differences li', { hasText: 'venue' });
    await expect.poll(() => difference.isVisible()).toBe(true);
    const text = await difference.innerText();
    expect(text).toContain('Dolmabahçe Palace at the 2025-05-16 meeting (Atalayar, Financial Times)');
    expect(text).toContain('Çırağan Palace at the 2025-06-02 meeting (bne IntelliNews)');
    expect(text).toContain('different meetings, not a contradiction');
    expect(await page.locator('nav.timeline a').count()).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  });

  it(`opens the Financial Times' Dolmabahçe quote on click and on the keyboard${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.bundled);
    const panel = page.locator('#panel');
    expect(await panel.isVisible()).toBe(false);
    const button = await valueButton(page, '2025-05-16', 'venue', 'Financial Times');
    expect(await button.innerText()).toBe('Dolmabahçe Palace');
    await button.click();
    expect(await panel.isVisible()).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('Dolmabahçe Palace — Financial Times');
    expect(text).toContain('The delegations sat across from each other at a large U-shaped table at the Dolmabahçe Palace in Istanbul');
    expect(text).toContain('corpus/ft-2025-05-16.md:17:77');
    expect(await panel.locator('mark').innerText()).toBe('Dolmabahçe Palace');
    await fs.promises.writeFile(path.join(OUT, 'bundled-1280-quote.png'), await page.screenshot());
    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === (b.ownerDocument as { activeElement: unknown }).activeElement)).toBe(true);
    // The keyboard: the focused value opens with Enter; another value replaces the quotes.
    await page.keyboard.press('Enter');
    expect(await panel.isVisible()).toBe(true);
    await (await valueButton(page, '2025-05-16', 'duration', 'Atalayar')).click();
    const duration = await panel.innerText();
    expect(duration).toContain('less than 2 h — Atalayar');
    expect(duration).toContain('Word differences between the quotes');
    await page.locator('#panel-close').click();
    expect(await panel.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it(`hides and shows rows with the filters${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.bundled);
    expect(await visibleRows(page)).toBe(20);
    await page.selectOption('select[name="fact"]', 'venue');
    expect(await visibleRows(page)).toBe(2);
    expect(await page.locator('#shown').textContent()).toBe('2 of 20 rows shown');
    await page.selectOption('select[name="meeting"]', '2025-06-02');
    expect(await visibleRows(page)).toBe(1);
    expect(await page.locator('#meeting-2025-05-16').isVisible()).toBe(false);
    await page.click('button[type="reset"]');
    await expect.poll(() => visibleRows(page)).toBe(20);
    await page.selectOption('select[name="status"]', 'compatible');
    expect(await visibleRows(page)).toBe(2);
    await page.selectOption('select[name="status"]', '');
    // One outlet: its column only, and the rows it reports or is silent on.
    const bne = await page.locator('select[name="outlet"] option', { hasText: 'bne IntelliNews' }).getAttribute('value');
    await page.selectOption('select[name="outlet"]', bne as string);
    expect(await page.locator('#meeting-2025-05-16 thead th[data-o]:visible').allInnerTexts()).toEqual(['bne IntelliNews']);
    expect(await visibleRows(page)).toBe(9);
    expect(await page.locator('#outlets tbody tr:visible').count()).toBe(1);
    await page.click('button[type="reset"]');
    await expect.poll(() => visibleRows(page)).toBe(20);
    expect(problems).toEqual([]);
    await page.close();
  });

  it(`takes its screenshots, 1280 and 390 px wide, and fits a phone's width${SKIP}`, { skip: missing }, async () => {
    const wide = await open(reports.bundled, 1280);
    await fs.promises.writeFile(path.join(OUT, 'bundled-1280.png'), await wide.page.screenshot({ fullPage: true }));
    await fs.promises.writeFile(path.join(OUT, 'bundled-1280-top.png'), await wide.page.screenshot());
    await wide.page.close();
    const phone = await open(reports.bundled, 390);
    // Wide tables scroll inside their own box; the page itself does not scroll sideways.
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await fs.promises.writeFile(path.join(OUT, 'bundled-390.png'), await phone.page.screenshot({ fullPage: true }));
    await (await valueButton(phone.page, '2025-05-16', 'venue', 'Financial Times')).click();
    const box = await phone.page.locator('#panel').boundingBox();
    expect(box && box.x >= 0 && box.width <= 390).toBe(true);
    await fs.promises.writeFile(path.join(OUT, 'bundled-390-quote.png'), await phone.page.screenshot());
    expect([...wide.problems, ...phone.problems]).toEqual([]);
    await phone.page.close();
    expect(fs.statSync(path.join(OUT, 'bundled-1280.png')).size).toBeGreaterThan(10_000);
  });
});

describe('the report of a 300-article generated corpus in Chromium', () => {
  it(`opens cleanly, shows the venue difference, opens quotes and filters rows${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.generated);
    const total = Number((await page.locator('#shown').textContent())?.split(' of ')[1]?.split(' ')[0]);
    expect(total).toBeGreaterThan(20);
    expect(await visibleRows(page)).toBe(total);
    const venue = page.locator('#differences li', { hasText: 'venue' });
    expect(await venue.isVisible()).toBe(true);
    expect(await venue.innerText()).toMatch(/Dolmabahçe Palace at the 2025-05-16 meeting .*Çırağan Palace at the 2025-06-02 meeting/);
    // Many outlets: values listed with their outlets; a value opens every outlet's quotes.
    await page.locator('#meeting-2025-05-16 tr[data-fact="venue"] button.v', { hasText: 'Dolmabahçe Palace' }).first().click();
    const panel = page.locator('#panel');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('blockquote').count()).toBeGreaterThan(3);
    expect(await panel.locator('mark').first().innerText()).toMatch(/Dolmabah(ç|c)e/);
    await page.keyboard.press('Escape');
    await page.selectOption('select[name="meeting"]', '2025-06-02');
    const shown = await visibleRows(page);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await page.locator('section.meeting:visible').count()).toBe(1);
    await page.click('button[type="reset"]');
    await expect.poll(() => visibleRows(page)).toBe(total);
    await fs.promises.writeFile(path.join(OUT, 'generated-300-1280.png'), await page.screenshot());
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await fs.promises.writeFile(path.join(OUT, 'generated-300-390.png'), await page.screenshot());
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the report of the hostile corpus in Chromium', () => {
  it(`runs no script from an article and stays intact${SKIP}`, { skip: missing }, async () => {
    const { page, problems } = await open(reports.hostile);
    expect(await page.title()).toBe('istanbul-talks: compare');
    expect(await page.evaluate('typeof window.hostilePwned')).toBe('undefined');
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, iframe, object, embed, link, base').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toBe('What the outlets report');
    // The outlet named with markup is a column heading, as text.
    const markup = page.locator('#meeting-2025-05-16 th', { hasText: 'Markup <img' });
    expect(await markup.count()).toBe(1);
    // Its quote opens as text; the javascript: URL is not a link.
    await (await valueButton(page, '2025-05-16', 'venue', 'Markup <img')).click();
    const panel = page.locator('#panel');
    expect(await panel.innerText()).toContain('</title><script>document.title=\'pwned\'</script>');
    expect(await panel.locator('a').count()).toBe(0);
    expect(await panel.locator('script, img, style').count()).toBe(0);
    // The quoted URL with markup in it is a link, percent-encoded, and opens a new context.
    await page.keyboard.press('Escape');
    await (await valueButton(page, '2025-05-16', 'delegation-head', 'Quote "Marks')).click();
    const link = panel.locator('a');
    expect(await link.getAttribute('href')).toBe("https://example.org/a%22%3E%3Cscript%3Ewindow.hostilePwned=4%3C/script%3E?q=%27x%27&y=%3Cz%3E");
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.evaluate('typeof window.hostilePwned')).toBe('undefined');
    expect(await page.title()).toBe('istanbul-talks: compare');
    expect(problems).toEqual([]);
    await fs.promises.writeFile(path.join(OUT, 'hostile-1280.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });
});
