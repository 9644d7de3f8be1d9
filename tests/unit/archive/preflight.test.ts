/**
 * Every preflight rule can fail: each test damages a copy of the valid archival fixture in one way
 * and asserts exactly which rule ids are reported.
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFDocument as PDFDocumentClass,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { preflightPdf, rules } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { buildArchivalFixture } from './tagged-pdf.js';

let valid: Uint8Array;

beforeAll(async () => {
  valid = await buildArchivalFixture();
});

const n = PDFName.of;

async function damaged(edit: (pdf: PDFDocument) => void): Promise<Uint8Array> {
  const pdf = await PDFDocumentClass.load(valid, { updateMetadata: false });
  edit(pdf);
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

async function ruleIds(bytes: Uint8Array): Promise<string[]> {
  return [...new Set((await preflightPdf(bytes)).map((f) => f.rule))].sort();
}

function allIndirectDicts(pdf: PDFDocument): PDFDict[] {
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => (o instanceof PDFRawStream ? o.dict : o))
    .filter((o): o is PDFDict => o instanceof PDFDict);
}

const firstPage = (pdf: PDFDocument) => pdf.getPages()[0]!.node;
const firstAnnot = (pdf: PDFDocument) => firstPage(pdf).lookup(n('Annots'), PDFArray).lookup(0, PDFDict);

const cases: [string, string[], (pdf: PDFDocument) => void][] = [
  [
    'trailer without /ID',
    ['pdfa-file-id'],
    (pdf) => {
      pdf.context.trailerInfo.ID = undefined;
    },
  ],
  [
    'XMP stripped',
    ['pdfa-identification', 'pdfa-xmp', 'pdfua-identification', 'pdfua-title'],
    (pdf) => pdf.catalog.delete(n('Metadata')),
  ],
  [
    'pdfuaid without extension schema',
    ['pdfa-extension-schema'],
    (pdf) => {
      const xmp = readXmpFromCatalog(pdf).xmpText!.replace(
        /<rdf:Description[^>]*pdfaExtension[\s\S]*?<\/rdf:Description>/,
        '',
      );
      const stream = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
      pdf.catalog.set(n('Metadata'), pdf.context.register(stream));
    },
  ],
  [
    'Info title differs from XMP',
    ['pdfa-xmp-info'],
    (pdf) => {
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
      info.set(n('Title'), PDFString.of('En annan titel'));
    },
  ],
  ['OutputIntents removed', ['pdfa-output-intent'], (pdf) => pdf.catalog.delete(n('OutputIntents'))],
  [
    'font program not embedded',
    ['pdfa-font-embedded'],
    (pdf) => {
      for (const d of allIndirectDicts(pdf)) if (d.has(n('FontFile2'))) d.delete(n('FontFile2'));
    },
  ],
  [
    'JavaScript action',
    ['pdfa-actions'],
    (pdf) =>
      pdf.catalog.set(
        n('OpenAction'),
        pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
      ),
  ],
  [
    'Launch action on the link',
    ['pdfa-actions'],
    (pdf) => firstAnnot(pdf).set(n('A'), pdf.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })),
  ],
  [
    'transparency group on a page',
    ['pdfa-transparency'],
    (pdf) => firstPage(pdf).set(n('Group'), pdf.context.obj({ S: 'Transparency', CS: 'DeviceRGB' })),
  ],
  ['annotation not printable', ['pdfa-annotation-print'], (pdf) => firstAnnot(pdf).delete(n('F'))],
  ['no associated source', ['archive-source-present'], (pdf) => pdf.catalog.delete(n('AF'))],
  [
    'embedded source changed',
    ['archive-source-checksum'],
    (pdf) => {
      const stream = allIndirectDicts(pdf).find((d) => d.get(n('Type')) === n('EmbeddedFile'));
      const raw = pdf.context
        .enumerateIndirectObjects()
        .map(([, o]) => o)
        .find((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict === stream)!;
      const replacement = pdf.context.flateStream('ändrad ärendefil\n');
      raw.dict.set(n('Length'), replacement.dict.get(n('Length'))!);
      (raw as unknown as { contents: Uint8Array }).contents = replacement.getContents();
    },
  ],
  [
    'StructTreeRoot removed',
    ['pdfua-struct-tree', 'pdfua-tagged-content'],
    (pdf) => pdf.catalog.delete(n('StructTreeRoot')),
  ],
  [
    'non-standard structure type without role map',
    ['pdfua-role-map'],
    (pdf) => {
      for (const d of allIndirectDicts(pdf)) if (d.get(n('S')) === n('H1')) d.set(n('S'), n('Rubrik'));
    },
  ],
  [
    'non-standard structure type with a role map is accepted',
    [],
    (pdf) => {
      for (const d of allIndirectDicts(pdf)) if (d.get(n('S')) === n('H1')) d.set(n('S'), n('Rubrik'));
      pdf.catalog.lookup(n('StructTreeRoot'), PDFDict).set(n('RoleMap'), pdf.context.obj({ Rubrik: 'H1' }));
    },
  ],
  ['MarkInfo removed', ['pdfua-marked'], (pdf) => pdf.catalog.delete(n('MarkInfo'))],
  ['Lang removed', ['pdfua-lang'], (pdf) => pdf.catalog.delete(n('Lang'))],
  ['DisplayDocTitle removed', ['pdfua-title'], (pdf) => pdf.catalog.delete(n('ViewerPreferences'))],
  ['Tabs removed', ['pdfua-tabs'], (pdf) => firstPage(pdf).delete(n('Tabs'))],
  [
    'link without alternative text',
    ['pdfua-annotation-text'],
    (pdf) => firstAnnot(pdf).delete(n('Contents')),
  ],
  [
    'text outside marked content',
    ['pdfua-tagged-content'],
    (pdf) => {
      const page = firstPage(pdf);
      const font = page.lookup(n('Resources'), PDFDict).lookup(n('Font'), PDFDict).get(n('F1'));
      const extra = pdf.context.register(pdf.context.stream('BT /F1 11 Tf 56 600 Td <0030> Tj ET'));
      page.set(n('Contents'), pdf.context.obj([page.get(n('Contents'))!, extra]));
      expect(font).toBeDefined();
    },
  ],
  [
    'a line drawn outside marked content',
    ['pdfua-tagged-content'],
    (pdf) => {
      const page = firstPage(pdf);
      const extra = pdf.context.register(pdf.context.stream('0 0 0 RG 56 500 m 300 500 l S'));
      page.set(n('Contents'), pdf.context.obj([page.get(n('Contents'))!, extra]));
    },
  ],
  [
    'a line drawn as an artifact is accepted',
    [],
    (pdf) => {
      const page = firstPage(pdf);
      const extra = pdf.context.register(
        pdf.context.stream('/Artifact BMC 0 0 0 RG 56 500 m 300 500 l S EMC'),
      );
      page.set(n('Contents'), pdf.context.obj([page.get(n('Contents'))!, extra]));
    },
  ],
  [
    'image to be interpolated',
    ['pdfa-image'],
    (pdf) => {
      const image = pdf.context.obj({ Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1 });
      image.set(n('ColorSpace'), n('DeviceRGB'));
      image.set(n('BitsPerComponent'), pdf.context.obj(8));
      image.set(n('Interpolate'), pdf.context.obj(true));
      pdf.context.register(PDFRawStream.of(image, new Uint8Array(3)));
    },
  ],
  [
    'DeviceCMYK image under the sRGB output intent',
    ['pdfa-image-colour'],
    (pdf) => {
      const image = pdf.context.obj({ Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1 });
      image.set(n('ColorSpace'), n('DeviceCMYK'));
      image.set(n('BitsPerComponent'), pdf.context.obj(8));
      pdf.context.register(PDFRawStream.of(image, new Uint8Array(4)));
    },
  ],
  [
    'Figure without /Alt',
    ['pdfua-figure-alt'],
    (pdf) => {
      const root = pdf.catalog.lookup(n('StructTreeRoot'), PDFDict);
      const documentRef = root.get(n('K'))!;
      const figure = pdf.context.obj({ Type: 'StructElem', S: 'Figure', P: documentRef });
      pdf.context.lookup(documentRef, PDFDict).lookup(n('K'), PDFArray).push(pdf.context.register(figure));
    },
  ],
  [
    'marked content not in the structure',
    ['pdfua-tagged-content'],
    (pdf) => {
      const root = pdf.catalog.lookup(n('StructTreeRoot'), PDFDict);
      root.set(n('ParentTree'), pdf.context.obj({ Nums: [] }));
    },
  ],
];

describe('preflight rules', () => {
  it('reports nothing for the valid fixture', async () => {
    expect(await ruleIds(valid)).toEqual([]);
  });

  it.each(cases)('%s → %j', async (_label, expected, edit) => {
    expect(await ruleIds(await damaged(edit))).toEqual(expected);
  });

  it('reports an encrypted file', async () => {
    const bytes = await damaged((pdf) => {
      pdf.context.trailerInfo.Encrypt = pdf.context.register(
        pdf.context.obj({ Filter: 'Standard', V: 1, R: 2 }),
      );
    });
    expect(await ruleIds(bytes)).toContain('pdfa-encrypt');
  });

  it('reports unreadable bytes as one finding', async () => {
    expect(await ruleIds(new TextEncoder().encode('inte en pdf'))).toEqual(['pdf-unreadable']);
  });

  it('has a clause for every rule and unique ids', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.clause).toMatch(/^ISO (19005-3|14289-1|32000-1) \d/);
  });

  it('covers every rule with a failing case', () => {
    const covered = new Set([...cases.flatMap(([, ids]) => ids), 'pdfa-encrypt']);
    expect(rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
