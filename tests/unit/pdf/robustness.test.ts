/** Odd but possible Docs still give a valid PDF: nothing throws, nothing loops, qpdf is satisfied. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { layoutDoc, renderPdf } from '../../../src/backends/pdf/index.js';
import type { Block, Doc } from '../../../src/doc/model.js';
import { paragraphItem } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { docWith, text } from '../../fixtures/pdf/docs.js';
import { pageCount, run, tempPdf } from '../../helpers/pdf.js';

describe('robustness', () => {
  test('a Doc without blocks or furniture gives one valid page', async () => {
    const base = seed001Doc();
    const doc: Doc = {
      ...base,
      meta: { ...base.meta, date: 'inte ett datum', keywords: [] },
      furniture: {
        municipality: '',
        label: '',
        senderLines: [],
        date: '',
        dnrLines: [],
        addressees: [],
        shortHead: [],
        footer: [],
        pageNumberFormat: '{n} ({m})',
      },
      blocks: [],
    };
    const path = tempPdf(await renderPdf(doc), 'empty');
    expect(pageCount(path)).toBe(1);
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  });

  test('characters the fonts lack, empty list items, line breaks and tiny margins do not break layout', async () => {
    const blocks: Block[] = [
      {
        type: 'paragraph',
        inlines: [text('中文 😀 och\ttabb'), { type: 'break' }, { type: 'break' }, text('\u00admjukt')],
      },
      {
        type: 'list',
        ordered: true,
        start: 0,
        items: [paragraphItem(), paragraphItem([], [text('andra')])],
      },
      { type: 'heading', level: 3, inlines: [] },
      { type: 'signatures', signatures: [] },
      { type: 'recipients', label: '', recipients: [] },
    ];
    const doc = docWith(blocks);
    const path = tempPdf(await renderPdf(doc), 'odd');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const narrow = {
      ...doc,
      page: { ...doc.page, marginsMm: { top: 140, right: 100, bottom: 140, left: 100 } },
    };
    expect(layoutDoc(narrow).pages.length).toBeGreaterThan(0);
  });

  test('random text never overflows the column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ text: fc.string({ maxLength: 80 }), bold: fc.boolean(), italic: fc.boolean() }),
          {
            maxLength: 8,
          },
        ),
        (runs) => {
          const doc = docWith([{ type: 'paragraph', inlines: runs.map((r) => text(r.text, r)) }]);
          const layout = layoutDoc(doc);
          const right = layout.widthPt - (doc.page.marginsMm.right * 72) / 25.4;
          for (const page of layout.pages) {
            for (const item of page.items) {
              if (item.kind === 'text') expect(item.xPt + item.widthPt).toBeLessThanOrEqual(right + 1e-6);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
