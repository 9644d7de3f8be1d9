/**
 * Nested lists in the DOCX, read from the package by unzip (Info-ZIP) and queried with xmllint: real Word
 * numbering levels (w:ilvl 0, 1, 2) with the level's own kind (numbers inside bullets and the reverse),
 * a concrete list per nested list, so each counts from its own start, and paragraphs after an inner list
 * indented as the text of their item.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { ptToTwip } from '../../../src/backends/docx/units.js';
import { bulletAt, list } from '../../../src/doc/typography.js';
import { bullets, item, nestedLists } from '../../fixtures/doc/lists.js';
import { docWith } from '../../fixtures/pdf/docs.js';
import { xpathStrings } from './helpers/parts.js';

const attr = (name: string) => `@*[local-name()='${name}']`;
const el = (name: string) => `*[local-name()='${name}']`;

const unzipPart = (path: string, name: string) =>
  execFileSync('unzip', ['-p', path, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('nested lists in the DOCX', () => {
  let document: string;
  let numbering: string;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skrivelse-lists-')), 'nested-lists.docx');
    writeFileSync(path, await renderDocx(docWith(nestedLists())));
    document = unzipPart(path, 'word/document.xml');
    numbering = unzipPart(path, 'word/numbering.xml');
  });

  const paragraph = (text: string) => `//${el('p')}[.//${el('t')}[starts-with(., '${text}')]]`;
  const one = (xml: string, expression: string) => xpathStrings(xml, `string(${expression})`)[0] ?? '';
  const ilvl = (text: string) => one(document, `${paragraph(text)}//${el('ilvl')}/${attr('val')}`);
  const numId = (text: string) => one(document, `${paragraph(text)}//${el('numId')}/${attr('val')}`);
  /** The level's number format and text in the abstract definition the paragraph's list uses. */
  function level(text: string): { format: string; text: string } {
    const abs = one(
      numbering,
      `//${el('num')}[${attr('numId')}='${numId(text)}']/${el('abstractNumId')}/${attr('val')}`,
    );
    const lvl = `//${el('abstractNum')}[${attr('abstractNumId')}='${abs}']/${el('lvl')}[${attr('ilvl')}='${ilvl(text)}']`;
    return {
      format: one(numbering, `${lvl}/${el('numFmt')}/${attr('val')}`),
      text: one(numbering, `${lvl}/${el('lvlText')}/${attr('val')}`),
    };
  }

  test('unzip -p word/document.xml: w:ilvl 0, 1 and 2, each item at the level of its depth', () => {
    expect(document).toContain('<w:ilvl w:val="1"/>');
    expect(document).toContain('<w:ilvl w:val="2"/>');
    const levels = Object.fromEntries(
      ['Alfa', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Eta', 'Theta', 'Iota', 'Kappa', 'Lambda'].map((t) => [
        t,
        ilvl(t),
      ]),
    );
    expect(levels).toEqual({
      Alfa: '0',
      Beta: '1',
      Gamma: '2',
      Delta: '2',
      Epsilon: '1',
      Eta: '0',
      Theta: '0',
      Iota: '1',
      Kappa: '2',
      Lambda: '2',
    });
  });

  test('numbers inside bullets and bullets inside numbers: each level has its own kind, as the PDF', () => {
    expect(level('Alfa')).toEqual({ format: 'bullet', text: bulletAt(0) });
    expect(level('Beta')).toEqual({ format: 'decimal', text: '%2.' });
    expect(level('Gamma')).toEqual({ format: 'bullet', text: bulletAt(2) });
    expect(level('Theta')).toEqual({ format: 'decimal', text: '%1.' });
    expect(level('Iota')).toEqual({ format: 'bullet', text: bulletAt(1) });
    expect(level('Kappa')).toEqual({ format: 'decimal', text: '%3.' });
  });

  test('every nested list is a list of its own, counting from its own start', () => {
    expect(numId('Beta')).toBe(numId('Epsilon'));
    expect(numId('Gamma')).toBe(numId('Delta'));
    expect(numId('Kappa')).toBe(numId('Lambda'));
    expect(new Set(['Alfa', 'Beta', 'Gamma', 'Theta', 'Iota', 'Kappa'].map(numId)).size).toBe(6);
    const start = (text: string) =>
      one(
        numbering,
        `//${el('num')}[${attr('numId')}='${numId(text)}']/${el('lvlOverride')}[${attr('ilvl')}='${ilvl(text)}']/${el('startOverride')}/${attr('val')}`,
      );
    expect([start('Theta'), start('Beta'), start('Kappa')]).toEqual(['4', '1', '1']);
  });

  test('a paragraph after an inner list stays in its item: no number, indented as the item text', () => {
    for (const text of ['Zeta', 'My']) {
      expect(xpathStrings(document, `count(${paragraph(text)}//${el('numPr')})`)).toEqual(['0']);
      expect(one(document, `${paragraph(text)}//${el('ind')}/${attr('left')}`)).toBe(
        String(ptToTwip(list.indentPt)),
      );
    }
  });

  test('the paragraph an inner list follows keeps with it; a list keeps its first and last two together', async () => {
    const doc = docWith([
      bullets(
        item('Ett'),
        item('Två'),
        item('Tre inleder', bullets(item('Inre a'), item('Inre b'), item('Inre c'))),
        item('Fyra'),
        item('Fem'),
      ),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'skrivelse-lists-')), 'keep.docx');
    writeFileSync(path, await renderDocx(doc));
    const xml = unzipPart(path, 'word/document.xml');
    const keeps = ['Ett', 'Två', 'Tre inleder', 'Inre a', 'Inre b', 'Inre c', 'Fyra', 'Fem'].filter(
      (text) => xpathStrings(xml, `count(${paragraph(text)}//${el('keepNext')})`)[0] === '1',
    );
    // "Inre a" and "Inre b": the inner list's first and its one before last; "Fyra" the outer list's.
    expect(keeps).toEqual(['Ett', 'Tre inleder', 'Inre a', 'Inre b', 'Fyra']);
  });
});
