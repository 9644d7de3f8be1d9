/** Preflight rules from ISO 14289-1 (PDF/UA-1): structure, marked content, language, title, tab order. */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { pdfText } from './attachments.js';
import { name, nameOf, numberTreeGet } from './pdf-walk.js';
import { importPdfJs, openWithPdfJs, type PDFPageProxy } from './pdfjs.js';
import type { PreflightContext, Rule } from './preflight.js';

interface MarkedItem {
  type?: string;
  id?: string | null;
  tag?: string | null;
  str?: string;
}

/** Whether MCID `mcid` of the page with /StructParents `key` maps to a structure element. */
function mcidInStructure(ctx: PreflightContext, key: number | undefined, mcid: number): boolean {
  if (key === undefined) return false;
  const root = ctx.pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  const entry = numberTreeGet(root?.lookupMaybe(name('ParentTree'), PDFDict), key);
  const target = entry instanceof PDFArray ? entry.get(mcid) : undefined;
  return target instanceof PDFRef && ctx.pdf.context.lookup(target) instanceof PDFDict;
}

/** pdf.js operators that paint something other than text (text is checked with its MCIDs). */
const paintingOps = [
  'constructPath',
  'stroke',
  'closeStroke',
  'fill',
  'eoFill',
  'fillStroke',
  'eoFillStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'shadingFill',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageMaskXObject',
  'paintSolidColorImageMask',
  'paintFormXObjectBegin',
];

/** Number of non-text painting operations outside any marked-content sequence on a page. */
async function unmarkedPaintingOps(page: PDFPageProxy, ops: Record<string, number>): Promise<number> {
  const list = await page.getOperatorList();
  const painting = new Set(paintingOps.map((op) => ops[op]));
  let depth = 0;
  let count = 0;
  for (const fn of list.fnArray) {
    if (fn === ops.beginMarkedContent || fn === ops.beginMarkedContentProps) depth++;
    else if (fn === ops.endMarkedContent) depth = Math.max(0, depth - 1);
    else if (depth === 0 && painting.has(fn)) count++;
  }
  return count;
}

/**
 * The file with its embedded files emptied, for pdf.js: reading page 2 of a memo, pdf.js inflates an
 * attachment whole (seen with a 1 GiB compression bomb), and this rule needs only the pages.
 */
async function withoutAttachments(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  let emptied = 0;
  for (const [ref, obj] of copy.context.enumerateIndirectObjects())
    if (obj instanceof PDFRawStream && nameOf(obj.dict, 'Type') === 'EmbeddedFile') {
      copy.context.assign(ref, PDFRawStream.of(obj.dict.clone(copy.context), new Uint8Array()));
      emptied++;
    }
  return emptied === 0 ? bytes : copy.save({ useObjectStreams: false, updateFieldAppearances: false });
}

async function checkTaggedContent(ctx: PreflightContext): Promise<string[]> {
  const problems: string[] = [];
  const doc = await openWithPdfJs(await withoutAttachments(ctx.bytes));
  const { OPS } = await importPdfJs();
  try {
    const pages = ctx.pdf.getPages();
    for (let p = 1; p <= doc.numPages; p++) {
      const key = pages[p - 1]?.node.lookupMaybe(name('StructParents'), PDFNumber)?.asNumber();
      const page = await doc.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: true });
      /** Per open marked-content sequence: does it make its text tagged (real content or artifact)? */
      const stack: boolean[] = [];
      let untagged = 0;
      const orphanMcids = new Set<number>();
      for (const item of content.items as MarkedItem[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          const mcid = item.id ? /_mc(\d+)$/.exec(item.id)?.[1] : undefined;
          if (mcid !== undefined && !mcidInStructure(ctx, key, Number(mcid))) orphanMcids.add(Number(mcid));
          stack.push(item.tag === 'Artifact' || mcid !== undefined);
        } else if (item.type === 'endMarkedContent') {
          stack.pop();
        } else if (typeof item.str === 'string' && item.str.trim() !== '' && !stack.includes(true)) {
          untagged++;
        }
      }
      const unmarked = await unmarkedPaintingOps(page, OPS as unknown as Record<string, number>);
      if (unmarked > 0)
        problems.push(
          `Sidan ${p}: ${unmarked} ritoperationer (linjer, ytor, bilder) ligger utanför märkt innehåll.`,
        );
      if (untagged > 0)
        problems.push(
          `Sidan ${p}: ${untagged} textavsnitt ligger utanför märkt innehåll (varken struktur eller artefakt).`,
        );
      for (const mcid of orphanMcids)
        problems.push(
          `Sidan ${p}: märkt innehåll MCID ${mcid} hör inte till något strukturelement (ParentTree).`,
        );
    }
  } finally {
    await doc.destroy();
  }
  return problems;
}

/** Standard structure types of ISO 32000-1 14.8.4. */
const standardTypes = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** The standard type a structure type is or role-maps to (following the RoleMap a few steps), if any. */
function standardType(type: string, roleMap: PDFDict | undefined): string | undefined {
  let current: string | undefined = type;
  for (let i = 0; current && i < 10; i++) {
    if (standardTypes.has(current)) return current;
    current = nameOf(roleMap, current);
  }
  return undefined;
}

