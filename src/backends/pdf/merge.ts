/**
 * Joins PDFs into one and keeps their tag trees: a meeting's handlingar (kallelse, memos, bilagor) stays a
 * tagged document instead of a page copy that drops structure, reading order and alt texts.
 *
 * pdf-lib's `copyPages` copies a page's objects but not the structure elements that point at it, and it
 * copies each page *dict* rather than its reference, so a later copy of an element's /Pg would duplicate
 * the page. Here one `PDFObjectCopier` per part copies the page references first, then the part's top
 * structure elements, so every /Pg, /Obj and MCR ends up at the copied objects. Per part:
 * - its tree hangs under the pack's Document as one Part (a part's own Document element becomes that Part),
 *   titled with /T and, when the part states another language than the pack, with its /Lang;
 * - its ParentTree keys are shifted past the keys already used, on pages, annotations and XObjects alike;
 * - element /IDs are prefixed with the part's number, so two memos' footnote ids do not collide;
 * - its RoleMap and ClassMap entries are added where the pack has none of that name;
 * - a page with annotations gets /Tabs /S.
 * A part without a tag tree (MarkInfo /Marked and a StructTreeRoot) is appended as it is and reported
 * `tagged: false`: the pack is then not PDF/UA, and the caller says so, naming the part.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { deflateWithFflate } from './write/flate.js';
import { DEST_ABOVE_PT } from './write/outline.js';
import { textString } from './write/pdf-text.js';

export interface MergeSource {
  /** Title of the part: its structure element's /T. */
  title: string;
  bytes: Uint8Array;
}

export interface MergedPart {
  title: string;
  /** 0-based index of the part's first page in the merged document. */
  firstPage: number;
  pageCount: number;
  tagged: boolean;
  /** The part's own bookmarks, depth first: depth (1 = its top level), page in the merged document, title. */
  bookmarks: PartBookmark[];
}

export interface PartBookmark {
  depth: number;
  title: string;
  pageIndex: number;
  /** From the top of the page, where the bookmark's destination says (0 when it gives none). */
  topPt: number;
}

/** A part's bookmarks beyond these are left out: a pack's outline stays usable, and bounded. */
const MAX_BOOKMARKS = 2000;

/** Thrown when a part cannot be read as a PDF (an encrypted or damaged bilaga). */
export class MergePartError extends Error {
  constructor(
    readonly part: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'MergePartError';
  }
}

const name = PDFName.of;

