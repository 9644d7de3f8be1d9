/**
 * DOCX backend: Doc → an editable Word document with real styles, numbered decision lists that
 * restart per block, the memo's page furniture, and byte-identical output for the same Doc.
 */
import { Document, Packer } from 'docx';
import type { Doc } from '../../doc/model.js';
import { listedHeadings, tocEntries } from '../../doc/toc.js';
import { UsageError } from '../../errors.js';
import { xmlCharsIn } from '../../util/xml.js';
import type { LayoutResult } from '../pdf/layout/types.js';
import { type BlockContext, blocksToChildren, footnotesOf } from './blocks.js';
import { embeddedFaces } from './font-embedding.js';
import { buildFooters, buildHeaders, firstPageHead } from './furniture.js';
import { planListNumbering } from './numbering.js';
import { normalizePackage, type PackageParts } from './package.js';
import { pageProperties, textWidthTwip } from './page.js';
import { withRevisions } from './revisions.js';
import { buildStyles, tableStyle } from './styles.js';
import { headingBookmarks } from './toc.js';
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
  /**
   * The page (from 1) each of the Doc's blocks starts on, by index, as the PDF layout puts it
   * (`layoutDoc(doc).blockPositions`): the page numbers a table of contents caches. Without it, a Doc with
   * a toc is laid out here for them; one without a toc does not need them.
   */
  blockPages?: readonly (number | undefined)[];
}

const validCount = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;

/** Where a toc's entries point and what pages they cache; nothing when the Doc has no toc. */
function tocContext(doc: Doc, blockPages: DocxOptions['blockPages']): Partial<BlockContext> {
  if (!doc.blocks.some((b) => b.type === 'toc')) return {};
  const bookmarks = headingBookmarks(listedHeadings(doc.blocks));
  const byBlock = new Map([...bookmarks].map(([index, bookmark]) => [doc.blocks[index]!, bookmark]));
  const tocAt = new Map(doc.blocks.flatMap((b, i) => (b.type === 'toc' ? [[b, i] as const] : [])));
  return {
    bookmarkOf: (block) => byBlock.get(block),
    tocEntriesOf: (toc) => {
      const at = tocAt.get(toc);
      return at === undefined
        ? []
        : tocEntries(doc.blocks, at).map((entry) => ({
            ...entry,
            bookmark: bookmarks.get(entry.block)!,
            page: validCount(blockPages?.[entry.block]) ?? 1,
          }));
    },
  };
}

function buildDocument(doc: Doc, options: DocxOptions): Document {
  const numbering = planListNumbering(doc.blocks, doc.bullets);
  const textWidth = textWidthTwip(doc.page);
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    keywords: doc.meta.keywords.join(', '),
    lastModifiedBy: doc.meta.creator,
    revision: 1,
    styles: buildStyles(doc.meta.language, numbering.styleRefs, textWidth),
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
          ...blocksToChildren(doc.blocks, {
            numbering,
            textWidthTwip: textWidth,
            ...tocContext(doc, options.blockPages),
          }),
        ],
      },
    ],
  });
  // docx's style options have no table styles; the styles part takes the element as it is.
  document.Styles.addChildElement(tableStyle(doc.meta.language));
  // What buildStyles and tableStyle are given, and so all the styles part holds; docx's theme is its own.
  sameEveryTime(
    document.Styles,
    `styles ${JSON.stringify([doc.meta.language, numbering.styleRefs, textWidth])}`,
  );
  sameEveryTime(document.Theme, 'theme');
  return document;
}

/**
 * The pages of the PDF layout (of the Doc as the PDF backend is given it), for a Doc with a toc only. Loaded
 * on use: the layout needs the PDF backend's fonts.
 */
async function pdfBlockPages(doc: Doc): Promise<DocxOptions['blockPages']> {
  if (!doc.blocks.some((b) => b.type === 'toc')) return undefined;
  const { layoutDoc } = await import('../pdf/layout/index.js');
  return blockPagesOf(layoutDoc(doc));
}

/** A PDF layout's page (from 1) of each block: what `blockPages` takes. */
export function blockPagesOf(layout: Pick<LayoutResult, 'blockPositions'>): DocxOptions['blockPages'] {
  return layout.blockPositions.map((p) => p && p.pageIndex + 1);
}

/** docx's formatter: a component → the object its XML is written from (read, never changed, by the writer). */
interface DocxFormatter {
  format(component: object, context: unknown): unknown;
}

/** docx's compiler, which `Packer` holds and zips the output of; not in docx's typings (the version is pinned). */
interface DocxCompiler {
  compile(file: Document): PackageParts;
  formatter?: DocxFormatter;
}

/**
 * docx's formatting, done once where it can be. Parts that are the same for every memo of a profile (the
 * styles, a sixth of docx's work on a memo, and the theme) are marked with what they are built from and
 * get the object formatted for the first component with that key (bounded, most recently used last). And
 * docx formats each header and footer twice per package (once to find its images); the second time gets
 * the first one's object. A Document here is built, compiled once and let go, so neither goes stale.
 */
const partKeys = new WeakMap<object, string>();
const formattedParts = new Map<string, unknown>();
const MAX_FORMATTED_PARTS = 16;
const formattedComponents = new WeakMap<object, unknown>();
const formatterPatched = new WeakSet<DocxFormatter>();

function sameEveryTime(component: object, key: string): void {
  partKeys.set(component, key);
}

function formatOnce(formatter: DocxFormatter): void {
  if (formatterPatched.has(formatter)) return;
  formatterPatched.add(formatter);
  const format = formatter.format.bind(formatter);
  formatter.format = (component, context) => {
    const key = partKeys.get(component);
    if (key === undefined) {
      if (!formattedComponents.has(component)) formattedComponents.set(component, format(component, context));
      return formattedComponents.get(component);
    }
    const formatted = formattedParts.get(key) ?? format(component, context);
    formattedParts.delete(key);
    if (formattedParts.size >= MAX_FORMATTED_PARTS)
      formattedParts.delete(formattedParts.keys().next().value!);
    formattedParts.set(key, formatted);
    return formatted;
  };
}

/**
 * The package's parts, before docx zips them: normalizePackage fixes them and zips once. Packer's
 * compiler is docx's own step (toBuffer = compile + zip); its absence after an upgrade is an error here,
 * not a silently different file.
 */
function compileParts(document: Document): PackageParts {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (typeof compiler?.compile !== 'function')
    throw new Error('docx-biblioteket har inte längre Packer.compiler; se src/backends/docx/index.ts');
  if (typeof compiler.formatter?.format === 'function') formatOnce(compiler.formatter);
  return compiler.compile(document);
}

/**
 * Renders a Doc as DOCX bytes; the same Doc always gives the same bytes. Every string of the Doc is
 * cleared of characters XML cannot hold here, once, before any of it reaches a part.
 */
export async function renderDocx(input: Doc, options: DocxOptions = {}): Promise<Uint8Array> {
  const doc = xmlCharsIn(input);
  const timestamp = timestampOf(doc.meta.date);
  const blockPages = options.blockPages ?? (await pdfBlockPages(input));
  const document = withRevisions(doc, () => buildDocument(doc, { ...options, blockPages }));
  return normalizePackage(compileParts(document), {
    timestamp,
    language: doc.meta.language,
    application: doc.meta.creator,
    font: { name: fontFamily, ...fontTableEntry },
    embeddedFonts: await embeddedFaces(doc),
  });
}
