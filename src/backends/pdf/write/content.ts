/**
 * Drawing one laid-out page: every body text run in its own marked-content sequence (tag = structure type,
 * MCID recorded in the structure tree), page furniture and rules as /Artifact. Text is shown with TJ so the
 * kerning the layout measured is the kerning drawn.
 */
import {
  PDFOperatorNames as Op,
  type PDFContext,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFOperator,
} from 'pdf-lib';
import { colours } from '../../../doc/typography.js';
import { type FontKey, faceOfFontKey, shapeWith, unitsPerEm } from '../fonts.js';
import type { ArtifactKind, ImageItem, PageItem, TextItem } from '../layout/types.js';
import type { StructureWriter } from './structure.js';

/** "0D4099" → RGB 0–1, three decimals. */
const rgb = (hex: string): number[] =>
  [0, 2, 4].map((at) => Math.round((Number.parseInt(hex.slice(at, at + 2), 16) / 255) * 1000) / 1000);
const LINK_RGB = rgb(colours.link);
const RULE_RGB = rgb(colours.rule);

const round = (value: number): number => Math.round(value * 1000) / 1000;

export interface PageFonts {
  font: (key: FontKey) => PDFFont;
  resourceName: (key: FontKey) => PDFName;
  /** The font a text item is drawn with (chosen once per item, when the fonts were embedded). */
  keyOf: (item: TextItem) => FontKey;
}

type OperatorArg = NonNullable<Parameters<typeof PDFOperator.of>[1]>[number];

/** pdf-lib's operand type omits dictionaries, but it serialises any PDF object operand. */
const operand = (object: PDFObject): OperatorArg => object as OperatorArg;

function beginMarked(tag: string, properties: PDFObject): PDFOperator {
  return PDFOperator.of(Op.BeginMarkedContentSequence, [PDFName.of(tag), operand(properties)]);
}

function beginArtifact(context: PDFContext, kind: ArtifactKind): PDFOperator {
  const properties =
    kind === 'layout'
      ? context.obj({ Type: 'Layout' })
      : kind === 'pagination'
        ? context.obj({ Type: 'Pagination' })
        : context.obj({ Type: 'Pagination', Subtype: kind === 'header' ? 'Header' : 'Footer' });
  return beginMarked('Artifact', properties);
}

/** Encoded text per document, so each piece is laid out for embedding once. */
export class GlyphEncoder {
  private readonly cache = new Map<string, PDFObject[]>();
  constructor(private readonly fonts: PageFonts) {}

  /**
   * TJ operands for the pieces: glyph strings with the kerning in between as adjustments. Each piece is
   * encoded whole (pdf-lib adds its glyphs to the subset) and its glyph codes split where the shaping kerned.
   */
  operands(font: FontKey, pieces: string[]): PDFObject[] {
    const result: PDFObject[] = [];
    const face = faceOfFontKey(font);
    for (const piece of pieces) {
      const key = `${font}\u0000${piece}`;
      let encoded = this.cache.get(key);
      if (!encoded) {
        encoded = [];
        const upm = unitsPerEm(face);
        const hex = this.fonts.font(font).encodeText(piece).asString();
        const hexPerGlyph = 4;
        let at = 0;
        for (const segment of shapeWith(font, piece).segments) {
          const end = at + segment.glyphCount * hexPerGlyph;
          encoded.push(PDFHexString.of(hex.slice(at, end)));
          at = end;
          if (segment.kernAfterUnits !== 0)
            encoded.push(PDFNumber.of(round((-segment.kernAfterUnits * 1000) / upm)));
        }
        this.cache.set(key, encoded);
      }
      result.push(...encoded);
    }
    return result;
  }
}

function textOperators(
  context: PDFContext,
  item: TextItem,
  encoder: GlyphEncoder,
  fonts: PageFonts,
  pageHeightPt: number,
) {
  const ops: PDFOperator[] = [];
  if (item.link)
    ops.push(
      PDFOperator.of(
        Op.NonStrokingColorRgb,
        LINK_RGB.map((c) => PDFNumber.of(c)),
      ),
    );
  const font = fonts.keyOf(item);
  ops.push(
    PDFOperator.of(Op.BeginText),
    PDFOperator.of(Op.SetFontAndSize, [fonts.resourceName(font), PDFNumber.of(item.sizePt)]),
    PDFOperator.of(
      Op.SetTextMatrix,
      [1, 0, 0, 1, round(item.xPt), round(pageHeightPt - item.baselinePt)].map((n) => PDFNumber.of(n)),
    ),
    PDFOperator.of(Op.ShowTextAdjusted, [operand(context.obj(encoder.operands(font, item.pieces)))]),
    PDFOperator.of(Op.EndText),
  );
  if (item.link) ops.push(PDFOperator.of(Op.NonStrokingColorGray, [PDFNumber.of(0)]));
  return ops;
}

