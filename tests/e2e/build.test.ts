/**
 * `skrivelse build` end to end on the example cases, read back with independent programs.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';
import { pageCount, pdftotext, run } from '../helpers/pdf.js';
import { docxText, firstMissingInOrder, words } from './readers.js';

const root = resolve(import.meta.dirname, '../..');
const seeds = join(root, '../shared/seeds');
const work = mkdtempSync(join(tmpdir(), 'skrivelse-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], cwd = root) => runCaptured(args, { cwd });

const seed001 = join(work, 'ut', 'SON-2020-281_arbetsinriktad-rehabilitering-och-stod-for');
const seed004 = join(work, 'ut', 'ON-2017-612_hantverkshuset-support-och-arbetsteamet-tillaggsuppdrag');

describe('skrivelse build cases/', () => {
  let first: { code: number; out: string; err: string };
  beforeAll(async () => {
    first = await cli(['build', 'cases/', '--ut', join(work, 'ut')]);
  });

  it('writes a PDF and a DOCX for every example case and nothing else', () => {
    expect(first.code, first.out + first.err).toBe(0);
    const cases = readdirSync(join(root, 'cases')).filter((f) => f.endsWith('.md'));
    const written = readdirSync(join(work, 'ut')).sort();
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(cases.length);
    expect(written.filter((f) => f.endsWith('.docx'))).toHaveLength(cases.length);
    expect(written.filter((f) => !/\.(pdf|docx)$/.test(f))).toEqual(['.skrivelse-källor.json']);
    expect(first.out).toMatch(/^skrev .*\.pdf$/m);
  });

  it('gives structurally sound PDFs (qpdf) with every page numbered "N (M)"', () => {
    for (const file of readdirSync(join(work, 'ut')).filter((f) => f.endsWith('.pdf'))) {
      const path = join(work, 'ut', file);
      expect(run('qpdf', ['--check', path])).toMatch(/No syntax or stream encoding errors found/);
      const pages = pageCount(path);
      for (let n = 1; n <= pages; n++) expect(pdftotext(path, n)).toContain(`${n} (${pages})`);
    }
  });

  it('renders seed 001 with every word of the published memo, in order, on 3–5 pages', () => {
    const seed = readFileSync(join(seeds, '001_5549019e20958809.txt'), 'utf8');
    const body = seed.slice(seed.indexOf('Arbetsinriktad rehabilitering'));
    const pdf = `${seed001}.pdf`;
    expect(firstMissingInOrder(words(body), words(pdftotext(pdf)))).toBeUndefined();
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pageCount(pdf)).toBeLessThanOrEqual(5);
    const page1 = pdftotext(pdf, 1);
    for (const head of [
      'Linköpings kommun',
      'TJÄNSTESKRIVELSE',
      'Social- och omsorgsförvaltningen',
      'John Fristedt',
      '2023-08-30',
      'Dnr SON 2020-281',
      'Social- och omsorgsnämnden',
    ]) {
      expect(page1).toContain(head);
    }
  });

  it('renders seed 004 with every word of the published memo in order (the MBL sentence is the profile’s)', () => {
    const seed = readFileSync(join(seeds, '004_7d2de44b0eda32fd.txt'), 'utf8').replace(
      /^MBL information.*$/m,
      '',
    );
    const pdf = `${seed004}.pdf`;
    expect(firstMissingInOrder(words(seed), words(pdftotext(pdf)))).toBeUndefined();
    expect(pdftotext(pdf)).toContain('Information enligt 19 § medbestämmandelagen har lämnats 2017-12-04.');
  });

  it('gives a DOCX that LibreOffice reads with the same words in the same order', () => {
    const seed = readFileSync(join(seeds, '001_5549019e20958809.txt'), 'utf8');
    const body = seed.slice(seed.indexOf('Arbetsinriktad rehabilitering'));
    expect(firstMissingInOrder(words(body), words(docxText(`${seed001}.docx`)))).toBeUndefined();
  });

  it('gives a DOCX whose body opens with the page-1 head in a table, which LibreOffice reads first', () => {
    const docx = `${seed001}.docx`;
    const document = execFileSync('unzip', ['-p', docx, 'word/document.xml']);
    const head = "//*[local-name()='body']/*[1][local-name()='tbl']//*[local-name()='t']/text()";
    const texts = execFileSync('xmllint', ['--xpath', head, '-'], { input: document, encoding: 'utf8' });
    const lines = [
      'Linköpings kommun',
      'TJÄNSTESKRIVELSE',
      '2023-08-30',
      'Dnr SON 2020-281',
      'Social- och omsorgsförvaltningen',
      'John Fristedt',
      'Social- och omsorgsnämnden',
    ];
    expect(texts.split('\n').filter((t) => t.trim() !== '')).toEqual(lines);
    const read = docxText(docx)
      .replace(/^\uFEFF/, '')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(read.slice(0, lines.length)).toEqual(lines);
    expect(read[lines.length]).toMatch(/^Arbetsinriktad rehabilitering och stöd/);
  });

  it('is byte-identical on a second run, and in another process with another TZ and LANG', async () => {
    const again = await cli(['build', 'cases/', '--ut', join(work, 'again')]);
    expect(again.code).toBe(0);
    execFileSync(
      process.execPath,
      [join(root, 'dist/cli/main.js'), 'build', 'cases/', '--ut', join(work, 'tz')],
      {
        cwd: root,
        env: { ...process.env, TZ: 'Pacific/Auckland', LANG: 'C', LC_ALL: 'C' },
      },
    );
    for (const file of readdirSync(join(work, 'ut')).filter((f) => /\.(pdf|docx)$/.test(f))) {
      const bytes = readFileSync(join(work, 'ut', file));
      expect(readFileSync(join(work, 'again', file)).equals(bytes), file).toBe(true);
      expect(readFileSync(join(work, 'tz', file)).equals(bytes), file).toBe(true);
    }
  });
});

describe('skrivelse build refuses', () => {
  it('an invalid case, with the same diagnostics as check and no file written', async () => {
    const dir = mkdtempSync(join(work, 'invalid-'));
    copyFileSync(join(root, 'tests/fixtures/case/dnr-mismatch.md'), join(dir, 'fel.md'));
    const build = await cli(['build', 'fel.md', '--ut', 'ut'], dir);
    const check = await cli(['check', 'fel.md'], dir);
    expect(build.code).toBe(1);
    expect(build.out).toContain('[dnr-format]');
    expect(build.out).toContain(check.out.trim());
    expect(readdirSync(join(dir, 'ut')).filter((f) => !f.startsWith('.skrivelse'))).toEqual([]);
  });

  it('to overwrite another case’s output, but rebuilds the same case in place', async () => {
    const dir = mkdtempSync(join(work, 'conflict-'));
    const source = readFileSync(join(root, 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md'), 'utf8');
    writeFileSync(join(dir, 'a.md'), source);
    writeFileSync(join(dir, 'b.md'), source.replace('Ahmed Yilmaz', 'Annan Handläggare'));
    expect((await cli(['build', 'a.md', '--ut', 'ut', '--format', 'pdf'], dir)).code).toBe(0);
    const pdf = readdirSync(join(dir, 'ut')).find((f) => f.endsWith('.pdf'))!;
    const before = readFileSync(join(dir, 'ut', pdf));
    const clash = await cli(['build', 'b.md', '--ut', 'ut', '--format', 'pdf'], dir);
    expect(clash.code).toBe(1);
    expect(clash.out).toContain('[output-conflict]');
    expect(clash.out).toContain('a.md');
    expect(readFileSync(join(dir, 'ut', pdf)).equals(before)).toBe(true);
    expect((await cli(['build', 'a.md', '--ut', 'ut', '--format', 'pdf'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'ut')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('nothing of "Dnr" doubled when the Dnr is written with its label', async () => {
    const dir = mkdtempSync(join(work, 'label-'));
    const source = readFileSync(join(root, 'cases/son-2020-281-arbetsinriktad-rehabilitering.md'), 'utf8');
    writeFileSync(join(dir, 'a.md'), source.replace('dnr: SON 2020-281', 'dnr: Dnr SON 2020-281'));
    expect((await cli(['build', 'a.md', '--ut', 'ut', '--format', 'pdf'], dir)).code).toBe(0);
    const [pdf] = readdirSync(join(dir, 'ut')).filter((f) => f.endsWith('.pdf'));
    expect(pdf).toBe('SON-2020-281_arbetsinriktad-rehabilitering-och-stod-for.pdf');
    const text = pdftotext(join(dir, 'ut', pdf!));
    expect(text).toContain('Dnr SON 2020-281');
    expect(text).not.toContain('Dnr Dnr');
  });

  it('unknown formats and missing paths as usage errors (exit 2)', async () => {
    const bad = await cli(['build', 'cases/', '--format', 'odt', '--ut', join(work, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Okänt format "odt"');
    const missing = await cli(['build', 'finns-inte.md', '--ut', join(work, 'x')]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(work, 'x', 'finns-inte.pdf'))).toBe(false);
  });
});