/** The parts joined in order into a new document with one structure tree; `language` is the pack's /Lang. */
export async function mergeTagged(
  sources: readonly MergeSource[],
  language: string,
): Promise<{ pdf: PDFDocument; parts: MergedPart[] }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { context } = pdf;
  deflateWithFflate(context);
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const documentKids: PDFRef[] = [];
  const nums: [number, PDFObject][] = [];
  const roleMap = context.obj({});
  const classMap = context.obj({});
  let nextKey = 0;
  const parts: MergedPart[] = [];

  for (const [index, source] of sources.entries()) {
    // Whatever a part holds (damage, encryption, a tree too deep to copy) is that part's error, not a crash.
    try {
      const src = await PDFDocument.load(source.bytes, { updateMetadata: false });
      const copier = PDFObjectCopier.for(src.context, context);
      const structRoot = src.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
      const marked = src.catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.get(name('Marked')) === PDFBool.True;
      const tagged = structRoot !== undefined && marked;
      const topKids = tagged ? kidRefs(structRoot) : [];
      if (tagged) {
        prefixIds(src, topKids, `d${index + 1}-`);
        // Cut the top elements loose from the source's root, so copying them does not copy that root.
        for (const ref of topKids) src.context.lookupMaybe(ref, PDFDict)?.delete(name('P'));
      }

      const firstPage = pdf.getPageCount();
      for (const page of src.getPages()) {
        const ref = copier.copy(page.ref);
        const leaf = context.lookup(ref);
        if (!(leaf instanceof PDFPageLeaf))
          throw new MergePartError(source.title, 'sidan kunde inte kopieras');
        // Annotations of a tagged page are visited in structure order (ISO 14289-1 7.18.3); LibreOffice
        // writes the value as a string, which readers ignore.
        if (tagged && leaf.has(name('Annots'))) leaf.set(name('Tabs'), name('S'));
        pdf.addPage(PDFPage.of(leaf, ref, pdf));
      }
      const bookmarks = readBookmarks(src).map((b) => ({ ...b, pageIndex: firstPage + b.pageIndex }));
      parts.push({ title: source.title, firstPage, pageCount: src.getPageCount(), tagged, bookmarks });
      if (!tagged) continue;

      const kids = topKids.map((ref) => copier.copy(ref));
      const partRef = partElement(pdf, kids, documentRef, source.title);
      const partLang = stringValue(src.catalog.lookup(name('Lang')));
      if (partLang && partLang !== language)
        context.lookup(partRef, PDFDict).set(name('Lang'), textString(partLang));
      documentKids.push(partRef);

      // Shift every ParentTree key of the part by `offset`, wherever a key is held.
      const offset = nextKey;
      const tree = structRoot.lookupMaybe(name('ParentTree'), PDFDict);
      const entries = tree ? numberTree(tree) : [];
      for (const [key, value] of entries) nums.push([key + offset, copier.copy(value)]);
      for (const [ref, object] of src.context.enumerateIndirectObjects()) {
        const dict =
          object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
        if (!dict) continue;
        for (const keyName of ['StructParent', 'StructParents']) {
          const held = dict.get(name(keyName));
          if (!(held instanceof PDFNumber)) continue;
          const copied = context.lookup(copier.copy(ref));
          const target = copied instanceof PDFStream ? copied.dict : (copied as PDFDict);
          target.set(name(keyName), PDFNumber.of(held.asNumber() + offset));
        }
      }
      const declared = structRoot.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
      nextKey = offset + Math.max(declared, ...entries.map(([key]) => key + 1), 0);

      for (const [map, into] of [
        ['RoleMap', roleMap],
        ['ClassMap', classMap],
      ] as const) {
        const from = structRoot.lookupMaybe(name(map), PDFDict);
        for (const [key, value] of from?.entries() ?? [])
          if (!into.has(key)) into.set(key, copier.copy(value));
      }
    } catch (error) {
      throw error instanceof MergePartError ? error : new MergePartError(source.title, error);
    }
  }

  nums.sort((a, b) => a[0] - b[0]);
  context.assign(
    documentRef,
    context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: documentKids }),
  );
  const root = context.obj({
    Type: 'StructTreeRoot',
    K: [documentRef],
    ParentTree: context.register(context.obj({ Nums: nums.flat() })),
    ParentTreeNextKey: nextKey,
  });
  if (roleMap.entries().length > 0) root.set(name('RoleMap'), roleMap);
  if (classMap.entries().length > 0) root.set(name('ClassMap'), classMap);
  context.assign(rootRef, root);
  pdf.catalog.set(name('StructTreeRoot'), rootRef);
  // Marked: the tagged parts are read through the tree even when a bilaga is not (the caller says so).
  if (parts.some((p) => p.tagged)) pdf.catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
  return { pdf, parts };
}

/** The Part element a part's tree hangs under: its own single Document element renamed, or a new one. */
function partElement(pdf: PDFDocument, kids: PDFRef[], parent: PDFRef, title: string): PDFRef {
  const { context } = pdf;
  const only = kids.length === 1 ? context.lookupMaybe(kids[0]!, PDFDict) : undefined;
  if (only && only.get(name('S')) === name('Document')) {
    only.set(name('S'), name('Part'));
    only.set(name('P'), parent);
    only.set(name('T'), textString(title));
    return kids[0]!;
  }
  const ref = context.nextRef();
  for (const kid of kids) context.lookupMaybe(kid, PDFDict)?.set(name('P'), ref);
  context.assign(
    ref,
    context.obj({ Type: 'StructElem', S: 'Part', P: parent, T: textString(title), K: kids }),
  );
  return ref;
}

