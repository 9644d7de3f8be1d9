/**
 * Speed of the PDF backend on the seed-001 memo (run: npx vitest bench bench/pdf.bench.ts --run).
 * Fonts are parsed once per process, so the first render is slower than the steady state measured here.
 */
import { bench, describe } from 'vitest';
import { buildPdfDocument, layoutDoc, renderPdf } from '../src/backends/pdf/index.js';
import { seed001Doc } from '../tests/fixtures/pdf/seed001-doc.js';

const doc = seed001Doc();
await renderPdf(doc);

describe('PDF, seed 001', () => {
  bench('layout only', () => {
    layoutDoc(doc);
  });
  bench('layout + draw + tag (not saved)', async () => {
    await buildPdfDocument(doc);
  });
  bench('renderPdf (complete bytes)', async () => {
    await renderPdf(doc);
  });
});
