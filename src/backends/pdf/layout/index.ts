/**
 * Layout of a Doc: measure → break lines → flow → paginate → furniture. Produces positioned glyph runs, rules
 * and link areas per page plus the structure tree; nothing here writes PDF.
 */
import type { Doc } from '../../../doc/model.js';
import { PT_PER_MM } from '../../../doc/typography.js';
import { ImageList } from './figure.js';
import { flowBlocks } from './flow.js';
import {
  type Box,
  firstPageFooter,
  firstPageHead,
  headNodes,
  pageNumberText,
  shortHead,
} from './furniture.js';
import { movedDown, StructBuilder } from './lines.js';
import { paginate } from './paginate.js';
import type { LayoutResult, OutlineEntry, PageItem, PageLayout } from './types.js';

export type * from './types.js';

/**
 * A table of contents needs the pages of the headings after it: the Doc is laid out once with placeholder
 * numbers, then again with the pages the first layout found. The toc's lines do not depend on its numbers
 * (layout/toc.ts), so both layouts break the pages alike; that is checked, not assumed.
 */
export function layoutDoc(doc: Doc): LayoutResult {
  const first = layoutPass(doc);
  if (!doc.blocks.some((b) => b.type === 'toc')) return first;
  const second = layoutPass(doc, first.blockPositions);
  const same = (a: LayoutResult['blockPositions'][number], b: LayoutResult['blockPositions'][number]) =>
    a?.pageIndex === b?.pageIndex && a?.topPt === b?.topPt;
  if (
    second.pages.length !== first.pages.length ||
    second.blockPositions.some((p, i) => !same(p, first.blockPositions[i]))
  )
    throw new Error('Innehållsförteckningens sidnummer ändrade sidbrytningen (internt fel i PDF-layouten).');
  return second;
}

function layoutPass(doc: Doc, positions?: LayoutResult['blockPositions']): LayoutResult {
  const widthPt = doc.page.widthMm * PT_PER_MM;
  const heightPt = doc.page.heightMm * PT_PER_MM;
  const m = doc.page.marginsMm;
  const box: Box = {
    leftPt: m.left * PT_PER_MM,
    topPt: m.top * PT_PER_MM,
    rightPt: widthPt - m.right * PT_PER_MM,
    bottomPt: heightPt - m.bottom * PT_PER_MM,
  };
  const f = doc.furniture;
  // The first-page head is read first: its nodes precede the body's in the structure tree.
  const struct = new StructBuilder();
  const head = headNodes(f, struct);
  // The page number's width does not change the head's height, so the extents are known before the count.
  const firstHeadEdge = firstPageHead(f, box, pageNumberText(f.pageNumberFormat, 1, 1), head).edgePt;
  const laterHeadEdge = shortHead(f, box, pageNumberText(f.pageNumberFormat, 2, 2)).edgePt;
  const footer = firstPageFooter(f, box);

  const extent = (i: number) =>
    i === 0
      ? { topPt: firstHeadEdge, bottomPt: footer.edgePt }
      : { topPt: laterHeadEdge, bottomPt: box.bottomPt };
  const { lines, nodes, images } = flowBlocks(
    doc.blocks,
    box.leftPt,
    box.rightPt - box.leftPt,
    struct,
    {
      images: new ImageList(),
      bodyHeightPt: {
        first: extent(0).bottomPt - extent(0).topPt,
        later: extent(1).bottomPt - extent(1).topPt,
      },
    },
    positions,
    doc.bullets,
  );
  const placed = paginate(lines, extent);

  const count = placed.length;
  const outline: OutlineEntry[] = [];
  const blockPositions: LayoutResult['blockPositions'] = doc.blocks.map(() => undefined);
  const pages: PageLayout[] = placed.map((pageLines, pageIndex) => {
    const numberText = pageNumberText(f.pageNumberFormat, pageIndex + 1, count);
    const top = pageIndex === 0 ? firstPageHead(f, box, numberText, head) : shortHead(f, box, numberText);
    const items: PageItem[] = [...top.items];
    const page: PageLayout = { items, links: [] };
    for (const { line, topPt } of pageLines) {
      for (const item of line.items) items.push(movedDown(item, topPt));
      for (const link of line.links) page.links.push({ ...link, topPt: link.topPt + topPt });
      if (line.outline) outline.push({ ...line.outline, pageIndex, topPt });
      if (line.startsBlock !== undefined) blockPositions[line.startsBlock] = { pageIndex, topPt };
    }
    if (pageIndex === 0) items.push(...footer.items);
    return page;
  });

  const facesUsed = new Set(
    pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i.face] : []))),
  );
  return { widthPt, heightPt, pages, nodes, outline, facesUsed, images: images.images, blockPositions };
}
