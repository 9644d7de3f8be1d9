/**
 * Figures in the archive: a memo with a PNG with alpha and a JPEG becomes PDF/A-3a through `skrivelse
 * arkivera` and passes `verifiera` (no soft mask, no transparency group, images inside Figure elements with
 * /Alt), and the preflight's image rules each report a hand-made file that breaks them.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  type PDFDocument,
  PDFDocument as PDFDocumentClass,
  PDFName,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { preflightPdf } from '../../../src/archive/preflight.js';
import { renderPdf, textString } from '../../../src/backends/pdf/index.js';
import { figure, imagePath } from '../../fixtures/images/pdf-images.js';
import { docWith, para, text } from '../../fixtures/pdf/docs.js';
import { runCaptured } from '../../helpers/cli.js';
import { qpdfCheck, run } from '../../helpers/pdf.js';
import { buildArchivalFixture } from './tagged-pdf.js';

const caseFile = resolve('cases/son-2020-281-arbetsinriktad-rehabilitering.md');
const n = PDFName.of;

const ruleIds = async (bytes: Uint8Array) =>
  [...new Set((await preflightPdf(bytes)).map((f) => f.rule))].sort();

describe('skrivelse arkivera with figures', () => {
  let work: string;
  let v001: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'skrivelse-bilder-'));
    copyFileSync(imagePath('pdf-rgba.png'), join(work, 'diagram.png'));
    copyFileSync(imagePath('pdf-photo.jpg'), join(work, 'foto.jpg'));
    const memo = readFileSync(caseFile, 'utf8').replace(
      '## Ekonomiska konsekvenser',
      '![Stapeldiagram: antal individer som nyttjat insatsen per kvartal 2022](diagram.png)\n\n' +
        '![Foto av arbetsmarknadsförvaltningens lokaler](foto.jpg)\n\n## Ekonomiska konsekvenser',
    );
    writeFileSync(join(work, 'arende.md'), memo);
    const result = await runCaptured(['arkivera', 'arende.md', '--arkiv', 'arkiv'], { cwd: work });
    expect(result, result.err).toMatchObject({ code: 0 });
    v001 = join(work, 'arkiv', 'SON-2020-281', 'representations', 'pdfa', 'data', 'SON-2020-281_v001.pdf');
  });

  it('verifiera finds nothing in the archive', async () => {
    const result = await runCaptured(['verifiera', 'arkiv'], { cwd: work });
    expect(result, `${result.out}${result.err}`).toMatchObject({ code: 0 });
    expect(await preflightPdf(new Uint8Array(readFileSync(v001)))).toEqual([]);
  });

  it('the archived PDF shows both images, without soft masks, and is clean for qpdf', () => {
    const rows = run('pdfimages', ['-list', v001])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.map((r) => r.trim().split(/\s+/).slice(2, 6).join(' '))).toEqual([
      'image 64 48 rgb',
      'image 160 100 rgb',
    ]);
    expect(qpdfCheck(v001).status).toBe(0);
  });

  it('pdfinfo -struct-text: the figures are Figure elements in the section', () => {
    const tree = run('pdfinfo', ['-struct-text', v001]);
    expect(tree.match(/^\s*Figure\b/gm)).toHaveLength(2);
  });
});

/** The build PDF of a memo with one figure, with `edit` applied (saved without re-deriving anything). */
async function editedFigurePdf(edit: (pdf: PDFDocument, figure: PDFDict) => void): Promise<Uint8Array> {
  const bytes = await renderPdf(
    docWith([para(text('En bild följer.')), figure('pdf-rgba.png', 'Ett diagram')]),
  );
  const pdf = await PDFDocumentClass.load(bytes, { updateMetadata: false });
  const figures = pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(n('S')) === n('Figure'));
  expect(figures).toHaveLength(1);
  edit(pdf, figures[0]!);
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/** pdfua-figure-alt's findings for the file. */
async function figureAltFindings(bytes: Uint8Array): Promise<string[]> {
  return (await preflightPdf(bytes)).filter((f) => f.rule === 'pdfua-figure-alt').map((f) => f.message);
}

