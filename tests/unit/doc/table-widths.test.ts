/** The automatic table layout arithmetic shared by the backends. */
import { describe, expect, test } from 'vitest';
import { tableColumnWidths } from '../../../src/doc/table-widths.js';

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('tableColumnWidths', () => {
  test('columns that fit unbroken get their max widths plus the rest in proportion to them', () => {
    const { widthsPt, overflow } = tableColumnWidths(
      [
        { minPt: 20, maxPt: 100 },
        { minPt: 10, maxPt: 50 },
      ],
      300,
    );
    expect(overflow).toBe(false);
    expect(widthsPt[0]).toBeCloseTo(200);
    expect(widthsPt[1]).toBeCloseTo(100);
  });

  test('exactly fitting max widths are kept as they are', () => {
    const { widthsPt } = tableColumnWidths(
      [
        { minPt: 5, maxPt: 40 },
        { minPt: 5, maxPt: 60 },
      ],
      100,
    );
    expect(widthsPt).toEqual([40, 60]);
  });

  test('columns that do not fit get their min and the rest shared by max − min', () => {
    const { widthsPt, overflow } = tableColumnWidths(
      [
        { minPt: 30, maxPt: 40 }, // wants 10 more
        { minPt: 20, maxPt: 320 }, // wants 300 more
        { minPt: 50, maxPt: 50 }, // wants nothing more
      ],
      255,
    );
    expect(overflow).toBe(false);
    // 255 − 100 = 155 shared 10 : 300 : 0.
    expect(widthsPt[0]).toBeCloseTo(30 + 5);
    expect(widthsPt[1]).toBeCloseTo(20 + 150);
    expect(widthsPt[2]).toBeCloseTo(50);
    expect(sum(widthsPt)).toBeCloseTo(255);
    // No column is narrower than its min.
    expect(widthsPt[0]).toBeGreaterThanOrEqual(30);
  });

  test('mins that do not fit overflow: the width is shared by the mins', () => {
    const { widthsPt, overflow } = tableColumnWidths(
      [
        { minPt: 100, maxPt: 200 },
        { minPt: 300, maxPt: 300 },
      ],
      200,
    );
    expect(overflow).toBe(true);
    expect(widthsPt[0]).toBeCloseTo(50);
    expect(widthsPt[1]).toBeCloseTo(150);
  });

  test('empty columns share the space equally; no columns, no widths', () => {
    expect(
      tableColumnWidths(
        [
          { minPt: 0, maxPt: 0 },
          { minPt: 0, maxPt: 0 },
        ],
        100,
      ).widthsPt,
    ).toEqual([50, 50]);
    expect(tableColumnWidths([], 100)).toEqual({ widthsPt: [], overflow: false });
  });
});
