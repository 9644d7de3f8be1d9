/**
 * Schema and semantic validation with the Open XML SDK validator (Microsoft's, compiled to WebAssembly
 * in @ooxml-tools/validate): every part against the ECMA-376 transitional schemas, for Word 2007 and 365.
 */
import validate, { type ValidationResult } from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import type { Doc } from '../../../src/doc/model.js';
import { renderDoc } from '../../../src/render/index.js';
import { bullets, item, nestedLists, numbers, paragraphItem } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { docWith } from '../../fixtures/pdf/docs.js';
import { fixture, linkoping } from '../case/helpers.js';
import { figure, insatserTable, nestedQuote, richBlocks } from './helpers/blocks.js';
import { part, prettyXml, readParts, xpathStrings } from './helpers/parts.js';

const versions = ['Office2007', 'Microsoft365'] as const;

const describeErrors = (errors: ValidationResult[]) =>
  errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description.slice(0, 200)}`).join('\n');

/**
 * Empty lists first, lists from 1 and 3, bullets with a second paragraph, nested lists (mixed, three levels,
 * and deeper than Word's levels), links, a break, no first-page footer.
 */
function edgeDoc(): Doc {
  const doc = seed001Doc();
  const t = (text: string, href?: string) => ({ type: 'text' as const, text, href });
  doc.furniture.footer = [];
  doc.furniture.pageNumberFormat = 'Sida {n} av {m}';
  doc.blocks = [
    { type: 'title', inlines: [t('Rubrik'), { type: 'break' }, t('andra raden')] },
    { type: 'list', ordered: true, start: 1, items: [] },
    { type: 'list', ordered: false, start: 1, items: [] },
    {
      type: 'list',
      ordered: true,
      start: 1,
      items: [paragraphItem([t('Ett')]), paragraphItem([t('Två')])],
    },
    { type: 'list', ordered: true, start: 3, items: [paragraphItem([t('Tre')], [t('Mer om tre')])] },
    { type: 'list', ordered: false, start: 1, items: [paragraphItem([t('Punkt')])] },
    ...nestedLists(),
    // An item that starts with a list, and lists nested deeper than Word's nine levels.
    bullets(item(bullets(item('Inre')))),
    Array.from({ length: 11 }, (_, i) => i).reduce(
      (inner, i) => numbers(1, item(`Nivå ${i}`, inner)),
      bullets(item('Botten')),
    ),
    { type: 'paragraph', inlines: [t('Länk', 'https://example.org/a?b=1&c=2'), t(' och '), t('ingen', '#')] },
    { type: 'rule' },
    {
      type: 'signatures',
      signatures: [
        { department: 'A', name: 'B' },
        { department: 'C', name: 'D', title: 'E' },
      ],
    },
    { type: 'recipients', label: 'Beslutet skickas till:', recipients: ['X', 'Y'] },
  ];
  return doc;
}

/** A table, PNG and JPEG figures (one scaled to the width, one to the height cap), nested quotes. */
function richDoc(): Doc {
  return docWith([
    ...richBlocks(),
    figure('wide.png', 'Bred bild'),
    figure('tall.jpg', ''),
    { type: 'quote', blocks: [nestedQuote(), insatserTable()] },
    { type: 'quote', blocks: [] },
    {
      type: 'signatures',
      signatures: [
        { department: 'A', name: 'B' },
        { department: 'C', name: 'D' },
      ],
    },
  ]);
}

describe('Open XML SDK validation', () => {
  for (const [name, make] of [
    ['seed 001', seed001Doc],
    ['edge cases', edgeDoc],
    ['tables, figures and quotes', richDoc],
  ] as const) {
    test(`${name}: zero errors`, async () => {
      const bytes = await renderDocx(make());
      for (const version of versions) {
        const errors = await validate(bytes, 'docx', version);
        expect(errors, `${version}\n${describeErrors(errors)}`).toHaveLength(0);
      }
    });
  }

  test('a case with XML syntax and forbidden characters in its fields, and crafted links: zero errors', async () => {
    const result = readCaseFile(fixture('crafted-links.md'), linkoping);
    const nasty = 'a\u0007b ]]> <w:t> & "citat" \'apostrof\' \uFFFE\uD800 slut';
    const c = { ...result.case!, title: nasty, officer: { name: nasty, title: nasty } };
    const bytes = await renderDocx(renderDoc(c, linkoping));
    for (const version of versions) {
      const errors = await validate(bytes, 'docx', version);
      expect(errors, `${version}\n${describeErrors(errors)}`).toHaveLength(0);
    }
    const parts = await readParts(bytes);
    for (const [name, xml] of parts) if (name.endsWith('.xml') || name.endsWith('.rels')) prettyXml(xml);
    const targets = xpathStrings(
      part(parts, 'word/_rels/document.xml.rels'),
      "//*[local-name()='Relationship'][@TargetMode='External']/@Target",
    ).map((attribute) => attribute.replace(/^ Target="|"$/g, ''));
    expect(targets).toEqual([
      'https://exempel.se/a)%20/S%20/Launch%20/F%20(calc.exe)%20(',
      'https://exempel.se/)/S/JavaScript/JS(app.alert(1))',
      'mailto:hemtjanst@linkoping.se?subject=Riktlinjer%20(2024)',
      'https://exempel.se/dela\\mapp\\',
      'https://www.linkoping.se/',
    ]);
  });

  test('the validator does find errors (control)', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(seed001Doc()));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('<w:body>', '<w:body><w:bogus/>'));
    const broken = await zip.generateAsync({ type: 'uint8array' });
    expect((await validate(broken, 'docx', 'Office2007')).length).toBeGreaterThan(0);
  });
});
