import fontkit from '@pdf-lib/fontkit';
import { describe, expect, test, vi } from 'vitest';
import { shape, textWidthPt, unsupportedCharacters } from '../../../src/backends/pdf/fonts.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { overflowDoc } from '../../fixtures/pdf/docs.js';

describe('fonts', () => {
  test('Swedish letters, dashes, quotes, § € and no-break space are all covered', () => {
    expect(unsupportedCharacters('åäö ÅÄÖ é ü – — “ ” ’ § € a\u00a0b')).toEqual([]);
  });

  test('characters the fonts lack are reported with their offset', () => {
    expect(unsupportedCharacters('Beslut 中 och 😀.')).toEqual([
      { index: 7, char: '中' },
      { index: 13, char: '😀' },
    ]);
  });

  test('measurement includes kerning', () => {
    const kerned = textWidthPt('regular', 'To', 11);
    const unkerned = textWidthPt('regular', 'T', 11) + textWidthPt('regular', 'o', 11);
    expect(kerned).toBeLessThan(unkerned);
    expect(shape('regular', 'To').segments.map((s) => s.text)).toEqual(['T', 'o']);
  });

  test('bold is wider than regular', () => {
    expect(textWidthPt('bold', 'Ärende', 11)).toBeGreaterThan(textWidthPt('regular', 'Ärende', 11));
  });
});

describe('font loading', () => {
  test('fonts are parsed once per process, not per document', async () => {
    await renderPdf(seed001Doc());
    const create = vi.spyOn(fontkit, 'create');
    await renderPdf(seed001Doc());
    await renderPdf(overflowDoc());
    expect(create).not.toHaveBeenCalled();
    create.mockRestore();
  });
});
