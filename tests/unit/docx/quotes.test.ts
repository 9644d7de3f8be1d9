/**
 * Block quotes in the DOCX: paragraphs in the style Quote (Citat), indented by `quote.indentPt`; a quote
 * in a quote one indent further; lists and tables in a quote moved in by the quote's indent.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { levelIndent } from '../../../src/backends/docx/numbering.js';
import { ptToTwip } from '../../../src/backends/docx/units.js';
import type { QuoteBlock } from '../../../src/doc/model.js';
import { list, quote } from '../../../src/doc/typography.js';
import { item, numbers } from '../../fixtures/doc/lists.js';
import { docWith, para, text } from '../../fixtures/pdf/docs.js';
import { nestedQuote } from './helpers/blocks.js';
import { part, readParts, xpathStrings } from './helpers/parts.js';

const el = (name: string) => `*[local-name()='${name}']`;
const attr = (name: string) => `@*[local-name()='${name}']`;
const values = (xml: string, expression: string) =>
  xpathStrings(xml, expression).map((s) => s.replace(/^\s*[\w:]+="|"$/g, ''));
const paragraph = (t: string) => `//${el('p')}[.//${el('t')}[starts-with(., '${t}')]]`;

describe('block quotes', () => {
  let document: string;
  let styles: string;
  const indent = ptToTwip(quote.indentPt);
  beforeAll(async () => {
    const deeper: QuoteBlock = {
      type: 'quote',
      blocks: [
        { type: 'paragraph', role: 'label', inlines: [text('Citerad ledtext:')] },
        numbers(
          3,
          item('Citerad numrerad punkt', numbers(1, item('Inre punkt'))),
          item('Sista punkt', 'Fortsatt stycke'),
        ),
        {
          type: 'quote',
          blocks: [{ type: 'quote', blocks: [{ type: 'paragraph', inlines: [text('Tre nivåer in.')] }] }],
        },
      ],
    };
    const parts = await readParts(
      await renderDocx(
        docWith([para(text('Före citatet.')), nestedQuote(), deeper, para(text('Efter citatet.'))]),
      ),
    );
    document = part(parts, 'word/document.xml');
    styles = part(parts, 'word/styles.xml');
  });

  const style = (t: string) =>
    values(document, `${paragraph(t)}/${el('pPr')}/${el('pStyle')}/${attr('val')}`);
  const left = (t: string) => values(document, `${paragraph(t)}/${el('pPr')}/${el('ind')}/${attr('left')}`);

  test('the style Quote is indented by quote.indentPt and based on body text', () => {
    const quoteStyle = `//${el('style')}[${attr('styleId')}='Quote']`;
    expect(values(styles, `${quoteStyle}/${el('pPr')}/${el('ind')}/${attr('left')}`)).toEqual([
      String(indent),
    ]);
    expect(values(styles, `${quoteStyle}/${el('basedOn')}/${attr('val')}`)).toEqual(['Normal']);
    // Word's own name, which a Swedish Word shows as "Citat".
    expect(values(styles, `${quoteStyle}/${el('name')}/${attr('val')}`)).toEqual(['Quote']);
  });

  test("a quote's paragraphs are in style Quote; the text around it is not", () => {
    expect(style('Citerad mening ett')).toEqual(['Quote']);
    expect(style('Citerad mening två')).toEqual(['Quote']);
    expect(left('Citerad mening ett')).toEqual([]);
    expect(style('Före citatet')).toEqual([]);
    expect(style('Efter citatet')).toEqual([]);
    expect(left('Efter citatet')).toEqual([]);
  });

  test('a quote in a quote is one indent further in, and again for a third', () => {
    expect(style('Djupare citat')).toEqual(['Quote']);
    expect(left('Djupare citat')).toEqual([String(ptToTwip(2 * quote.indentPt))]);
    expect(left('Tre nivåer in')).toEqual([String(ptToTwip(3 * quote.indentPt))]);
  });

  test("a label in a quote keeps its style, at the quote's indent", () => {
    expect(style('Citerad ledtext')).toEqual(['Label']);
    expect(left('Citerad ledtext')).toEqual([String(indent)]);
  });

  test("lists in a quote: their numbering's indents moved in by the quote's, nested levels too", () => {
    const hanging = (t: string) =>
      values(document, `${paragraph(t)}/${el('pPr')}/${el('ind')}/${attr('hanging')}`);
    expect(left('Citerad punkt')).toEqual([String(levelIndent(0, quote.indentPt).left)]);
    expect(left('Citerad punkt')).toEqual([String(ptToTwip(quote.indentPt + list.indentPt))]);
    expect(hanging('Citerad punkt')).toEqual([String(ptToTwip(list.indentPt))]);
    expect(left('Citerad numrerad punkt')).toEqual([String(ptToTwip(quote.indentPt + list.indentPt))]);
    expect(left('Inre punkt')).toEqual([String(ptToTwip(quote.indentPt + 2 * list.indentPt))]);
    // The item's second paragraph stands where its text does.
    expect(left('Fortsatt stycke')).toEqual([String(ptToTwip(quote.indentPt + list.indentPt))]);
    // Still numbered lists: the first from 3, the inner one of its own.
    expect(values(document, `${paragraph('Citerad numrerad punkt')}//${el('ilvl')}/${attr('val')}`)).toEqual([
      '0',
    ]);
    expect(values(document, `${paragraph('Inre punkt')}//${el('ilvl')}/${attr('val')}`)).toEqual(['1']);
  });

  test("a table in a quote has the quote's indent", () => {
    const tbl = `//${el('tbl')}[.//${el('t')}='Post']`;
    expect(values(document, `${tbl}/${el('tblPr')}/${el('tblInd')}/${attr('w')}`)).toEqual([String(indent)]);
  });
});
