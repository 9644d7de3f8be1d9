/** Bookmarks: the title and every heading, H3 nested under the H2 before it. */
import { type PDFArray, type PDFContext, type PDFDict, PDFName, PDFNull, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from '../layout/types.js';
import { textString } from './pdf-text.js';

/**
 * An explicit destination [page /XYZ null top null]: the line at `topPt` (from the page's top) a little below
 * the window's top edge, horizontal position and zoom as they are. Bookmarks and a toc's links go there.
 */
/** How far above the line a destination puts the window's top edge. */
export const DEST_ABOVE_PT = 4;

export function lineDestination(
  context: PDFContext,
  pageRef: PDFRef,
  topPt: number,
  pageHeightPt: number,
): PDFArray {
  return context.obj([
    pageRef,
    PDFName.of('XYZ'),
    PDFNull,
    Math.round(pageHeightPt - topPt + DEST_ABOVE_PT),
    PDFNull,
  ]);
}

interface OutlineNode {
  entry: OutlineEntry;
  ref: PDFRef;
  children: OutlineNode[];
}

export function writeOutline(
  context: PDFContext,
  entries: OutlineEntry[],
  pageRefs: PDFRef[],
  pageHeightPt: number,
): PDFRef | undefined {
  if (entries.length === 0) return undefined;
  const top: OutlineNode[] = [];
  // The title and the sections are the top level; deeper headings nest under the nearest shallower one.
  const open: OutlineNode[] = [];
  for (const entry of entries) {
    const node: OutlineNode = { entry, ref: context.nextRef(), children: [] };
    while (open.length > 0 && open.at(-1)!.entry.level >= entry.level) open.pop();
    const parent = entry.level > 2 ? open.at(-1) : undefined;
    if (parent) parent.children.push(node);
    else top.push(node);
    open.push(node);
  }
  const rootRef = context.nextRef();
  const writeLevel = (nodes: OutlineNode[], parent: PDFRef): number => {
    let count = 0;
    nodes.forEach((node, i) => {
      const { pageIndex, topPt, title } = node.entry;
      const dict: PDFDict = context.obj({
        Title: textString(title),
        Parent: parent,
        Dest: lineDestination(context, pageRefs[pageIndex]!, topPt, pageHeightPt),
      });
      if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1]!.ref);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1]!.ref);
      if (node.children.length > 0) {
        const open = writeLevel(node.children, node.ref);
        dict.set(PDFName.of('First'), node.children[0]!.ref);
        dict.set(PDFName.of('Last'), node.children.at(-1)!.ref);
        dict.set(PDFName.of('Count'), context.obj(open));
        count += open;
      }
      context.assign(node.ref, dict);
      count++;
    });
    return count;
  };
  const count = writeLevel(top, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: top[0]!.ref, Last: top.at(-1)!.ref, Count: count }),
  );
  return rootRef;
}
