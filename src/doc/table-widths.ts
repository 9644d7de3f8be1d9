/**
 * Column widths of a table by automatic table layout (CSS 2.1 §17.5.2.2, as browsers set a table of
 * `width: 100%`): each column has the narrowest width its content can take (its longest word) and the
 * width it takes unbroken. Both backends size their tables with it, so the PDF's and the DOCX's columns agree.
 */

export interface ColumnMeasure {
  /** Narrowest width without breaking a word: the widest word plus the cell's padding. */
  minPt: number;
  /** Width with no line broken: the widest cell text plus the padding. */
  maxPt: number;
}

export interface ColumnWidths {
  widthsPt: number[];
  /** Even the narrowest widths do not fit: the columns are at their minimum and wider than `availablePt`. */
  overflows: boolean;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Widths filling `availablePt`. When every column fits unbroken, the space is shared in proportion to the
 * unbroken widths; otherwise each column gets its minimum, and what is left goes to the columns in
 * proportion to how much more they would take unbroken (max − min).
 */
export function columnWidths(columns: readonly ColumnMeasure[], availablePt: number): ColumnWidths {
  if (columns.length === 0) return { widthsPt: [], overflows: false };
  const available = Math.max(0, availablePt);
  const min = columns.map((c) => Math.max(0, c.minPt));
  // A column is never narrower unbroken than its longest word.
  const max = columns.map((c, i) => Math.max(min[i]!, c.maxPt));
  const minSum = sum(min);
  const maxSum = sum(max);
  if (minSum > available) return { widthsPt: min, overflows: true };
  if (maxSum <= available) {
    // Empty columns (max 0 everywhere) share the width equally.
    if (maxSum === 0) return { widthsPt: columns.map(() => available / columns.length), overflows: false };
    return { widthsPt: max.map((m) => (m / maxSum) * available), overflows: false };
  }
  const spare = available - minSum;
  const stretch = maxSum - minSum;
  return {
    widthsPt: min.map((m, i) => m + (spare * (max[i]! - m)) / stretch),
    overflows: false,
  };
}
