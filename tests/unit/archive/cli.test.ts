/**
 * End to end through the CLI with the real pipeline (case reader → renderer → PDF backend → archive):
 * `skrivelse arkivera` and `skrivelse verifiera` on the reference case, checked with pdf.js, poppler
 * and qpdf.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchivalPdf } from '../../../src/archive/build.js';
import { openWithPdfJs } from '../../../src/archive/pdfjs.js';
import { preflightPdf } from '../../../src/archive/preflight.js';
import { readCaseFile } from '../../../src/case/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { runCaptured } from '../../helpers/cli.js';

const caseFile = resolve('cases/son-2020-281-arbetsinriktad-rehabilitering.md');

const cli = (args: string[], cwd = process.cwd()) => runCaptured(args, { cwd });

let work: string;
let arkiv: string;
let v001: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'skrivelse-arkivera-'));
  arkiv = join(work, 'arkiv');
  copyFileSync(caseFile, join(work, 'arende.md'));
  const result = await cli(['arkivera', 'arende.md', '--arkiv', 'arkiv'], work);
  expect(result, result.err).toMatchObject({ code: 0 });
  v001 = join(arkiv, 'SON-2020-281', 'representations', 'pdfa', 'data', 'SON-2020-281_v001.pdf');
});

describe('skrivelse arkivera', () => {
  it('stores v001 and reports it', async () => {
    expect(existsSync(v001)).toBe(true);
    const again = await cli(['arkivera', 'arende.md', '--arkiv', 'arkiv'], work);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Oförändrad');
    expect(readdirSync(dirname(v001)).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
  });

  it('passes preflight and qpdf, and pdf.js finds the structure and the exact case file', async () => {
    const bytes = new Uint8Array(readFileSync(v001));
    expect(await preflightPdf(bytes)).toEqual([]);
    expect(execFileSync('qpdf', ['--check', v001], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const doc = await openWithPdfJs(bytes);
    try {
      const tree = (await (await doc.getPage(1)).getStructTree()) as { children: unknown[] } | null;
      expect(tree?.children.length).toBeGreaterThan(0);
      const attachments = (await doc.getAttachments()) as Record<
        string,
        { filename: string; content: Uint8Array }
      >;
      const byName = Object.fromEntries(Object.values(attachments).map((a) => [a.filename, a.content]));
      expect(Buffer.from(byName['arende.md']!).equals(readFileSync(caseFile))).toBe(true);
      expect(Object.keys(byName)).toContain('linkoping.yaml');
    } finally {
      await doc.destroy();
    }
  });

  it('keeps the memo text in reading order for pdftotext', () => {
    const text = execFileSync('pdftotext', [v001, '-'], { encoding: 'utf8' });
    const marks = [
      'Förslag till social- och omsorgsnämndens beslut',
      'Ärende',
      'Sedan 2018 finns',
      'Bakgrund',
    ];
    const at = marks.map((m) => text.indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('builds byte-identical archival PDFs from the same case', async () => {
    const profile = loadProfile(undefined);
    const c = readCaseFile(caseFile, profile).case!;
    const bytes = new Uint8Array(readFileSync(caseFile));
    const [a, b] = [await buildArchivalPdf(c, profile, bytes), await buildArchivalPdf(c, profile, bytes)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('stores a changed case as v002 and leaves v001 untouched', async () => {
    const before = readFileSync(v001);
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-andrad-'));
    const text = readFileSync(caseFile, 'utf8').replace(
      '## Bakgrund',
      'Ett tillägg i ärendet.\n\n## Bakgrund',
    );
    writeFileSync(join(dir, 'arende.md'), text);
    const result = await cli(['arkivera', join(dir, 'arende.md'), '--arkiv', arkiv]);
    expect(result, result.err).toMatchObject({ code: 0 });
    expect(result.out).toContain('SON-2020-281_v002.pdf');
    expect(readFileSync(v001).equals(before)).toBe(true);
    expect((await cli(['verifiera', arkiv])).code).toBe(0);
  });

  it('archives every example case so that verifiera finds nothing', async () => {
    const all = mkdtempSync(join(tmpdir(), 'skrivelse-alla-'));
    const cases = readdirSync('cases').filter((f) => f.endsWith('.md'));
    for (const file of cases) {
      const result = await cli(['arkivera', join('cases', file), '--arkiv', all]);
      expect(result, `${file}: ${result.err}`).toMatchObject({ code: 0 });
    }
    const verified = await cli(['verifiera', all]);
    expect(verified.out).toContain(`inga problem i ${cases.length} filer`);
    expect(verified.code).toBe(0);
  });

  it('refuses an invalid case with diagnostics and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-ogiltig-'));
    writeFileSync(join(dir, 'fel.md'), '---\ndatum: igår\n---\n\n## Ärende\n\nText.\n');
    const result = await cli(['arkivera', 'fel.md', '--arkiv', 'arkiv'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('arkiverades inte');
    expect(existsSync(join(dir, 'arkiv'))).toBe(false);
  });
});

describe('skrivelse verifiera', () => {
  it('exits 0 for a good archive and 1 with rule id and clause for a damaged copy', async () => {
    expect(await cli(['verifiera', arkiv])).toMatchObject({ code: 0 });
    // A single PDF deep in representations/pdfa/data/ still finds the manifest four levels up.
    expect(await cli(['verifiera', v001])).toMatchObject({ code: 0 });
    const copy = mkdtempSync(join(tmpdir(), 'skrivelse-skadad-'));
    execFileSync('cp', ['-r', arkiv, copy]);
    const damaged = join(copy, 'arkiv', relative(arkiv, v001));
    const bytes = readFileSync(damaged);
    const at = bytes.indexOf('\n%') + 2;
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(damaged, bytes);
    const result = await cli(['verifiera', join(copy, 'arkiv')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('fel [archive-checksum] Kontrollsumman stämmer inte');
    expect(result.out).toContain('(arkivets manifest (SHA-256))');
    const single = await cli(['verifiera', damaged]);
    expect(single.code).toBe(1);
    expect(single.out).toContain('fel [archive-checksum]');
    const json = await cli(['verifiera', join(copy, 'arkiv'), '--format', 'json']);
    const report = JSON.parse(json.out) as { diagnostics: { rule: string; severity: string }[] };
    expect([...new Set(report.diagnostics.map((d) => d.rule))].sort()).toEqual([
      'archive-checksum',
      'archive-mets',
    ]);
  });

  it('exits 2 for a path that does not exist', async () => {
    expect((await cli(['verifiera', join(work, 'finns-inte')])).code).toBe(2);
  });
});
