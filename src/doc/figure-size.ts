/** The size an image is set at, the same in every backend (typography in typo.figure). */
import type { ImageAsset } from './model.js';
import * as typo from './typography.js';

const PT_PER_INCH = 72;

/**
 * The drawn size: the pixel size at `typo.figure.pxPerInch`, no wider than the column, then no taller than
 * `maxHeightMm` nor `bodyHeightPt` (the page body, where the backend knows it), the aspect ratio kept.
 */
export function figureSizePt(
  image: Pick<ImageAsset, 'widthPx' | 'heightPx'>,
  columnWidthPt: number,
  bodyHeightPt = Number.POSITIVE_INFINITY,
): { widthPt: number; heightPt: number } {
  const widthPx = Math.max(1, image.widthPx);
  const ratio = Math.max(1, image.heightPx) / widthPx;
  let widthPt = Math.min(columnWidthPt, (widthPx * PT_PER_INCH) / typo.figure.pxPerInch);
  let heightPt = widthPt * ratio;
  const maxHeightPt = Math.min(typo.figure.maxHeightMm * typo.PT_PER_MM, bodyHeightPt);
  if (heightPt > maxHeightPt) {
    heightPt = maxHeightPt;
    widthPt = heightPt / ratio;
  }
  return { widthPt, heightPt };
}
