/** `skrivelse språk`: the terminal report, exit codes, and the HTML page in headless Chromium. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseFile } from '../../../src/case/read.js';
import { languageRuleIds } from '../../../src/language/analyze.js';
import { runCaptured } from '../../helpers/cli.js';
import { linkoping } from '../case/helpers.js';
import { memoText } from './helpers.js';

const seed = 'tests/fixtures/language/seed-sentences.md';
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-sprak-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('skrivelse språk in the terminal', () => {
  it('reports per section: counts, LIX, longest sentences and the flagged words', async () => {
    const run = await runCaptured(['språk', seed]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toContain('  Hela skrivelsen: 174 ord, 14 meningar, LIX 57,3 (svår)');
    expect(run.out).toContain('  Ärende (rad 33): 130 ord, 8 meningar, LIX 59,3 (svår)');
    expect(run.out).toContain(
      '    Längsta meningar:\n      rad 42, 24 ord: "Social-och omsorgsförvaltningen har i samverkan',
    );
    expect(run.out).toContain('      46:8 info [kanslisvenska] "utgör" är kanslisvenska; skriv hellre "är".');
    expect(run.out).toContain('      47:15 info [noun-style] Substantivkedjan "Uppföljning av verksamheten"');
    expect(run.out).toContain('  12 info\n');
  });

  it('sprak is the same command', async () => {
    expect(await runCaptured(['sprak', seed])).toEqual(await runCaptured(['språk', seed]));
  });

  it('shows the profile’s severity and drops rules set to av', async () => {
    const profile = join(dir, 'p.yaml');
    writeFileSync(
      profile,
      `${readFileSync('templates/profiler/linkoping.yaml', 'utf8')}\nregler:\n  kanslisvenska: fel\n  noun-style: av\n`,
    );
    const run = await runCaptured(['språk', '--profil', profile, seed]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('46:8 fel [kanslisvenska]');
    expect(run.out).not.toContain('noun-style');
  });

  it('exit 2 for usage problems, 1 for a case with errors', async () => {
    expect((await runCaptured(['språk'])).code).toBe(2);
    expect((await runCaptured(['språk', '--format', 'pdf', seed])).code).toBe(2);
    expect((await runCaptured(['språk', 'finns-inte.md'])).code).toBe(2);
    const broken = join(dir, 'trasig.md');
    writeFileSync(broken, memoText('Text.').replace('rubrik: Riktlinjer för hemtjänst\n', ''));
    const run = await runCaptured(['språk', broken]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('[field-missing]');
  });
});

describe('skrivelse språk --format html in Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const tricky = join(dir, 'knepig.md');

  beforeAll(async () => {
    writeFileSync(tricky, memoText('Vi skriver samt "citat" & <tagg här, varvid allt syns.'));
    const out = join(dir, 'rapport.html');
    const run = await runCaptured(['språk', seed, tricky, '--format', 'html', '--ut', out]);
    expect(run.code).toBe(0);
    browser = await chromium.launchPersistentContext(join(dir, 'profil'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
      viewport: { width: 1100, height: 900 },
    });
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is a Swedish page with one article per case and no outside requests', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('article').count()).toBe(2);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    expect(await page.locator('article').first().locator('tbody tr').count()).toBe(7);
  });

  it('marks each finding in the text, linked to its message', async () => {
    const seedFindings = readCaseFile(seed, linkoping).diagnostics.filter(
      (d) => (languageRuleIds as readonly string[]).includes(d.rule) && d.rule !== 'readability',
    );
    const marks = page.locator('article').first().locator('mark');
    expect(await marks.count()).toBe(seedFindings.length);
    const utgor = marks.filter({ hasText: 'utgör' });
    expect(await utgor.count()).toBe(1);
    const id = (await utgor.getAttribute('id'))!.replace('m-', '');
    const item = page.locator(`#f-${id}`);
    expect(await item.innerText()).toContain('"utgör" är kanslisvenska; skriv hellre "är".');
    expect(await item.locator(`a[href="#m-${id}"]`).innerText()).toBe('rad 46:8');
    expect(await page.locator('article').first().locator('mark.noun-style').innerText()).toContain(
      'Uppföljning av verksamheten',
    );
  });

  it('escapes the case text', async () => {
    const second = page.locator('article').nth(1);
    expect(await second.locator('p.unit', { hasText: 'Vi skriver' }).textContent()).toContain(
      ' "citat" & <tagg här, ',
    );
    expect(await page.locator('tagg').count()).toBe(0);
    // The marked words themselves, without the labels for screen readers.
    const marked = await second.locator('mark.kanslisvenska').evaluateAll((els) =>
      els.map((el) =>
        [...el.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.classList.contains('vh')))
          .map((n) => n.textContent)
          .join(''),
      ),
    );
    expect(marked).toEqual(['samt', 'varvid']);
  });
});

it('the report is written through --ut only where allowed', async () => {
  const run = await runCaptured(['språk', seed, '--format', 'html', '--ut', resolve(seed)]);
  expect(run.code).toBe(2);
});
