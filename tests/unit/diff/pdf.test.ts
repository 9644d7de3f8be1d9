/**
 * The diff document as PDF (`jämför --format pdf`, "ändringar markerade"): the same document the DOCX
 * writes as tracked changes, with inserted words underlined and deleted ones struck through, so the change
 * is legible without colour; both versions' words are in the text (pdftotext); qpdf finds the file sound.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import type { RuleItem, TextItem } from '../../../src/backends/pdf/layout/types.js';
import { readCase } from '../../../src/case/read.js';
import { diffCases } from '../../../src/diff/index.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDiffDoc } from '../../../src/render/diff-doc.js';
import { runCaptured } from '../../helpers/cli.js';
import { pdftotext, qpdfCheck, qpdfInspect, structText, tempPdf } from '../../helpers/pdf.js';

const profile = loadProfile();
const file = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const text = readFileSync(file, 'utf8');
const changed = text
  .replace('1 200 000 kr per år ur', '1 300 000 kr per år ur')
  .replace('  - BIN 2024-87', '  - BIN 2024-88');
const caseOf = (t: string) => readCase(Buffer.from(t), 'ärende.md', profile).case!;
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function diffDoc() {
  const [a, b] = [caseOf(text), caseOf(changed)];
  return renderDiffDoc(a, b, diffCases(a, b), profile);
}

/**
 * The first item of the word (in content, or with `artifact` in the page furniture), and the change rules
 * drawn across its box (from the layout).
 */
function marksOf(word: string, artifact = false) {
  const layout = layoutDoc(diffDoc());
  for (const page of layout.pages) {
    const item = page.items.find(
      (i): i is TextItem =>
        i.kind === 'text' && i.pieces.join('').includes(word) && (i.node === undefined) === artifact,
    );
    if (!item) continue;
    const rules = page.items.filter(
      (r): r is RuleItem =>
        r.kind === 'rule' &&
        r.xPt <= item.xPt + 0.01 &&
        r.xPt + r.widthPt >= item.xPt + item.widthPt - 0.01 &&
        Math.abs(r.yPt - item.baselinePt) < item.sizePt,
    );
    return { item, rules };
  }
  throw new Error(`${word} finns inte`);
}

describe('the diff document as PDF', () => {
  // The body, the first-page head (its Dnr is content) and the short head of later pages (an artifact).
  for (const [where, old, neu, artifact] of [
    ['the body', '200', '300', false],
    ['the first-page head', '2024-87', '2024-88', false],
    ['the short head', '2024-87', '2024-88', true],
  ] as const) {
    it(`strikes the deleted words through and underlines the inserted ones: ${where}`, () => {
      const deleted = marksOf(old, artifact);
      const inserted = marksOf(neu, artifact);
      // Struck: a rule above the baseline, through the x-height.
      expect(deleted.rules.some((r) => r.yPt < deleted.item.baselinePt - deleted.item.sizePt * 0.15)).toBe(
        true,
      );
      // Underlined: a rule below the baseline.
      expect(inserted.rules.some((r) => r.yPt > inserted.item.baselinePt)).toBe(true);
      expect(inserted.rules.some((r) => r.yPt < inserted.item.baselinePt)).toBe(false);
    });
  }

  it('holds both versions’ words, as pdftotext reads them, and qpdf finds it sound', async () => {
    const path = tempPdf(await renderPdf(diffDoc()), 'diff');
    const read = pdftotext(path).replace(/\s+/g, ' ');
    // The number is one word (no-break spaces): the old one struck, then the new one.
    expect(read).toContain('avsätter 1 200 000 1 300 000 kr per år');
    expect(read).toContain('Dnr BIN 2024-87 2024-88');
    expect(qpdfCheck(path).status).toBe(0);
  });

  it('tags each changed run as a Span a screen reader reads as "[borttaget: …]" or "[infogat: …]"', async () => {
    const path = tempPdf(await renderPdf(diffDoc()), 'diff-spoken');
    const spoken = qpdfInspect(path).actualTexts.map((t) => t.replace(/\u00a0/g, ' '));
    // The changed decision point's sum, the old one and the new (the space before it outside the brackets).
    expect(spoken).toEqual([' [borttaget: 1 200 000]', ' [infogat: 1 300 000]']);
    // Poppler finds them as Spans in the paragraphs and list items, holding the drawn words.
    const spans = structText(path).filter((e) => e.role === 'Span');
    expect(spans.map((s) => s.text.replace(/\u00a0/g, ' ').trim())).toEqual(
      expect.arrayContaining(['1 200 000', '1 300 000']),
    );
  });

  it('is what jämför --format pdf writes, the same bytes twice', async () => {
    const [a, b] = [join(dir, 'a.md'), join(dir, 'b.md')];
    writeFileSync(a, text);
    writeFileSync(b, changed);
    const first = await runCaptured(['jämför', a, b, '--format', 'pdf', '--ut', join(dir, 'x.pdf')], {
      cwd: dir,
    });
    expect(first.code, first.err).toBe(1);
    await runCaptured(['jämför', a, b, '--format', 'pdf', '--ut', join(dir, 'y.pdf')], { cwd: dir });
    expect(readFileSync(join(dir, 'x.pdf')).equals(readFileSync(join(dir, 'y.pdf')))).toBe(true);
    expect(readFileSync(join(dir, 'x.pdf')).equals(Buffer.from(await renderPdf(diffDoc())))).toBe(true);
    const missing = await runCaptured(['jämför', a, b, '--format', 'pdf'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--ut <fil.pdf>');
  });
});
