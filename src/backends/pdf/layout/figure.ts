/**
 * Figures: an image alone in its paragraph, one Figure element with the image's text alternative, drawn as
 * one flow line (never split) at the text's left edge. The layout keeps one list of distinct images so the
 * writer embeds each once per document, however often it is shown.
 */
import { createHash } from 'node:crypto';
import { figureSizePt } from '../../../doc/figure-size.js';
import type { FigureBlock, ImageAsset } from '../../../doc/model.js';
import * as typo from '../../../doc/typography.js';
import type { FlowContext, FlowLine } from './lines.js';
import type { ImageItem } from './types.js';

/** The distinct images of a layout; the same bytes get the same index. */
export class ImageList {
  readonly images: ImageAsset[] = [];
  private readonly byHash = new Map<string, number>();
  add(image: ImageAsset): number {
    const key = `${image.format}:${createHash('sha256').update(image.bytes).digest('hex')}`;
    let index = this.byHash.get(key);
    if (index === undefined) {
      index = this.images.length;
      this.images.push(image);
      this.byHash.set(key, index);
    }
    return index;
  }
}

/** What figures need from the flow: the document's image list and the page bodies' heights. */
export interface FigureContext {
  images: ImageList;
  /** The body height of the first page and of every later page. */
  bodyHeightPt: { first: number; later: number };
  /** The block being laid out opens the body (nothing before it on the first page); set by flowBlocks. */
  opensBody?: boolean;
}

/**
 * The height a figure may have. Anywhere but at the very start it may go to the next page, so it must fit a
 * later page's body: pagination moves a figure that does not fit below the text before it to the next page,
 * where it then fits whole. A figure that opens the body stays on the first page, so it must fit there.
 */
export function figureMaxHeightPt(figures: FigureContext): number {
  const { first, later } = figures.bodyHeightPt;
  return figures.opensBody ? Math.min(first, later) : later;
}

/** The figure as one line of its own height, spaced by `typo.figure`. */
export function figureFlow(
  block: FigureBlock,
  ctx: FlowContext,
): { lines: FlowLine[]; spacing: { before: number; after: number }; keepNextLines: number } {
  const node = ctx.struct.add('Figure', ctx.parent);
  ctx.struct.nodes[node]!.alt = block.alt;
  const { widthPt, heightPt } = figureSizePt(block.image, ctx.widthPt, figureMaxHeightPt(ctx.figures));
  const item: ImageItem = {
    kind: 'image',
    xPt: ctx.leftPt,
    topPt: 0,
    widthPt,
    heightPt,
    image: ctx.figures.images.add(block.image),
    node,
  };
  return {
    lines: [{ heightPt, spaceBeforePt: 0, keepWithPrevious: false, items: [item], links: [] }],
    spacing: { before: typo.figure.beforePt, after: typo.figure.afterPt },
    keepNextLines: 0,
  };
}
