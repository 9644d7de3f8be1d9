import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchivalPdf } from '../../../src/archive/build.js';
import { readCase } from '../../../src/case/read.js';
import { extractEmbeddedCase } from '../../../src/diff/embedded.js';
import { UsageError } from '../../../src/errors.js';
import { loadProfile } from '../../../src/profile/load.js';
import { runCaptured } from '../../helpers/cli.js';

const caseFile = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const original = readFileSync(caseFile, 'utf8');
const changed = original.replace('datum: 2024-10-09', 'datum: 2024-10-11');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF with attachments made by pdf-lib's own attach(), as an independent embedding. */
async function pdfWith(files: { name: string; text: string; mimeType: string }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  for (const f of files) await pdf.attach(Buffer.from(f.text, 'utf8'), f.name, { mimeType: f.mimeType });
  return pdf.save({ useObjectStreams: false });
}

const run = (args: string[]) => runCaptured(['diff', ...args], { cwd: dir });

describe('extractEmbeddedCase', () => {
  it('picks the text/markdown attachment among others', async () => {
    const bytes = await pdfWith([
      { name: 'linkoping.yaml', text: 'kommun: Linköping\n', mimeType: 'application/yaml' },
      { name: 'ärende.md', text: original, mimeType: 'text/markdown' },
    ]);
    const found = await extractEmbeddedCase(bytes);
    expect(found.name).toBe('ärende.md');
    expect(Buffer.from(found.bytes).toString('utf8')).toBe(original);
  });

  it('falls back to a .md name when the MIME type is missing', async () => {
    const bytes = await pdfWith([
      { name: 'skrivelse.md', text: 'hej', mimeType: 'application/octet-stream' },
    ]);
    expect(Buffer.from((await extractEmbeddedCase(bytes)).bytes).toString('utf8')).toBe('hej');
  });

  it('throws a Swedish UsageError when there is no case file or no PDF', async () => {
    const none = await pdfWith([{ name: 'bild.png', text: 'x', mimeType: 'image/png' }]);
    await expect(extractEmbeddedCase(none, 'a.pdf')).rejects.toThrow(
      'a.pdf innehåller ingen inbäddad ärendefil.',
    );
    await expect(extractEmbeddedCase(new Uint8Array([1, 2, 3]), 'b.pdf')).rejects.toBeInstanceOf(UsageError);
  });
});

describe('skrivelse diff on archived PDFs', () => {
  it('compares the case files embedded with pdf-lib attach()', async () => {
    writeFileSync(
      join(dir, 'v1.pdf'),
      await pdfWith([{ name: 'ärende.md', text: original, mimeType: 'text/markdown' }]),
    );
    writeFileSync(
      join(dir, 'v2.pdf'),
      await pdfWith([{ name: 'ärende.md', text: changed, mimeType: 'text/markdown' }]),
    );
    const r = await run(['v1.pdf', 'v2.pdf']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('--- v1.pdf (ärende.md)');
    expect(r.out).toContain('MBL (Utbildningsförvaltningen), datum: [-2024-10-09-] {+2024-10-11+}');
    expect((await run(['v1.pdf', 'v1.pdf'])).code).toBe(0);
  });

  it('compares two PDFs made by the archiver', async () => {
    const profile = loadProfile();
    const make = async (text: string, name: string) => {
      const read = readCase(text, caseFile, profile);
      expect(read.case).toBeDefined();
      const pdf = await buildArchivalPdf(read.case!, profile, Buffer.from(text, 'utf8'));
      writeFileSync(join(dir, name), pdf.bytes);
    };
    await make(original, 'arkiv-v1.pdf');
    await make(changed, 'arkiv-v2.pdf');
    const r = await run(['arkiv-v1.pdf', 'arkiv-v2.pdf']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 ändring i metadata.');
  });

  it('exits 2 for a PDF without an embedded case file', async () => {
    writeFileSync(join(dir, 'tom.pdf'), await pdfWith([]));
    const r = await run(['tom.pdf', 'v1.pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tom.pdf innehåller ingen inbäddad ärendefil.');
  });
});
