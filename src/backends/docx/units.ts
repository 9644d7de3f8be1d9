/** Length conversions for WordprocessingML, which counts in twips (1/20 pt) and half-points. */

const twipsPerPt = 20;
const ptPerInch = 72;
const mmPerInch = 25.4;

/** Millimetres → twips (1/1440 inch), rounded to whole twips as OOXML wants. */
export function mmToTwip(mm: number): number {
  return Math.round((mm / mmPerInch) * ptPerInch * twipsPerPt);
}

/** Points → twips. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * twipsPerPt);
}

/** Points → half-points, the unit of font sizes (`w:sz`). */
export function ptToHalfPt(pt: number): number {
  return Math.round(pt * 2);
}

/** Points → eighths of a point, the unit of border widths (`w:sz` of a border); at least 2, as OOXML wants. */
export function ptToEighthPt(pt: number): number {
  return Math.max(2, Math.round(pt * 8));
}
