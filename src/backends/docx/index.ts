/**
 * DOCX backend: Doc → an editable Word document with real styles, numbered decision lists that
 * restart per block, the memo's page furniture, and byte-identical output for the same Doc.
 */
import { Document, Packer } from 'docx';
import type { Doc } from '../../doc/model.js';
import { UsageError } from '../../errors.js';
import { xmlCharsIn } from '../../util/xml.js';
import { blocksToChildren, footnotesOf } from './blocks.js';
import { embeddedFaces } from './font-embedding.js';
import { buildFooters, buildHeaders, firstPageHead } from './furniture.js';
import { planListNumbering } from './numbering.js';
import { normalizePackage } from './package.js';
import { pageProperties, textWidthTwip } from './page.js';
import { buildStyles, tableStyle } from './styles.js';
import { fontFamily, fontTableEntry } from './typography.js';

/** "2023-08-30" → "2023-08-30T00:00:00Z"; the memo's date, never the clock. */
function timestampOf(date: string): string {
  const timestamp = `${date}T00:00:00Z`;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(timestamp) : Number.NaN;
  // The round trip refuses days that do not exist, such as 2023-02-30.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new UsageError(
      `Dokumentets datum "${date}" är inte ett datum på formen ÅÅÅÅ-MM-DD.`,
      'Ange datum som till exempel 2023-08-30.',
    );
  }
  return timestamp;
}

export interface DocxOptions {
  /**
   * The memo's page count, cached in the NUMPAGES fields for readers that do not lay the document out
   * (Word and LibreOffice compute their own). `build` passes the PDF layout's count: both formats share
   * one typography table, so Word's and LibreOffice's pages follow the PDF's. The Doc does not carry it,
   * as it is a result of laying the Doc out, not part of it. Without it each head caches the fewest
   * pages it can be on ("1 (1)" on page 1, "2 (2)" later).
   */
  pageCount?: number;
}

const validCount = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;

function buildDocument(doc: Doc, options: DocxOptions): Document {
  const numbering = planListNumbering(doc.blocks);
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
    lastModifiedBy: doc.meta.creator,
    revision: 1,
    styles: buildStyles(doc.meta.language, numbering.styleRefs, textWidthTwip(doc.page)),
    numbering: numbering.options,
    footnotes: footnotesOf(doc.blocks),
    sections: [
      {
        properties: {
          titlePage: true,
          page: pageProperties(doc.page),
        },
        headers: buildHeaders(doc, validCount(options.pageCount)),
        footers: buildFooters(doc),
        children: [
          firstPageHead(doc, validCount(options.pageCount) ?? 1),
          ...blocksToChildren(doc.blocks, { numbering, textWidthTwip: textWidthTwip(doc.page) }),
        ],
      },
    ],
  });
  // docx's style options have no table styles; the styles part takes the element as it is.
  document.Styles.addChildElement(tableStyle(doc.meta.language));
  return document;
}

/**
 * Renders a Doc as DOCX bytes; the same Doc always gives the same bytes. Every string of the Doc is
 * cleared of characters XML cannot hold here, once, before any of it reaches a part.
 */
export async function renderDocx(input: Doc, options: DocxOptions = {}): Promise<Uint8Array> {
  const doc = xmlCharsIn(input);
  const timestamp = timestampOf(doc.meta.date);
  const packed = await Packer.toBuffer(buildDocument(doc, options));
  return normalizePackage(new Uint8Array(packed), {
    timestamp,
    language: doc.meta.language,
    application: doc.meta.creator,
    font: { name: fontFamily, ...fontTableEntry },
    embeddedFonts: await embeddedFaces(doc),
  });
}
