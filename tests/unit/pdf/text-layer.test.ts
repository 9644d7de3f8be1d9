/**
 * The text layer of one document must not depend on what the process rendered before: fontkit caches glyphs,
 * and a composite "Ä" embedded earlier once left a later bold "A" without a ToUnicode entry.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { docWith, heading, para, text } from '../../fixtures/pdf/docs.js';
import { pdftotext, tempPdf } from '../../helpers/pdf.js';

describe('text layer across documents in one process', () => {
  it('keeps every glyph extractable after another document used its composites', async () => {
    await renderPdf(
      docWith([heading('Ärende Åsa Ödmjukhet'), para(text('Ä Å Ö ä å ö é ü', { bold: true }))]),
    );
    const later = await renderPdf(
      docWith([heading('Arbetsinriktad Avtal'), para(text('Avsikt Avslag Ort Utfall', { bold: true }))]),
    );
    const extracted = pdftotext(tempPdf(later, 'later'));
    for (const word of ['Arbetsinriktad', 'Avtal', 'Avsikt', 'Avslag', 'Ort', 'Utfall'])
      expect(extracted).toContain(word);
  });
});