/** The root's /K as element references (a root with inline element dicts is registered first). */
function kidRefs(root: PDFDict): PDFRef[] {
  const k = root.get(name('K'));
  const items = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  return items.flatMap((item) => {
    if (item instanceof PDFRef) return [item];
    if (item instanceof PDFDict) return [root.context.register(item)];
    return [];
  });
}

/** All [key, value] pairs of a number tree (ISO 32000-1 7.9.7), leaves and kids, in key order. */
function numberTree(node: PDFDict, seen = new Set<PDFDict>()): [number, PDFObject][] {
  if (seen.has(node)) return [];
  seen.add(node);
  const out: [number, PDFObject][] = [];
  const items = node.lookupMaybe(name('Nums'), PDFArray)?.asArray() ?? [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const key = items[i];
    if (key instanceof PDFNumber) out.push([key.asNumber(), items[i + 1]!]);
  }
  for (const kid of node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? []) {
    const dict = node.context.lookupMaybe(kid, PDFDict);
    if (dict) out.push(...numberTree(dict, seen));
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Prefixes every element /ID under `top` (in the source, before copying). */
function prefixIds(src: PDFDocument, top: readonly PDFRef[], prefix: string): void {
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined): void => {
    const resolved = object instanceof PDFRef ? src.context.lookup(object) : object;
    if (resolved instanceof PDFArray) {
      for (const item of resolved.asArray()) visit(item);
      return;
    }
    if (!(resolved instanceof PDFDict) || seen.has(resolved) || resolved.has(name('MCID'))) return;
    if (resolved.has(name('Obj'))) return; // an OBJR
    seen.add(resolved);
    const id = src.context.lookup(resolved.get(name('ID')));
    if (id instanceof PDFString || id instanceof PDFHexString) {
      // Byte-wise, whatever the id's encoding; a hex string holds only hex digits.
      const bytes = Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(id.asBytes())]);
      resolved.set(name('ID'), PDFHexString.of(bytes.toString('hex')));
    }
    visit(resolved.get(name('K')));
  };
  for (const ref of top) visit(ref);
}

function stringValue(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/**
 * The bookmarks of `src` whose destination is one of its pages (an explicit /Dest or a GoTo action's /D;
 * named destinations are left out), depth first, with cycles and more than MAX_BOOKMARKS cut off.
 */
function readBookmarks(src: PDFDocument): PartBookmark[] {
  const pages = new Map(
    src.getPages().map((page, i) => [page.ref.toString(), { i, height: page.getHeight() }]),
  );
  const out: PartBookmark[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFObject | undefined, depth: number): void => {
    let node = first === undefined ? undefined : src.context.lookup(first);
    while (node instanceof PDFDict && !seen.has(node) && out.length < MAX_BOOKMARKS) {
      seen.add(node);
      const title = stringValue(node.lookup(name('Title')));
      const action = node.lookup(name('A'));
      const dest = src.context.lookup(
        node.get(name('Dest')) ?? (action instanceof PDFDict ? action.get(name('D')) : undefined),
      );
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      const page = target instanceof PDFRef ? pages.get(target.toString()) : undefined;
      if (title !== undefined && page) {
        const top = dest instanceof PDFArray && dest.lookup(1) === name('XYZ') ? dest.lookup(3) : undefined;
        // Back from the destination's top (user space) to the line below the page's top it stands for.
        const topPt =
          top instanceof PDFNumber ? Math.max(0, page.height - top.asNumber() + DEST_ABOVE_PT) : 0;
        out.push({ depth, title, pageIndex: page.i, topPt });
      }
      walk(node.get(name('First')), depth + 1);
      node = src.context.lookup(node.get(name('Next')));
    }
  };
  const root = src.catalog.lookup(name('Outlines'));
  if (root instanceof PDFDict) walk(root.get(name('First')), 1);
  return out;
}
