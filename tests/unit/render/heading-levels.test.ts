/**
 * Headings inside a section: ### is level 3, #### (and deeper) level 4, in the Doc, as tagged H3/H4 and
 * nested bookmarks in the PDF (read with pdfinfo), and as Word's Heading 3/4 in the DOCX.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCase } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { structText, tempPdf } from '../../helpers/pdf.js';
import { linkoping } from '../case/helpers.js';

const source = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8').replace(
  /^## Bakgrund\n/m,
  '## Bakgrund\n\n### Tredje nivån\n\nText.\n\n#### Fjärde nivån\n\nMer text.\n\n###### Sjätte nivån\n\nSist.\n',
);
const doc = renderDoc(readCase(source, 'x.md', linkoping).case!, linkoping);

describe('heading levels 3 and 4', () => {
  it('reach the Doc as levels 3, 4 and 4', () => {
    const headings = doc.blocks.flatMap((b) =>
      b.type === 'heading'
        ? [`${b.level}:${b.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('')}`]
        : [],
    );
    expect(headings).toEqual(expect.arrayContaining(['3:Tredje nivån', '4:Fjärde nivån', '4:Sjätte nivån']));
  });

  it('are tagged H3 and H4 in the PDF, and the bookmarks nest', async () => {
    const path = tempPdf(await renderPdf(doc), 'rubriker');
    const tags = structText(path).map((e) => `${e.role}:${e.text.trim()}`);
    expect(tags).toEqual(expect.arrayContaining(['H3:Tredje nivån', 'H4:Fjärde nivån', 'H4:Sjätte nivån']));
    const outline = execFileSync('qpdf', ['--json', '--json-key=outlines', path], { encoding: 'utf8' });
    const titles = (nodes: { title: string; kids: unknown[] }[], depth: number): string[] =>
      nodes.flatMap((n) => [`${depth}:${n.title}`, ...titles(n.kids as typeof nodes, depth + 1)]);
    const flat = titles(JSON.parse(outline).outlines, 0);
    expect(flat).toEqual(
      expect.arrayContaining(['0:Bakgrund', '1:Tredje nivån', '2:Fjärde nivån', '2:Sjätte nivån']),
    );
  });

  it('are Heading 3 and Heading 4 in the DOCX', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?Tredje nivån/);
    expect(xml.match(/<w:pStyle w:val="Heading4"\/>/g)).toHaveLength(2);
  });
});
