/**
 * Nested lists from the case file to the Doc (src/render/to-doc.ts): each nested list, and a paragraph after
 * it, belongs to the item it is indented under; no word is dropped or moved, at any depth.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline, ListBlock, ListItemBlock } from '../../../src/doc/model.js';
import { docWith } from './helpers.js';

/** Three levels, bulleted → numbered → bulleted, with a paragraph after the inner lists in their items. */
const nested = [
  '- Alfa ett',
  '  1. Beta två',
  '     - Gamma tre',
  '     - Delta **fyra**',
  '',
  '     Epsilon fem efter den innersta listan.',
  '  2. Zeta sex',
  '',
  '  Eta sju efter den mellersta listan.',
  '- Theta åtta',
].join('\n');

const plain = (inlines: Inline[]) => inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('');

/** A list as nested arrays: a paragraph is its text, a list is `{ ordered: [items] }`. */
type Shape = string | { [kind: string]: Shape[][] };
function shape(b: ListItemBlock): Shape {
  return b.type === 'paragraph'
    ? plain(b.inlines)
    : { [b.ordered ? 'numrerad' : 'punkter']: b.items.map((item) => item.blocks.map(shape)) };
}

function listWith(blocks: Block[], word: string): ListBlock {
  const list = blocks.find((b): b is ListBlock => b.type === 'list' && JSON.stringify(b).includes(word));
  expect(list, word).toBeDefined();
  return list!;
}

/** Every word of the Markdown, without list markers, emphasis marks and blank lines. */
const markdownWords = (markdown: string) =>
  markdown
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replaceAll('**', '')
    .split(/\s+/)
    .filter(Boolean);

function docWords(list: ListBlock): string[] {
  return list.items.flatMap((item) =>
    item.blocks.flatMap((b) => (b.type === 'list' ? docWords(b) : plain(b.inlines).split(/\s+/))),
  );
}

describe('nested lists in the Doc', () => {
  it('keep three levels, mixed, with the paragraphs after inner lists in their own items', () => {
    const { doc } = docWith(nested);
    const list = listWith(doc.blocks, 'Alfa');
    expect(shape(list)).toEqual({
      punkter: [
        [
          'Alfa ett',
          {
            numrerad: [
              [
                'Beta två',
                { punkter: [['Gamma tre'], ['Delta fyra']] },
                'Epsilon fem efter den innersta listan.',
              ],
              ['Zeta sex'],
            ],
          },
          'Eta sju efter den mellersta listan.',
        ],
        ['Theta åtta'],
      ],
    });
  });

  it('keep every word in order, with its marks', () => {
    const { doc } = docWith(nested);
    const list = listWith(doc.blocks, 'Alfa');
    expect(docWords(list)).toEqual(markdownWords(nested));
    expect(JSON.stringify(list)).toContain('{"type":"text","text":"fyra","bold":true}');
  });

  it('give nested items and their paragraphs their lines in the case file', () => {
    const { doc, firstLine } = docWith(nested);
    const outer = listWith(doc.blocks, 'Alfa');
    const middle = outer.items[0]!.blocks[1] as ListBlock;
    const inner = middle.items[0]!.blocks[1] as ListBlock;
    expect(outer.items.map((i) => i.source?.line)).toEqual([firstLine, firstLine + 9]);
    expect(middle.items.map((i) => i.source?.line)).toEqual([firstLine + 1, firstLine + 6]);
    expect(inner.items.map((i) => i.source?.line)).toEqual([firstLine + 2, firstLine + 3]);
    expect(middle.items[0]!.blocks[2]!.source?.line).toBe(firstLine + 5);
  });

  // CommonMark: a list that does not start at 1 cannot interrupt a paragraph, hence the empty line.
  it('number each nested list from its own start', () => {
    const { doc } = docWith('1. Ett\n\n   3. Tre\n   4. Fyra\n2. Två');
    const list = listWith(doc.blocks, 'Ett');
    expect([list.ordered, list.start]).toEqual([true, 1]);
    const inner = list.items[0]!.blocks[1] as ListBlock;
    expect([inner.ordered, inner.start, inner.items.length]).toEqual([true, 3, 2]);
  });

  it('keep an item that starts with a nested list, and a heading inside an item as its text', () => {
    const { doc } = docWith('- - Inre direkt\n- ### Rubrik i punkt\n  text');
    const list = listWith(doc.blocks, 'Inre');
    expect(shape(list)).toEqual({
      punkter: [[{ punkter: [['Inre direkt']] }], ['Rubrik i punkt', 'text']],
    });
  });
});
