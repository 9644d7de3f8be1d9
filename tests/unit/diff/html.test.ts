/**
 * The HTML diff page in a real browser (headless Chromium via playwright-core): visible text, both views,
 * accessible labels, escaping, contrast, no external requests. UPDATE_SCREENSHOTS=1 also refreshes
 * docs/diff-html.png for the README.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { formatHtml } from '../../../src/diff/format-html.js';
import { diffCases } from '../../../src/diff/index.js';
import { loadProfile } from '../../../src/profile/load.js';
import { launchChromium } from '../../helpers/browser.js';

const profile = loadProfile();
const oldFile = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const newFile = 'tests/fixtures/diff/tidiga-insatser-v2.md';

function caseOf(file: string, text = readFileSync(file, 'utf8')) {
  const read = readCase(text, file, profile);
  expect(read.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
  return read.case!;
}

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-html-'));
let browser: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  // A fresh profile folder per run (the persistent-context API is how playwright takes --user-data-dir).
  browser = await launchChromium(dir);
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  const html = formatHtml(diffCases(caseOf(oldFile), caseOf(newFile), { old: oldFile, new: newFile }));
  writeFileSync(join(dir, 'diff.html'), html);
  await page.goto(pathToFileURL(join(dir, 'diff.html')).href);
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rendered text as a reader sees it (layout-aware, hidden elements left out): what these tests assert on. */
function visibleText(p: Page, selector: string): Promise<string> {
  return p.innerText(selector);
}

/** Relative luminance contrast ratio (WCAG 2) of two computed rgb() colours. */
function contrast(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r, g, b] = c
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number);
    const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

describe('HTML diff page in Chromium', () => {
  it('is Swedish, with real headings and the summary', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    const headings = await page.$$eval('h1, h2', (els) => els.map((e) => `${e.tagName}:${e.textContent}`));
    expect(headings).toEqual([
      'H1:Ändringar i ärendet',
      'H2:Metadata',
      'H2:Förslag till beslut',
      'H2:Löptext',
    ]);
    expect(await page.textContent('.summary')).toBe(
      '2 ändringar i förslag till beslut, 3 i metadata, 3 i löptext; 1 avsnitt flyttat.',
    );
  });

  it('shows the inline view by default with marked insertions and deletions', async () => {
    const text = await visibleText(page, 'main');
    expect(text).toContain('Social- och omsorgsnämnden avsätter');
    expect(text).toContain('flyttat från plats 7 till 3');
    expect(text).toContain('Föräldraföreningarna på försöksskolorna');
    expect(await page.isVisible('.inline >> nth=0')).toBe(true);
    expect(await page.isVisible('.sbs >> nth=0')).toBe(false);
    const dels = await page.$$eval('main .inline del', (els) => els.map((e) => e.textContent));
    expect(dels).toContain('[borttaget: 1\u00A0200\u00A0000]');
    const ins = await page.$$eval('main .inline ins', (els) => els.map((e) => e.textContent));
    expect(ins).toContain('[infogat: 1\u00A0300\u00A0000]');
    // The labels are for screen readers: present in the text but not visible on screen.
    const label = await page.$eval('main del .vh', (e) => e.getBoundingClientRect().width);
    expect(label).toBeLessThanOrEqual(1);
  });

  it('switches to side by side without any script', async () => {
    expect(await page.$$('script')).toHaveLength(0);
    await page.click('label[for=vy-sida]');
    expect(await page.isVisible('.sbs >> nth=0')).toBe(true);
    expect(await page.isVisible('.inline >> nth=0')).toBe(false);
    const oldCol = (await visibleText(page, '.point.changed .col.old')).replace(/\u00A0/g, ' ');
    const newCol = (await visibleText(page, '.point.changed .col.new')).replace(/\u00A0/g, ' ');
    expect(oldCol).toContain('1 200 000');
    expect(oldCol).not.toContain('1 300 000');
    expect(newCol).toContain('1 300 000');
    expect(newCol).not.toContain('1 200 000');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await page.click('label[for=vy-lopande]');
      await page.setViewportSize({ width: 1100, height: 1500 });
      await page.screenshot({ path: 'docs/diff-html.png' });
      await page.setViewportSize({ width: 1100, height: 900 });
    }
    await page.click('label[for=vy-lopande]');
    expect(await page.isVisible('.inline >> nth=0')).toBe(true);
  });

  it('has readable contrast for insertions and deletions (WCAG AA)', async () => {
    for (const selector of ['main ins', 'main del', '.badge.changed', '.badge.moved']) {
      const [fg, bg] = await page.$eval(selector, (e) => {
        const s = getComputedStyle(e);
        return [s.color, s.backgroundColor];
      });
      expect(contrast(fg!, bg!), selector).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('loads nothing from outside the page', () => {
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  });

  it('escapes case text', async () => {
    const base = readFileSync(oldFile, 'utf8');
    const evil = base.replace(
      'Försöket finansierades med statliga utvecklingsmedel',
      'Försöket <script>document.title="x"</script> finansierades med <b>statliga</b> utvecklingsmedel',
    );
    const html = formatHtml(diffCases(caseOf(oldFile), caseOf(oldFile, evil)));
    const other = await browser.newPage();
    await other.setContent(html);
    expect(await other.$$('script, main b')).toHaveLength(0);
    expect(await visibleText(other, 'main')).toContain('<script>document.title="x"</script>');
    await other.close();
  });
});

describe('side-by-side screenshot for review', () => {
  it.runIf(process.env.UPDATE_SCREENSHOTS === '1')(
    'writes docs/diff-html-sida.png (side-by-side view)',
    async () => {
      const p = await browser.newPage();
      await p.setViewportSize({ width: 1100, height: 1100 });
      await p.goto(pathToFileURL(join(dir, 'diff.html')).href);
      await p.click('label[for=vy-sida]');
      await p.evaluate(() => document.querySelector('#h-beslut')?.scrollIntoView());
      await p.screenshot({ path: 'docs/diff-html-sida.png' });
      await p.close();
    },
  );
});
