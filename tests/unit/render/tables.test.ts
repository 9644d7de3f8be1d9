/**
 * Tables and block quotes from the case file to the Doc (src/render/to-doc.ts): every cell's words in
 * order, rows padded to the column count, alignment as written or right for numbers, and quotes nested.
 */
import { describe, expect, it } from 'vitest';
import type { Inline, QuoteBlock, TableBlock } from '../../../src/doc/model.js';
import { docWith } from './helpers.js';

const plain = (inlines: Inline[]) =>
  inlines
    .map((i) => (i.type === 'text' ? i.text : ' '))
    .join('')
    .replace(/\u00a0/g, ' ');

function tableOf(markdown: string) {
  const { doc, firstLine } = docWith(markdown);
  const table = doc.blocks.find((b): b is TableBlock => b.type === 'table');
  expect(table).toBeDefined();
  return { table: table!, firstLine };
}

describe('tables', () => {
  it('keeps every cell, in order, with its formatting and position', () => {
    const { table, firstLine } = tableOf(
      [
        '| År | Kostnad | Kommentar |',
        '| --- | --- | --- |',
        '| 2025 | 1 200 000 kr | **Statsbidrag** enligt [beslut](https://www.linkoping.se) |',
        '| 2026 | 850 000 kr | *Inom ramen* |',
      ].join('\n'),
    );
    expect(table.header.map((c) => plain(c.inlines))).toEqual(['År', 'Kostnad', 'Kommentar']);
    expect(table.rows.map((r) => r.map((c) => plain(c.inlines)))).toEqual([
      ['2025', '1 200 000 kr', 'Statsbidrag enligt beslut'],
      ['2026', '850 000 kr', 'Inom ramen'],
    ]);
    const comment = table.rows[0]![2]!.inlines;
    expect(comment[0]).toMatchObject({ text: 'Statsbidrag', bold: true });
    expect(comment.find((i) => i.type === 'text' && i.href)).toMatchObject({
      text: 'beslut',
      href: 'https://www.linkoping.se',
    });
    expect(table.source?.line).toBe(firstLine);
    expect(table.rows[1]![0]!.source?.line).toBe(firstLine + 3);
  });

  it('right-aligns columns of numbers, amounts and percentages; a dash or empty cell does not count', () => {
    const { table } = tableOf(
      [
        '| Post | Belopp | Andel | Not |',
        '| --- | --- | --- | --- |',
        '| Personal | 1 200 tkr | 60 % | ökar |',
        '| Lokaler | – | 12,5 % | |',
        '| Summa | **2 000 tkr** | 100 % | 3 |',
      ].join('\n'),
    );
    expect(table.align).toEqual(['left', 'right', 'right', 'left']);
  });

  it('follows the alignment the table writes, pads short rows and keeps extra cells', () => {
    const { table } = tableOf(
      ['| A | B | C |', '| :---: | :--- | ---: |', '| 1 |', '| x | y | z | extra |'].join('\n'),
    );
    // A cell beyond the header's count is kept (GitHub would hide it): the widest row decides the columns.
    expect(table.align).toEqual(['center', 'left', 'right', 'left']);
    expect(table.header.map((c) => plain(c.inlines))).toEqual(['A', 'B', 'C', '']);
    expect(table.rows[0]!.map((c) => plain(c.inlines))).toEqual(['1', '', '', '']);
    expect(table.rows[1]!.map((c) => plain(c.inlines))).toEqual(['x', 'y', 'z', 'extra']);
  });
});

describe('block quotes', () => {
  it('are quote blocks holding their paragraphs, lists and nested quotes', () => {
    const { doc } = docWith('> Först.\n>\n> - en punkt\n>\n> > Inre citat.');
    const quote = doc.blocks.find((b): b is QuoteBlock => b.type === 'quote')!;
    expect(quote.blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'quote']);
    const inner = quote.blocks[2] as QuoteBlock;
    expect(inner.blocks[0]).toMatchObject({ type: 'paragraph', inlines: [{ text: 'Inre citat.' }] });
  });
});
