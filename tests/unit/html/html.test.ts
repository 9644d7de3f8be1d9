/**
 * The HTML backend in a real browser (headless Chromium): every word of the Doc in the page's text in
 * order, the heading outline of the Doc, no requests, no axe-core violations (WCAG 2.1 A/AA) for every
 * example and a diff document; case text never becomes markup; the same Doc gives the same page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/backends/html/index.js';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { diffCases } from '../../../src/diff/index.js';
import type { Block, Doc, Inline, ListItemBlock } from '../../../src/doc/model.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDiffDoc } from '../../../src/render/diff-doc.js';
import { renderDoc } from '../../../src/render/index.js';
import { firstMissingInOrder, words } from '../../e2e/readers.js';
import { axeViolations as axeViolationsOf, launchChromium } from '../../helpers/browser.js';

const profile = loadProfile();
const casesDir = 'cases';
const examples = readdirSync(casesDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => ({
    name: file,
    doc: renderDoc(readCaseFile(join(casesDir, file), profile).case!, profile),
  }));

function diffDoc(): Doc {
  const read = (file: string) => readCase(readFileSync(file), file, profile).case!;
  const [a, b] = [
    read('cases/son-2024-112-bin-2024-87-tidiga-insatser.md'),
    read('tests/fixtures/diff/tidiga-insatser-v2.md'),
  ];
  return renderDiffDoc(a, b, diffCases(a, b), profile);
}

const text = (inlines: readonly Inline[]) =>
  inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'noteRef' ? String(i.number) : ' ')).join('');

/** The Doc's words in reading order (the toc's entries aside: they repeat the headings). */
function docWords(doc: Doc): string[] {
  const block = (b: Block | ListItemBlock): string[] => {
    switch (b.type) {
      case 'title':
      case 'heading':
      case 'paragraph':
        return [text(b.inlines)];
      case 'list':
        return b.items.flatMap((item) => item.blocks.flatMap(block));
      case 'table':
        return [b.header, ...b.rows].flatMap((r) => r.map((c) => text(c.inlines)));
      case 'quote':
        return b.blocks.flatMap(block);
      case 'signatures':
        return b.signatures.flatMap((s) => [s.department, s.name, s.title ?? '']);
      case 'recipients':
        return [b.label, ...b.recipients];
      case 'notes':
        return b.notes.flatMap((n) => n.paragraphs.map(text));
      case 'toc':
        return [b.title];
      default:
        return [];
    }
  };
  const f = doc.furniture;
  return words(
    [
      f.municipality,
      f.label,
      f.date,
      ...f.dnrLines,
      ...f.senderLines,
      ...f.addressees,
      ...doc.blocks.flatMap(block),
    ].join('\n'),
  );
}

const headingOutline = (doc: Doc) =>
  doc.blocks.flatMap((b) => (b.type === 'title' ? ['h1'] : b.type === 'heading' ? [`h${b.level}`] : []));

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-html-'));
let browser: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium(dir);
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, html: string) {
  const path = join(dir, `${name}.html`);
  writeFileSync(path, html);
  requests.length = 0;
  await page.goto(pathToFileURL(path).href);
}

const axeViolations = () => axeViolationsOf(page);

describe('the HTML page of every example', () => {
  for (const { name, doc } of examples) {
    it(`${name}: every word in order, the heading outline, no requests, no axe violations`, async () => {
      await open(name, renderHtml(doc));
      const shown = words(await page.evaluate(() => document.body.innerText));
      expect(firstMissingInOrder(docWords(doc), shown)).toBeUndefined();
      const outline = await page.evaluate(() =>
        [...document.querySelectorAll('main h1, main h2, main h3, main h4')]
          .filter((h) => !h.closest('nav'))
          .map((h) => h.tagName.toLowerCase()),
      );
      expect(outline).toEqual(headingOutline(doc));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv-SE');
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      expect(await axeViolations()).toEqual([]);
    });
  }

  it('axe-core does find violations (a page without lang, an image without alt)', async () => {
    await open(
      'broken',
      '<!doctype html><html><head><title>x</title></head><body><img src="data:,"></body></html>',
    );
    expect((await axeViolations()).length).toBeGreaterThanOrEqual(2);
  });

  it('a diff document: changes as <ins>/<del> with spoken labels, no axe violations', async () => {
    const doc = diffDoc();
    await open('diff', renderHtml(doc));
    expect(await page.evaluate(() => document.querySelectorAll('ins').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector('del')?.textContent ?? '')).toMatch(
      /^\[borttaget: .+\]$/,
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('the table of contents links to the headings it lists', async () => {
    const rapport = examples.find((e) => e.doc.blocks.some((b) => b.type === 'toc'))!;
    await open('toc', renderHtml(rapport.doc));
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('nav.toc a')]
        .map((a) => a.getAttribute('href')!.slice(1))
        .filter((id) => !document.getElementById(id)?.matches('h2, h3, h4')),
    );
    expect(broken).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('nav.toc a').length)).toBeGreaterThan(2);
  });
});

describe('HTML escaping and determinism', () => {
  const hostile = '<script>alert(1)</script> "><img src=x onerror=alert(2)> & \u2028';
  const doc: Doc = {
    ...examples[0]!.doc,
    meta: { ...examples[0]!.doc.meta, title: hostile, keywords: [hostile] },
    blocks: [
      { type: 'title', inlines: [{ type: 'text', text: hostile }] },
      {
        type: 'paragraph',
        inlines: [
          { type: 'text', text: 'farlig länk', href: 'javascript:alert(3)' },
          { type: 'text', text: ' och ' },
          { type: 'text', text: 'en riktig', href: 'https://example.se/?a=1&b="2"' },
        ],
      },
      {
        type: 'figure',
        alt: hostile,
        image: {
          format: 'png',
          bytes: readFileSync('tests/fixtures/images/chart.png'),
          widthPx: 10,
          heightPx: 10,
        },
      },
    ],
  };

  it('case text is text: no script, no element, no javascript: link; a real link is escaped', async () => {
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.se/?a=1&amp;b=&quot;2&quot;"');
    await open('hostile', html);
    expect(await page.evaluate(() => document.querySelectorAll('script, img[onerror]').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('h1')!.textContent)).toContain(
      '<script>alert(1)</script>',
    );
    expect(await page.evaluate(() => document.querySelector('figure img')!.getAttribute('alt'))).toContain(
      '"><img',
    );
  });

  it('the same Doc gives the same page', () => {
    for (const { doc: d } of examples) expect(renderHtml(d)).toBe(renderHtml(structuredClone(d)));
  });
});