/** Every structure element below the StructTreeRoot, once each, in tree order. */
function structElements(ctx: PreflightContext): { elements: PDFDict[]; roleMap: PDFDict | undefined } {
  const root = ctx.pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  const elements: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (obj: unknown, depth: number): void => {
    const node = obj instanceof PDFRef ? ctx.pdf.context.lookup(obj) : obj;
    if (depth > 200) return;
    if (node instanceof PDFArray) {
      for (let i = 0; i < node.size(); i++) visit(node.get(i), depth + 1);
    } else if (node instanceof PDFDict && !seen.has(node)) {
      seen.add(node);
      if (nameOf(node, 'S') !== undefined) elements.push(node);
      if (nameOf(node, 'Type') !== 'OBJR' && nameOf(node, 'Type') !== 'MCR')
        visit(node.get(name('K')), depth + 1);
    }
  };
  if (root) visit(root.get(name('K')), 0);
  return { elements, roleMap: root?.lookupMaybe(name('RoleMap'), PDFDict) };
}

/** Structure types used in the tree that neither are standard nor role-map to a standard type. */
function unmappedTypes(ctx: PreflightContext): string[] {
  const { elements, roleMap } = structElements(ctx);
  const bad = new Set<string>();
  for (const element of elements) {
    const type = nameOf(element, 'S')!;
    if (standardType(type, roleMap) === undefined) bad.add(type);
  }
  return [...bad];
}

/** Figures (by their standard type) without a text alternative: neither /Alt nor /ActualText with text. */
function figuresWithoutAlt(ctx: PreflightContext): string[] {
  const { elements, roleMap } = structElements(ctx);
  const figures = elements.filter((e) => standardType(nameOf(e, 'S')!, roleMap) === 'Figure');
  const problems: string[] = [];
  figures.forEach((figure, i) => {
    const text = [pdfText(figure.lookup(name('Alt'))), pdfText(figure.lookup(name('ActualText')))];
    if (!text.some((t) => t?.trim()))
      problems.push(
        `Bild ${i + 1} av ${figures.length} (strukturelementet Figure) saknar alternativtext (/Alt eller /ActualText).`,
      );
  });
  return problems;
}

export const pdfuaRules: Rule[] = [
  {
    id: 'pdfua-identification',
    clause: 'ISO 14289-1 5',
    check: ({ xmp }) =>
      xmp?.['pdfuaid:part'] === '1'
        ? []
        : [`XMP anger inte PDF/UA-1 (pdfuaid:part=${xmp?.['pdfuaid:part'] ?? 'saknas'}).`],
  },
  {
    id: 'pdfua-struct-tree',
    clause: 'ISO 14289-1 7.1',
    check: ({ pdf }) => {
      const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
      if (!root) return ['Dokumentet är inte taggat: strukturträd (/StructTreeRoot) saknas.'];
      return root.has(name('K')) && root.has(name('ParentTree'))
        ? []
        : ['Strukturträdet saknar innehåll (/K) eller /ParentTree.'];
    },
  },
  {
    id: 'pdfua-role-map',
    clause: 'ISO 14289-1 7.1',
    check: (ctx) =>
      unmappedTypes(ctx).map(
        (t) => `Strukturtypen /${t} är inte standard och saknar rollmappning (/RoleMap).`,
      ),
  },
  {
    id: 'pdfua-figure-alt',
    clause: 'ISO 14289-1 7.3',
    check: figuresWithoutAlt,
  },
  {
    id: 'pdfua-marked',
    clause: 'ISO 14289-1 7.1',
    check: ({ pdf }) => {
      const marked = pdf.catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.lookup(name('Marked'));
      return marked === PDFBool.True ? [] : ['/MarkInfo /Marked true saknas i dokumentkatalogen.'];
    },
  },
  {
    id: 'pdfua-tagged-content',
    clause: 'ISO 14289-1 7.1',
    check: checkTaggedContent,
  },
  {
    id: 'pdfua-lang',
    clause: 'ISO 14289-1 7.2',
    check: ({ pdf }) => {
      const lang = pdfText(pdf.catalog.lookup(name('Lang')));
      return lang?.trim() ? [] : ['Dokumentets språk (/Lang) saknas i dokumentkatalogen.'];
    },
  },
  {
    id: 'pdfua-title',
    clause: 'ISO 14289-1 7.1',
    check: ({ pdf, xmp }) => {
      const problems: string[] = [];
      if (!xmp?.['dc:title']?.trim()) problems.push('Dokumenttitel (dc:title) saknas i XMP.');
      const prefs = pdf.catalog.lookupMaybe(name('ViewerPreferences'), PDFDict);
      if (prefs?.lookup(name('DisplayDocTitle')) !== PDFBool.True)
        problems.push('/ViewerPreferences /DisplayDocTitle true saknas.');
      return problems;
    },
  },
  {
    id: 'pdfua-tabs',
    clause: 'ISO 14289-1 7.18.3',
    check: ({ pdf }) =>
      pdf
        .getPages()
        .map((page, i) => ({ page, i }))
        .filter(({ page }) => page.node.has(name('Annots')) && nameOf(page.node, 'Tabs') !== 'S')
        .map(({ i }) => `Sidan ${i + 1} har annoteringar men inte tabbordningen /Tabs /S.`),
  },
  {
    id: 'pdfua-annotation-text',
    clause: 'ISO 14289-1 7.18.1',
    check: ({ pdf }) => {
      const problems: string[] = [];
      pdf.getPages().forEach((page, index) => {
        const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
        for (let i = 0; i < (annots?.size() ?? 0); i++) {
          const annot = annots!.lookupMaybe(i, PDFDict);
          const contents = annot?.lookup(name('Contents'));
          const hasText = contents instanceof PDFString || contents instanceof PDFHexString;
          if (nameOf(annot, 'Subtype') === 'Link' && !hasText)
            problems.push(`En länk på sidan ${index + 1} saknar alternativtext (/Contents).`);
        }
      });
      return problems;
    },
  },
];