describe('pdfua-figure-alt', () => {
  it('accepts the backend’s Figure with /Alt', async () => {
    expect(await figureAltFindings(await editedFigurePdf(() => {}))).toEqual([]);
  });

  it('reports a Figure without /Alt, in Swedish', async () => {
    const findings = await figureAltFindings(await editedFigurePdf((_pdf, f) => f.delete(n('Alt'))));
    expect(findings).toEqual([
      'Bild 1 av 1 (strukturelementet Figure) saknar alternativtext (/Alt eller /ActualText).',
    ]);
  });

  it('reports an empty /Alt, and accepts /ActualText instead', async () => {
    const blank = await editedFigurePdf((_pdf, f) => f.set(n('Alt'), textString('   ')));
    expect(await figureAltFindings(blank)).toHaveLength(1);
    const actual = await editedFigurePdf((_pdf, f) => {
      f.delete(n('Alt'));
      f.set(n('ActualText'), textString('Ett diagram'));
    });
    expect(await figureAltFindings(actual)).toEqual([]);
  });

  it('reports a role-mapped figure type without /Alt', async () => {
    const bytes = await editedFigurePdf((pdf, f) => {
      f.delete(n('Alt'));
      f.set(n('S'), n('Bild'));
      const root = pdf.catalog.lookup(n('StructTreeRoot'), PDFDict);
      root.set(n('RoleMap'), pdf.context.obj({ Bild: 'Figure' }));
    });
    expect(await figureAltFindings(bytes)).toHaveLength(1);
  });

  it('reports a Figure without /Alt in the hand-made archival fixture, and nothing else', async () => {
    const pdf = await PDFDocumentClass.load(await buildArchivalFixture(), { updateMetadata: false });
    const root = pdf.catalog.lookup(n('StructTreeRoot'), PDFDict);
    const documentRef = root.get(n('K')) as PDFRef;
    const document = pdf.context.lookup(documentRef, PDFDict);
    const figureRef = pdf.context.register(
      pdf.context.obj({ Type: 'StructElem', S: 'Figure', P: documentRef }),
    );
    document.lookup(n('K'), PDFArray).push(figureRef);
    const bytes = await pdf.save({
      useObjectStreams: false,
      addDefaultPage: false,
      updateFieldAppearances: false,
    });
    expect(await ruleIds(bytes)).toEqual(['pdfua-figure-alt']);
  });
});

describe('pdfa-image and pdfa-image-colour', () => {
  /** The archival fixture with one image XObject of `dict` added (not drawn: the rules read objects). */
  async function withImage(dict: Record<string, unknown>): Promise<Uint8Array> {
    const pdf = await PDFDocumentClass.load(await buildArchivalFixture(), { updateMetadata: false });
    const stream = PDFRawStream.of(
      pdf.context.obj({
        Type: 'XObject',
        Subtype: 'Image',
        Width: 1,
        Height: 1,
        BitsPerComponent: 8,
        ...dict,
      } as never),
      new Uint8Array([0, 0, 0, 0]),
    );
    pdf.context.register(stream);
    return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  }

  it('accepts an RGB image with the standard keys', async () => {
    expect(await ruleIds(await withImage({ ColorSpace: 'DeviceRGB', Intent: 'Perceptual' }))).toEqual([]);
  });

  it.each([
    ['/Interpolate true', { ColorSpace: 'DeviceRGB', Interpolate: PDFBool.True }],
    ['/Alternates', { ColorSpace: 'DeviceRGB', Alternates: [] }],
    ['/OPI', { ColorSpace: 'DeviceRGB', OPI: {} }],
    ['an unknown /Intent', { ColorSpace: 'DeviceRGB', Intent: 'Vivid' }],
  ])('pdfa-image reports %s', async (_label, dict) => {
    expect(await ruleIds(await withImage(dict))).toEqual(['pdfa-image']);
  });

  it('pdfa-image-colour reports a DeviceCMYK image under the sRGB output intent', async () => {
    const findings = (await preflightPdf(await withImage({ ColorSpace: 'DeviceCMYK' }))).map((f) => f.rule);
    expect(findings).toEqual(['pdfa-image-colour']);
  });
});