/**
 * An image in its Figure's marked content: the unit square scaled onto the item's box. The Figure's /BBox is
 * that box in user space.
 */
function imageOperators(
  context: PDFContext,
  item: ImageItem,
  pageIndex: number,
  mcid: number,
  pageHeightPt: number,
  imageName: (index: number) => PDFName,
  structure: StructureWriter,
): PDFOperator[] {
  const [x, y, w, h] = [item.xPt, pageHeightPt - item.topPt - item.heightPt, item.widthPt, item.heightPt].map(
    round,
  ) as [number, number, number, number];
  structure.addContent(item.node, pageIndex, mcid);
  structure.setBBox(item.node, [x, y, round(x + w), round(y + h)]);
  return [
    beginMarked(structure.role(item.node), context.obj({ MCID: mcid })),
    PDFOperator.of(Op.PushGraphicsState),
    PDFOperator.of(
      Op.ConcatTransformationMatrix,
      [w, 0, 0, h, x, y].map((n) => PDFNumber.of(n)),
    ),
    PDFOperator.of(Op.DrawObject, [imageName(item.image)]),
    PDFOperator.of(Op.PopGraphicsState),
    PDFOperator.of(Op.EndMarkedContent),
  ];
}

/** Operators for one page's items; body text and images get MCIDs 0, 1, … in drawing order. */
export function pageOperators(
  context: PDFContext,
  items: PageItem[],
  pageIndex: number,
  pageHeightPt: number,
  encoder: GlyphEncoder,
  fonts: PageFonts,
  structure: StructureWriter,
  /** The page's resource name of image `index` of the layout. */
  imageName: (index: number) => PDFName,
): PDFOperator[] {
  const ops: PDFOperator[] = [];
  let mcid = 0;
  for (const item of items) {
    if (item.kind === 'image') {
      ops.push(...imageOperators(context, item, pageIndex, mcid, pageHeightPt, imageName, structure));
      mcid++;
      continue;
    }
    if (item.kind === 'rule') {
      const y = round(pageHeightPt - item.yPt);
      // Dots are dashes of length 0 with round caps, `pitchPt` apart, in their own graphics state.
      const dots = item.dotted
        ? [
            PDFOperator.of(Op.PushGraphicsState),
            PDFOperator.of(Op.SetLineCapStyle, [PDFNumber.of(1)]),
            PDFOperator.of(Op.SetLineDashPattern, [
              operand(context.obj([0, round(item.dotted.pitchPt)])),
              PDFNumber.of(0),
            ]),
          ]
        : [];
      ops.push(
        beginArtifact(context, item.artifact),
        ...dots,
        PDFOperator.of(
          Op.StrokingColorRgb,
          (item.link ? LINK_RGB : RULE_RGB).map((c) => PDFNumber.of(c)),
        ),
        PDFOperator.of(Op.SetLineWidth, [PDFNumber.of(round(item.thicknessPt))]),
        PDFOperator.of(Op.MoveTo, [PDFNumber.of(round(item.xPt)), PDFNumber.of(y)]),
        PDFOperator.of(Op.LineTo, [PDFNumber.of(round(item.xPt + item.widthPt)), PDFNumber.of(y)]),
        PDFOperator.of(Op.StrokePath),
        ...(item.dotted ? [PDFOperator.of(Op.PopGraphicsState)] : []),
        PDFOperator.of(Op.EndMarkedContent),
      );
      continue;
    }
    if (item.node === undefined) {
      ops.push(beginArtifact(context, item.artifact ?? 'layout'));
    } else {
      structure.addContent(item.node, pageIndex, mcid);
      ops.push(beginMarked(structure.role(item.node), context.obj({ MCID: mcid })));
      mcid++;
    }
    ops.push(
      ...textOperators(context, item, encoder, fonts, pageHeightPt),
      PDFOperator.of(Op.EndMarkedContent),
    );
  }
  return ops;
}
