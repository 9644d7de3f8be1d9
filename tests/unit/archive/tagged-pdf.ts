/**
 * A small tagged PDF built with pdf-lib for the archive tests (independent of the real PDF backend):
 * one page, embedded Noto Sans subset, an artifact head line, an H1 and a paragraph as marked content
 * with MCIDs, StructTreeRoot/ParentTree, and a link annotation.
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { SourceFile } from '../../../src/archive/attachments.js';
import { manifestSources } from '../../../src/archive/build.js';
import { type ArchiveMeta, toArchivalPdf } from '../../../src/archive/pdfa.js';
import type { StoreRequest } from '../../../src/archive/store.js';

export const fixtureTitle = 'Arbetsinriktad rehabilitering – ställningstagande';
export const fixtureBody = 'Överenskommelsen förlängs inte och upphör den 1 oktober 2024.';
export const fixtureHead = 'Linköpings kommun';

const fontPath = new URL(
  '../../../node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  import.meta.url,
);

export async function buildTaggedPdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(fontPath), { subset: true, customName: 'NotoSans-Regular' });
  const page = pdf.addPage([595.28, 841.89]);
  const { context } = pdf;
  const text = (s: string) => font.encodeText(s).toString();
  const content = [
    '/Artifact <</Type /Pagination>> BDC',
    `BT /F1 9 Tf 56 800 Td ${text(fixtureHead)} Tj ET`,
    'EMC',
    '/H1 <</MCID 0>> BDC',
    `BT /F1 16 Tf 56 740 Td ${text(fixtureTitle)} Tj ET`,
    'EMC',
    '/P <</MCID 1>> BDC',
    `BT /F1 11 Tf 56 700 Td ${text(fixtureBody)} Tj ET`,
    'EMC',
  ].join('\n');
  const contentRef = context.register(context.flateStream(content));
  page.node.set(PDFName.of('Contents'), contentRef);
  page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: font.ref } }));
  page.node.set(PDFName.of('StructParents'), context.obj(0));

  const rootRef = context.nextRef();
  const docRef = context.nextRef();
  const h1Ref = context.nextRef();
  const pRef = context.nextRef();
  const linkRef = context.nextRef();
  const annotRef = context.nextRef();
  context.assign(
    annotRef,
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [56, 695, 300, 712],
      Border: [0, 0, 0],
      Contents: PDFHexString.fromText('Länk till beslutet'),
      StructParent: 1,
      A: { S: 'URI', URI: PDFString.of('https://example.org/') },
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([annotRef]));
  context.assign(h1Ref, context.obj({ Type: 'StructElem', S: 'H1', P: docRef, Pg: page.ref, K: 0 }));
  context.assign(pRef, context.obj({ Type: 'StructElem', S: 'P', P: docRef, Pg: page.ref, K: [1, linkRef] }));
  context.assign(
    linkRef,
    context.obj({
      Type: 'StructElem',
      S: 'Link',
      P: pRef,
      Pg: page.ref,
      K: { Type: 'OBJR', Obj: annotRef, Pg: page.ref },
    }),
  );
  context.assign(docRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: [h1Ref, pRef] }));
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: docRef,
      ParentTree: { Nums: [0, [h1Ref, pRef], 1, linkRef] },
      ParentTreeNextKey: 2,
    }),
  );
  pdf.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  return pdf;
}

export const fixtureCaseText = `---
datum: 2023-08-30
dnr: SON 2020-281
rubrik: ${fixtureTitle}
---

## Ärende

${fixtureBody}
`;

export const fixtureMeta: ArchiveMeta = {
  title: fixtureTitle,
  author: 'John Fristedt',
  subject: 'Tjänsteskrivelse, Dnr SON 2020-281',
  keywords: ['SON 2020-281', 'tjänsteskrivelse'],
  language: 'sv-SE',
  date: '2023-08-30',
  creator: 'skrivelse 0.1.0 (test)',
  producer: 'skrivelse 0.1.0',
};

export function fixtureSources(caseText = fixtureCaseText): SourceFile[] {
  return [
    {
      name: 'son-2020-281-ärende.md',
      bytes: new TextEncoder().encode(caseText),
      mimeType: 'text/markdown',
      description: 'Ärendefil (källa)',
    },
    {
      name: 'linkoping.yaml',
      bytes: new TextEncoder().encode('kommun: Linköpings kommun\n'),
      mimeType: 'application/yaml',
      description: 'Kommunprofil (källa)',
    },
  ];
}

/** The fixture made archival by src/archive/pdfa.ts. */
export async function buildArchivalFixture(caseText?: string): Promise<Uint8Array> {
  return toArchivalPdf(await buildTaggedPdf(), fixtureMeta, fixtureSources(caseText));
}

/** A store request for the fixture case (Dnr SON 2020-281) with the given case text. */
export async function fixtureStoreRequest(
  arkivDir: string,
  caseText = fixtureCaseText,
): Promise<StoreRequest> {
  return {
    arkivDir,
    dnr: ['SON 2020-281'],
    title: 'Arbetsinriktad rehabilitering',
    date: '2023-08-30',
    pdf: await buildArchivalFixture(caseText),
    sources: manifestSources(fixtureSources(caseText)),
    tool: 'skrivelse 0.1.0',
  };
}
