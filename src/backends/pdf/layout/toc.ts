/**
 * The table of contents: its title as an H2, then a TOC element of one TOCI per entry, each holding a
 * Reference with a Link (PDF 1.7 14.8.4.3.2: a TOCI holds Lbl, Reference, NonStruct, P or TOC; a Link is
 * inline content of the Reference). The Link has the entry's text and its page number as content and one
 * link annotation per line (write: /Dest to the heading), so a screen reader reads "Inledning 3" as one
 * link. The dot leader is an artifact (a dotted rule), never text.
 *
 * The numbers have a column of their own (`typo.toc.numberColumnPt` wide), so the lines and their heights
 * do not depend on them: layout/index.ts lays the Doc out once with the entries' targets unknown, reads
 * where each heading landed, and lays it out again with them, and the pages come out the same.
 */
import type { TocBlock } from '../../../doc/model.js';
import * as typo from '../../../doc/typography.js';
import { textWidthPt } from '../fonts.js';
import { breakLines } from './break-lines.js';
import {
  baselineOffsetPt,
  type FlowContext,
  type FlowLine,
  keptTogether,
  paragraphLines,
  toFlowLine,
} from './lines.js';
import type { PageItem } from './types.js';

const ENTRY = typo.toc.entry;
const TITLE = typo.text.heading2;

/** What an entry's number says before the headings' pages are known; never drawn in the end. */
const PLACEHOLDER = '888';

/** Dots on a grid `pitchPt` apart from the text block's left edge, so they stand in columns. */
function leader(fromPt: number, toPt: number, originPt: number, baselinePt: number): PageItem[] {
  const { dotPt, dotPitchPt, dotGapPt } = typo.toc;
  const first = originPt + Math.ceil((fromPt + dotGapPt - originPt) / dotPitchPt) * dotPitchPt;
  const last = originPt + Math.floor((toPt - dotGapPt - originPt) / dotPitchPt) * dotPitchPt;
  if (typo.toc.leader === 'none' || last < first) return [];
  return [
    {
      kind: 'rule',
      xPt: first,
      // The dots sit on the baseline, as periods do.
      yPt: baselinePt - dotPt / 2,
      // Half a pitch past the last dot, so rounding never drops it; the next dot would be past the end.
      widthPt: last - first + dotPitchPt / 2,
      thicknessPt: dotPt,
      artifact: 'layout',
      dotted: { pitchPt: dotPitchPt },
    },
  ];
}

export function tocLines(block: TocBlock, ctx: FlowContext): FlowLine[] {
  const { struct } = ctx;
  const lines: FlowLine[] = [];
  if (block.title.trim() !== '')
    lines.push(
      ...keptTogether(
        paragraphLines(
          [{ type: 'text', text: block.title, bold: true }],
          { sizePt: TITLE.sizePt, leading: TITLE.lineHeight, bold: TITLE.bold },
          struct.add('H2', ctx.parent),
          ctx,
        ),
      ),
    );
  const entries = ctx.tocEntries?.(block) ?? [];
  if (entries.length === 0) return lines;
  const list = struct.add('TOC', ctx.parent);
  const { numberColumnPt } = typo.toc;
  const rightPt = ctx.leftPt + ctx.widthPt;
  entries.forEach((entry, i) => {
    const page = entry.target ? String(entry.target.pageIndex + 1) : PLACEHOLDER;
    const link = struct.add('Link', struct.add('Reference', struct.add('TOCI', list)));
    struct.nodes[link]!.text = `${entry.text}, sida ${page}`;
    const indentPt = (entry.level - 2) * typo.toc.levelIndentPt;
    const xPt = ctx.leftPt + indentPt;
    const broken = breakLines(
      [{ type: 'text', text: entry.text, face: 'regular', sizePt: ENTRY.sizePt, node: link }],
      Math.max(1, ctx.widthPt - indentPt - numberColumnPt),
    ).filter((l) => l.pieces.length > 0);
    const entryLines = broken.map((l) => toFlowLine(l, xPt, ENTRY.lineHeight));
    if (entryLines.length === 0)
      entryLines.push({
        heightPt: ENTRY.sizePt * ENTRY.lineHeight,
        spaceBeforePt: 0,
        keepWithPrevious: false,
        items: [],
        links: [],
      });
    const last = entryLines.at(-1)!;
    const baselinePt = baselineOffsetPt('regular', ENTRY.sizePt, last.heightPt);
    const numberWidthPt = textWidthPt('regular', page, ENTRY.sizePt);
    const textEndPt = xPt + (broken.at(-1)?.widthPt ?? 0);
    last.items.push(...leader(textEndPt, rightPt - numberWidthPt, ctx.leftPt, baselinePt), {
      kind: 'text',
      xPt: rightPt - numberWidthPt,
      baselinePt,
      face: 'regular',
      sizePt: ENTRY.sizePt,
      pieces: [page],
      widthPt: numberWidthPt,
      node: link,
    });
    // Each line of the entry is clickable from its text to the number.
    for (const line of entryLines)
      line.links.push({
        node: link,
        ...(entry.target && { dest: entry.target }),
        xPt,
        topPt: 0,
        widthPt: rightPt - xPt,
        heightPt: line.heightPt,
      });
    keptTogether(entryLines);
    const beforePt = entry.level === 2 ? typo.toc.sectionBeforePt : ENTRY.beforePt;
    entryLines[0]!.spaceBeforePt = Math.max(i === 0 ? TITLE.afterPt : ENTRY.afterPt, beforePt);
    // The title keeps with the first entry.
    if (i === 0 && lines.length > 0) entryLines[0]!.keepWithPrevious = true;
    lines.push(...entryLines);
  });
  return lines;
}
