/**
 * Pagination: place flow lines on pages, breaking only where keep rules allow (heading with what follows,
 * no widows or orphans, blocks kept whole). A chain of kept lines taller than a page breaks where it must.
 */
import type { FlowLine } from './lines.js';

/** Vertical extent available to the body on a page (points from the top). */
export interface ColumnExtent {
  topPt: number;
  bottomPt: number;
}

export interface PlacedLine {
  line: FlowLine;
  topPt: number;
}

const EPSILON_PT = 1e-6;

export function paginate(lines: FlowLine[], extent: (pageIndex: number) => ColumnExtent): PlacedLine[][] {
  const pages: PlacedLine[][] = [];
  let page: PlacedLine[] = [];
  let pageStart = 0;
  let column = extent(0);
  let y = column.topPt;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const first = i === pageStart;
    // Repeated lines (a table's header row) go above the line that starts a page. A break taken back to
    // an earlier line never reaches them: it keeps at least the page's first line of its own.
    if (first && page.length === 0)
      for (const repeated of line.repeatAtTop ?? []) {
        page.push({ line: repeated, topPt: y });
        y += repeated.heightPt;
      }
    const gap = first ? 0 : line.spaceBeforePt;
    if (first || y + gap + line.heightPt <= column.bottomPt + EPSILON_PT) {
      page.push({ line, topPt: y + gap });
      y += gap + line.heightPt;
      i++;
      continue;
    }
    let breakAt = i;
    while (breakAt > pageStart && lines[breakAt]!.keepWithPrevious) breakAt--;
    if (breakAt === pageStart) breakAt = i;
    page.length -= i - breakAt;
    pages.push(page);
    page = [];
    pageStart = breakAt;
    i = breakAt;
    column = extent(pages.length);
    y = column.topPt;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
