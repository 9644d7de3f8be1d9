/**
 * Nested lists in the PDF, read back by poppler (pdftotext, pdfinfo -struct-text) and pdf.js, and laid out
 * by our own layout: every item's words in order with its label, L inside the LBody of its parent LI, one
 * indent per level, bullets per level, and page breaks only where a list may break.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import type { LayoutResult, TextItem } from '../../../src/backends/pdf/layout/types.js';
import type { Block, ListBlock } from '../../../src/doc/model.js';
import { bulletAt, list as listStyle } from '../../../src/doc/typography.js';
import { bullets, item, listTexts, nestedLists, numbers } from '../../fixtures/doc/lists.js';
import { docWith, fillers, para, text } from '../../fixtures/pdf/docs.js';
import { openWithPdfjs, pdftotext, run, tempPdf } from '../../helpers/pdf.js';

const MM = 72 / 25.4;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The layout's body text items with their page, in drawing order. */
function bodyItems(layout: LayoutResult): { page: number; item: TextItem; text: string }[] {
  return layout.pages.flatMap((page, i) =>
    page.items.flatMap((item) =>
      item.kind === 'text' && item.node !== undefined ? [{ page: i, item, text: item.pieces.join('') }] : [],
    ),
  );
}

describe('nested lists in the PDF', () => {
  const lists = nestedLists();
  const doc = docWith(lists);
  let path: string;
  beforeAll(async () => {
    path = tempPdf(await renderPdf(doc), 'nested-lists');
  });

  test('pdftotext reads every item, its label first, in order', () => {
    const expected = words(['Provdokument', ...lists.flatMap((l) => listTexts(l))].join(' '));
    const body = words(pdftotext(path, 1));
    const start = body.indexOf('Provdokument');
    expect(body.slice(start, start + expected.length)).toEqual(expected);
    // The labels per level: bullets by depth, numbers on every level from the list's start.
    expect(expected.filter((w) => /^(\d+\.|[•–‣])$/.test(w))).toEqual([
      '•',
      '1.',
      '‣',
      '‣',
      '2.',
      '•',
      '4.',
      '–',
      '1.',
      '2.',
    ]);
  });

  test('every L says how it is numbered (ListNumbering Decimal or Disc), as pdfinfo -struct reads it', () => {
    const tree = run('pdfinfo', ['-struct', path]);
    const all: ListBlock[] = [];
    const collect = (l: ListBlock) => {
      all.push(l);
      for (const i of l.items) for (const b of i.blocks) if (b.type === 'list') collect(b);
    };
    for (const l of lists) if (l.type === 'list') collect(l);
    const found = [...tree.matchAll(/\/ListNumbering \/(\w+)/g)].map((m) => m[1]);
    expect(found).toEqual(all.map((l) => (l.ordered ? 'Decimal' : 'Disc')));
    expect(tree.match(/^\s*L\b/gm)).toHaveLength(all.length);
  });

  test('pdfinfo -struct-text: each nested L is in the LBody of its item, three levels deep', () => {
    // The element tree as poppler prints it: two spaces of indent per level, text as quoted lines; an
    // element with attributes ends in ":" and its attributes follow one per line ("/ListNumbering /Disc").
    const tree = run('pdfinfo', ['-struct-text', path]).split('\n');
    const elements: { role: string; depth: number; text: string; path: string[] }[] = [];
    const stack: string[] = [];
    for (const line of tree) {
      const role = /^(\s*)(\w+) \(\w+\):?$/.exec(line);
      const quoted = /^\s*"(.*)"$/.exec(line);
      if (role) {
        const depth = role[1]!.length / 2;
        stack.length = depth;
        elements.push({ role: role[2]!, depth, text: '', path: [...stack] });
        stack.push(role[2]!);
      } else if (quoted && elements.length > 0) elements.at(-1)!.text += quoted[1];
    }
    const at = (t: string) => elements.find((e) => e.text.trim() === t);
    /** The list roles from the Document down to the element holding the text, itself included. */
    const ancestry = (t: string) => [...at(t)!.path, at(t)!.role].filter((r) => /^L/.test(r)).join('/');
    expect(ancestry('Alfa yttre punkt')).toBe('L/LI/LBody');
    expect(ancestry('Beta mellersta ett')).toBe('L/LI/LBody/L/LI/LBody');
    expect(ancestry('Gamma innersta')).toBe('L/LI/LBody/L/LI/LBody/L/LI/LBody');
    expect(ancestry('Zeta stycke efter den mellersta listan')).toBe('L/LI/LBody');
    expect(ancestry('Kappa ett')).toBe('L/LI/LBody/L/LI/LBody/L/LI/LBody');
    // An item with more than one block has each paragraph as a P; a one-paragraph item has its text in LBody.
    expect(at('Alfa yttre punkt')!.role).toBe('P');
    expect(at('Gamma innersta')!.role).toBe('LBody');
    expect(at('‣')!.role).toBe('Lbl');
    expect(at('‣')!.path.filter((r) => r === 'L')).toHaveLength(3);
  });

  test('pdf.js struct tree: L inside LBody inside LI, to the third level', async () => {
    const pdf = await openWithPdfjs(await renderPdf(doc));
    type Node = { role?: string; children?: Node[] };
    const tree = (await (await pdf.getPage(1)).getStructTree()) as Node;
    let deepest = 0;
    const walk = (node: Node, lDepth: number, parents: string[]): void => {
      if (node.role === 'L') {
        deepest = Math.max(deepest, lDepth + 1);
        // A nested L's parent is an LBody whose parent is an LI.
        if (lDepth > 0) expect(parents.slice(-2)).toEqual(['LI', 'LBody']);
      }
      for (const child of node.children ?? [])
        walk(child, lDepth + (node.role === 'L' ? 1 : 0), node.role ? [...parents, node.role] : parents);
    };
    walk(tree, 0, []);
    expect(deepest).toBe(3);
  });

  test('each level is one indent further in, its labels where the text of its parent item starts', () => {
    const layout = layoutDoc(doc);
    const items = bodyItems(layout);
    const x = (t: string) => items.find((i) => i.text.startsWith(t))!.item.xPt;
    const left = doc.page.marginsMm.left * MM;
    const labels = items.filter((i) => /^(\d+\.|[•–‣])$/.test(i.text.trim()));
    const labelX = (label: string) => labels.find((l) => l.text.trim() === label)!.item.xPt;
    expect(labelX('•')).toBeCloseTo(left, 6);
    expect(x('Alfa')).toBeCloseTo(left + listStyle.indentPt, 6);
    expect(labelX('1.')).toBeCloseTo(x('Alfa'), 6);
    expect(x('Beta')).toBeCloseTo(left + 2 * listStyle.indentPt, 6);
    expect(labelX('‣')).toBeCloseTo(x('Beta'), 6);
    expect(x('Gamma')).toBeCloseTo(left + 3 * listStyle.indentPt, 6);
    expect(x('Zeta')).toBeCloseTo(x('Alfa'), 6);
    expect([0, 1, 2, 3].map((level) => bulletAt(level))).toEqual(['•', '–', '‣', '•']);
  });

  test('pages break in a nested list only where a paragraph could: never after its first line or before its last, never between a nested list and the line before it', () => {
    let split = 0;
    for (let n = 25; n < 45; n++) {
      const layout = layoutDoc(docWith([...fillers(n), ...(nestedLists() as Block[]), para(text('Slut.'))]));
      const page = (t: string) => bodyItems(layout).find((i) => i.text.startsWith(t))!.page;
      const same = (a: string, b: string) =>
        expect(page(a), `${n} utfyllnadsrader: ${a} / ${b}`).toBe(page(b));
      same('Alfa', 'Beta'); // the nested list with the line that introduces it
      same('Beta', 'Gamma');
      same('Gamma', 'Delta'); // a two-item list is never split
      same('Delta', 'Epsilon'); // the last line of the middle list with the one before
      same('Theta', 'Iota');
      same('Kappa', 'Lambda');
      if (page('Alfa') !== page('My')) split++;
    }
    // Some filler counts do put a page break inside the lists: the checks above were exercised.
    expect(split).toBeGreaterThan(0);
  });

  test('nested deeper than Word has levels, lists stay within the text and lose no word', () => {
    let deep: ListBlock = bullets(item('Botten'));
    for (let depth = 0; depth < listStyle.levels + 3; depth++) deep = numbers(1, item(`Nivå${depth}`, deep));
    const layout = layoutDoc(docWith([deep]));
    const right = layout.widthPt - doc.page.marginsMm.right * MM;
    const items = bodyItems(layout);
    for (const { item } of items) expect(item.xPt + item.widthPt).toBeLessThanOrEqual(right + 1e-6);
    const texts = items.map((i) => i.text.trim());
    for (let depth = 0; depth < listStyle.levels + 3; depth++) expect(texts).toContain(`Nivå${depth}`);
    expect(texts).toContain('Botten');
    // Past the last level the indent stops growing.
    const x = (t: string) => items.find((i) => i.text.trim() === t)!.item.xPt;
    expect(x('Nivå0')).toBeCloseTo(x('Nivå3'), 6);
    expect(x('Nivå4')).toBeLessThan(x('Nivå3'));
  });
});
