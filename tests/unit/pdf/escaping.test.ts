/**
 * Nothing in a Doc can add PDF syntax: whatever the link target, bookmark or metadata text, qpdf reads
 * a clean file whose only actions are the URI actions of allowed links, each with the target as written.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import type { Doc } from '../../../src/doc/model.js';
import { xmlChars } from '../../../src/util/xml.js';
import { docWith, heading, para, text } from '../../fixtures/pdf/docs.js';
import { expectOnlyLinks, hostileText, hostileUrl } from '../../helpers/hostile.js';
import { type PdfInspection, qpdfCheck, qpdfInspect, tempPdf } from '../../helpers/pdf.js';

function linkDoc(href: string, title = 'Provdokument'): Doc {
  const doc = docWith([
    heading(`Avsnitt ${title}`),
    para(text('Se '), text('länken', { href }), text(' här.')),
  ]);
  doc.meta = { ...doc.meta, title, subject: title, author: title, keywords: [title] };
  return doc;
}

async function inspect(doc: Doc): Promise<PdfInspection> {
  const path = tempPdf(await renderPdf(doc), 'escaping');
  const check = qpdfCheck(path);
  expect(check.status, check.output).toBe(0);
  expect(check.output).toContain('No syntax or stream encoding errors');
  expect(check.output).not.toMatch(/WARNING|error:/i);
  return qpdfInspect(path);
}

describe('link targets and text in PDF syntax', () => {
  test('arbitrary URLs and titles: clean for qpdf, only URI actions, the URI as written', async () => {
    await fc.assert(
      fc.asyncProperty(hostileUrl, hostileText(), async (href, title) => {
        const found = await inspect(linkDoc(href, title));
        expectOnlyLinks(found, [href]);
        expect(found.info.Title).toBe(xmlChars(title));
      }),
      { numRuns: 40 },
    );
  });

  test.each([
    'http://a/) >> /A << /S /Launch /F (calc.exe) >> (',
    'http://a/)/S/Launch/F(calc.exe',
    'https://a/\\) /S /JavaScript /JS (app.alert\\(1\\)) (',
    'https://a/\\',
    'mailto:x@y.se?subject=)>>/OpenAction<</S/JavaScript/JS(1)>>(',
    'https://exempel.se/sökväg med mellanslag/(parentes)',
  ])('crafted link %j stays one URI action', async (href) => {
    expectOnlyLinks(await inspect(linkDoc(href)), [href]);
  });

  test.each([
    'javascript:app.alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
    'bilaga.pdf',
    '#ärende',
  ])('%j is drawn as plain text, never as an action', async (href) => {
    const found = await inspect(linkDoc(href));
    expect(found.types).toEqual([]);
    expectOnlyLinks(found, []);
  });
});
