/**
 * Figures: the image inline in a paragraph of its own (style Bild), at the text's left edge as in the PDF,
 * with its alt text as the picture's description. Each figure's drawing id is its number in the
 * document, never docx's process-wide counter, so the same Doc gives the same bytes whatever was
 * rendered before it. The media part's name comes from docx's per-document count (word/media/image1.png, …).
 */
import { ImageRun, Paragraph } from 'docx';
import { figureSizePt } from '../../doc/figure-size.js';
import type { FigureBlock } from '../../doc/model.js';
import { StyleId } from './styles.js';

const emuPerPt = 12700;
/** docx takes an image's size in pixels at 96 to the inch (9525 EMU each). */
const emuPerDocxPx = 9525;

/** Points → EMU, as the drawing's extent is written (whole EMU, at least 1). */
export function ptToEmu(pt: number): number {
  return Math.max(1, Math.round(pt * emuPerPt));
}

export interface FigureOptions {
  textWidthTwip: number;
  /** The figure's number in the document, from 1: its drawing id and its name ("Bild 1"). */
  number: number;
  /** Space before in twips, where what precedes is a table that leaves none under it. */
  beforeTwip?: number;
  keepNext: boolean;
  /** Left indent (a figure in a block quote). */
  indentTwip?: number;
}

export function figureParagraph(b: FigureBlock, options: FigureOptions): Paragraph {
  const { widthPt, heightPt } = figureSizePt(b.image, options.textWidthTwip / 20);
  const alt = b.alt.trim();
  return new Paragraph({
    style: StyleId.figure,
    keepNext: options.keepNext || undefined,
    ...(options.indentTwip && { indent: { left: options.indentTwip } }),
    ...(options.beforeTwip !== undefined && { spacing: { before: options.beforeTwip } }),
    children: [
      new ImageRun({
        type: b.image.format === 'png' ? 'png' : 'jpg',
        data: b.image.bytes,
        // Fractional pixels, so the extent docx writes is the size in whole EMU.
        transformation: {
          width: ptToEmu(widthPt) / emuPerDocxPx,
          height: ptToEmu(heightPt) / emuPerDocxPx,
        },
        altText: {
          id: String(options.number),
          name: `Bild ${options.number}`,
          ...(alt !== '' && { description: alt }),
        },
      }),
    ],
  });
}
