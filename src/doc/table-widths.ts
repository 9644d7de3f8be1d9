/**
 * Column widths of a table from its content, as automatic table layout does (CSS 2.1 17.5.2.2, the HTML
 * auto layout browsers share): each column has a minimum content width (its widest unbreakable word) and a
 * maximum content width (its widest cell set on one line), both with the cell padding. Pure arithmetic on
 * those widths, so the PDF and the DOCX backends size the columns alike; each measures with its own fonts.
 */

export interface ColumnContent {
  /** Widest unbreakable piece of the column's cells, padding included. */
  minPt: number;
  /** Widest cell of the column set without line breaks, padding included. */
  maxPt: number;
}

export interface TableWidths {
  widthsPt: number[];
  /** The minimum widths alone are wider than the space: some words are broken between characters. */
  overflow: boolean;
}

const EPSILON_PT = 1e-6;

/** Shares `extraPt` in proportion to `weights`; equally when every weight is zero. */
function share(extraPt: number, weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (total > 0 ? (extraPt * w) / total : extraPt / weights.length));
}

/**
 * Widths for the columns in `availablePt`. The table always takes the whole width, as the memo's other
 * blocks do: when every column fits on one line the space left over goes to the columns in proportion to
 * their maximum widths (so a wide column stays the widest); otherwise each column gets its minimum and
 * the rest is shared in proportion to how much more each would take (max − min), so the columns with the
 * most text wrap least. When even the minimums do not fit, the width is shared in proportion to them.
 */
export function tableColumnWidths(columns: readonly ColumnContent[], availablePt: number): TableWidths {
  if (columns.length === 0) return { widthsPt: [], overflow: false };
  const mins = columns.map((c) => Math.max(0, c.minPt));
  // A max below the min (rounding, or a caller's mistake) counts as the min.
  const maxes = columns.map((c, i) => Math.max(mins[i]!, c.maxPt));
  const sumMin = mins.reduce((sum, w) => sum + w, 0);
  const sumMax = maxes.reduce((sum, w) => sum + w, 0);
  if (sumMax <= availablePt + EPSILON_PT) {
    const extra = share(availablePt - sumMax, maxes);
    return { widthsPt: maxes.map((w, i) => w + extra[i]!), overflow: false };
  }
  if (sumMin <= availablePt + EPSILON_PT) {
    const extra = share(
      availablePt - sumMin,
      maxes.map((w, i) => w - mins[i]!),
    );
    return { widthsPt: mins.map((w, i) => w + extra[i]!), overflow: false };
  }
  return { widthsPt: share(availablePt, mins), overflow: true };
}
