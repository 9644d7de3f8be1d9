/**
 * From a case file to the DOCX: a Markdown table, an image beside the case file and a block quote in the
 * case's text come out as a data table, a figure and Quote paragraphs, and the validator accepts them.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { afterAll, describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { fixture, linkoping } from '../case/helpers.js';
import { part, readParts, xpathStrings } from './helpers/parts.js';

const el = (name: string) => `*[local-name()='${name}']`;

describe('tables, images and quotes from a case file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-case-blocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a data table, a figure with its alt text and a quote; zero validator errors', async () => {
    const source = readFileSync(fixture('valid.md'), 'utf8').replace(
      'Nuvarande riktlinjer antogs 2015.',
      [
        'Nuvarande riktlinjer antogs 2015.',
        '',
        '| Insats | Antal |',
        '|:-------|------:|',
        '| Hemtjänst | 1 204 |',
        '| Trygghetslarm | 310 |',
        '',
        '![Stapeldiagram över antal insatser](diagram.png)',
        '',
        '> Riktlinjerna ska vara tydliga för den enskilde.',
      ].join('\n'),
    );
    const path = join(dir, 'ärende.md');
    writeFileSync(path, source);
    copyFileSync(new URL('../../fixtures/images/chart.png', import.meta.url), join(dir, 'diagram.png'));
    const result = readCaseFile(path, linkoping);
    expect(result.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    const bytes = await renderDocx(renderDoc(result.case!, linkoping));
    for (const version of ['Office2007', 'Microsoft365'] as const)
      expect(await validate(bytes, 'docx', version), version).toHaveLength(0);
    const document = part(await readParts(bytes), 'word/document.xml');
    const tbl = `//${el('tbl')}[${el('tblPr')}/${el('tblStyle')}/@*[local-name()='val']='Skrivelsetabell']`;
    expect(xpathStrings(document, `${tbl}//${el('t')}/text()`)).toEqual([
      'Insats',
      'Antal',
      'Hemtjänst',
      // The thousands are kept together on a line (doc/nobreak.ts).
      '1\u00a0204',
      'Trygghetslarm',
      '310',
    ]);
    expect(xpathStrings(document, `string(//${el('docPr')}/@descr)`)).toEqual([
      'Stapeldiagram över antal insatser',
    ]);
    expect(
      xpathStrings(
        document,
        `string(//${el('p')}[${el('pPr')}/${el('pStyle')}/@*[local-name()='val']='Quote'])`,
      ),
    ).toEqual(['Riktlinjerna ska vara tydliga för den enskilde.']);
  });
});
