/** The package's ZIP writer (src/backends/docx/zip.ts), read back by JSZip and by unzip where installed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { crc32, deflateEntry, writeZip } from '../../../src/backends/docx/zip.js';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const text = (s: string) => new TextEncoder().encode(s);
const entries = (): [string, ReturnType<typeof deflateEntry>][] => [
  ['[Content_Types].xml', deflateEntry(text('<Types/>'))],
  ['word/document.xml', deflateEntry(text('<w:document>Åsa – §</w:document>'.repeat(50)))],
  ['word/empty.xml', deflateEntry(new Uint8Array(0))],
  ['word/fonts/font1.odttf', deflateEntry(Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251))],
];

describe('zip writer', () => {
  test('CRC-32 of the check string', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });

  test('JSZip reads back every entry, in order, dated 1980-01-01, the same bytes each time', async () => {
    const bytes = writeZip(entries());
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(writeZip(entries())))).toBe(0);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries().map(([p]) => p));
    for (const [path] of entries()) {
      expect(zip.files[path]!.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    }
    expect(await zip.files['word/document.xml']!.async('string')).toBe(
      '<w:document>Åsa – §</w:document>'.repeat(50),
    );
    expect((await zip.files['word/fonts/font1.odttf']!.async('uint8array')).length).toBe(5000);
  });

  test.runIf(hasUnzip)('unzip -t finds no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-zip-'));
    try {
      writeFileSync(join(dir, 'a.zip'), writeZip(entries()));
      expect(execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' })).toContain('No errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
