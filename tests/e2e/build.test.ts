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
import { outputBaseName } from '../../src/build/output-name.js';
import { readCaseFile } from '../../src/case/read.js';
import type { Doc, Inline } from '../../src/doc/model.js';
import { loadProfile } from '../../src/profile/load.js';
import { renderDoc } from '../../src/render/index.js';
import { runCaptured } from '../helpers/cli.js';
import { pageCount, pdftotext, run } from '../helpers/pdf.js';
import {
  bulletsAlike,
  docxComparableText,
  docxText,
  exactWords,
  firstDifference,
  firstMissingInOrder,
  withBlockInOrder,
  withBlocksInOrder,
  words,
} from './readers.js';

const root = resolve(import.meta.dirname, '../..');
// Copies of ../shared/seeds (public memos of Linköping kommun), so the tests need nothing outside the repository.
const seeds = join(root, 'tests/fixtures/seeds');
const work = mkdtempSync(join(tmpdir(), 'skrivelse-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], cwd = root) => runCaptured(args, { cwd });

const seed001 = join(work, 'ut', 'SON-2020-281_arbetsinriktad-rehabilitering-och-stod-for');

/** Every example case with its Doc (for the furniture and the signatures) and the path of its outputs. */
function exampleCases(outDir: string): { file: string; doc: Doc; base: string }[] {
  const profile = loadProfile();
  return readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const c = readCaseFile(join(root, 'cases', file), profile).case!;
      return { file, doc: renderDoc(c, profile), base: join(outDir, outputBaseName(c)) };
    });
}

/** Starts `words` at the first place that reads `start`; undefined when it never does. */
function fromWords(words: readonly string[], start: readonly string[]): string[] | undefined {
  const at = words.findIndex((_, i) => start.every((w, k) => words[i + k] === w));
  return at === -1 ? undefined : words.slice(at);
}

const sorted = (w: readonly string[]) => [...w].sort();

/** A cell's text as printed (a footnote mark is its number). */
const plainInlines = (inlines: Inline[]) =>
  inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'noteRef' ? String(i.number) : ' ')).join('');

/**
 * Page 1's head in reading order, as the PDF tags it and as LibreOffice reads the DOCX's head table (cell
 * by cell): kommun, label, date, Dnr, sender lines, addressees.
 */
function headWords(doc: Doc): string[] {
  const f = doc.furniture;
  return exactWords(
    [f.municipality, f.label, f.date, ...f.dnrLines, ...f.senderLines, ...f.addressees].join(' '),
  );
}

/**
 * The PDF's text, page by page through pdftotext, from the first word: page 1's head, then the body. Page
 * 1's "1 (M)", its footer and later pages' short head and "N (M)" are taken off after checking that they
 * are there, word for word (in any order: pdftotext reads their columns as it finds them). The head's
 * columns stand side by side, which pdftotext reads as it finds them too: its words are checked to be the
 * head's and the page number's, in any order, and put in reading order.
 */
function pdfBodyWords(pdf: string, doc: Doc): string[] {
  const pages = pageCount(pdf);
  const f = doc.furniture;
  const body: string[] = [];
  for (let n = 1; n <= pages; n++) {
    let page = exactWords(pdftotext(pdf, n, { layout: true }));
    if (n === 1) {
      const fromTitle = fromWords(page, exactWords(doc.meta.title)) ?? [];
      const head = page.slice(0, page.length - fromTitle.length);
      const number = exactWords(`1 (${pages})`);
      expect(sorted(head), `${pdf} s. 1: sidhuvudet`).toEqual(sorted([...headWords(doc), ...number]));
      page = [...headWords(doc), ...fromTitle];
      const footer = exactWords(f.footer.flatMap((field) => [field.label, field.value]).join(' '));
      expect(sorted(page.slice(-footer.length)), `${pdf} s. 1: sidfoten`).toEqual(sorted(footer));
      page = page.slice(0, -footer.length);
    } else {
      const head = exactWords(`${f.shortHead.join(' ')} ${n} (${pages})`);
      expect(sorted(page.slice(0, head.length)), `${pdf} s. ${n}: sidhuvudet`).toEqual(sorted(head));
      page = page.slice(head.length);
    }
    body.push(...page);
  }
  return body;
}
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

  /**
   * Part 5 of issue 10: the two formats say the same thing, from the first word: the page-1 head is content
   * in both (tagged before the title in the PDF, a layout table opening the DOCX body). The head's columns
   * and joint signatures stand side by side in both; pdftotext reads their lines row by row, LibreOffice
   * cell by cell (the PDF's tags say cell by cell too), so those blocks are compared in one order.
   */
  it('every example case: the PDF (pdftotext) and the DOCX (LibreOffice) have the same words in the same order', () => {
    const cases = exampleCases(join(work, 'ut'));
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const { file, doc, base } of cases) {
      const signatures = doc.blocks.flatMap((b) =>
        b.type === 'signatures'
          ? b.signatures.flatMap((s) => exactWords([s.department, s.name, s.title ?? ''].join(' ')))
          : [],
      );
      const head = headWords(doc);
      // Page 1's number stands in the DOCX's head table after the label (in the PDF it is an artifact).
      const labelEnd = exactWords(`${doc.furniture.municipality} ${doc.furniture.label}`).length;
      // LibreOffice's text export computes its fields without laying out pages (PAGE is 0).
      const docxAll = exactWords(docxComparableText(`${base}.docx`));
      expect(docxAll.slice(labelEnd, labelEnd + 2).join(' '), `${file}: DOCX:ens sidnummer`).toMatch(
        /^\d+ \(\d+\)$/,
      );
      docxAll.splice(labelEnd, 2);
      // A table row's cells stand side by side: pdftotext reads their lines across the row, LibreOffice
      // cell by cell (as the PDF's tags do), so each row is compared in one order.
      const rows = doc.blocks.flatMap((b) =>
        b.type === 'table'
          ? [b.header, ...b.rows].map((cells) =>
              exactWords(cells.map((c) => plainInlines(c.inlines)).join(' ')),
            )
          : [],
      );
      const inOrder = (words: string[] | undefined) => (words ? withBlocksInOrder(words, rows) : undefined);
      // The notes: the PDF's endnotes close the memo; the DOCX's are Word footnotes (word/footnotes.xml),
      // which LibreOffice's text export leaves out. Both say the same, checked apart from the body.
      const notes = doc.blocks.flatMap((b) =>
        b.type === 'notes'
          ? b.notes.map((n) => exactWords(`${n.number} ${n.paragraphs.map(plainInlines).join(' ')}`))
          : [],
      );
      const pdfAll = pdfBodyWords(`${base}.pdf`, doc);
      const noteCount = notes.flat().length;
      if (noteCount > 0) {
        expect(pdfAll.slice(-noteCount), `${file}: PDF:ns fotnoter`).toEqual(notes.flat());
        pdfAll.splice(-noteCount);
        const footnotes = run('unzip', ['-p', `${base}.docx`, 'word/footnotes.xml']);
        const wordNotes = [...footnotes.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)]
          .filter((m) => Number(m[1]) > 0)
          .map((m) =>
            exactWords(
              `${m[1]} ${[...m[2]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')}`,
            ),
          );
        expect(wordNotes, `${file}: DOCX:ens fotnoter`).toEqual(notes);
      }
      const pdf = inOrder(withBlockInOrder(pdfAll, signatures));
      const docx = inOrder(withBlockInOrder(docxAll, signatures));
      expect(pdf, `${file}: PDF:ns underskrifter och tabeller`).toBeDefined();
      expect(docx, `${file}: DOCX:ens underskrifter och tabeller`).toBeDefined();
      expect(docx!.slice(0, head.length), file).toEqual(head);
      expect(firstDifference(bulletsAlike(pdf!), bulletsAlike(docx!)), file).toBeUndefined();
    }
  });

  it('the same characters: the PDF draws no-break spaces as U+00A0 and the hyphen-minus, never U+2011; the DOCX has U+00A0 and w:noBreakHyphen', () => {
    const joint = exampleCases(join(work, 'ut')).find((c) => c.file.startsWith('son-2024-112'))!;
    // qpdf decompresses the streams; the ToUnicode maps say which characters the drawn glyphs are.
    const qdf = join(work, 'joint-qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', `${joint.base}.pdf`, qdf]);
    const cmaps = [...readFileSync(qdf, 'latin1').matchAll(/beginbfchar([\s\S]*?)endbfchar/g)].map(
      (m) => m[1]!,
    );
    const targets = new Set(
      cmaps.flatMap((c) => [...c.matchAll(/<[0-9A-F]+>\s*<([0-9A-F]+)>/gi)].map((m) => m[1]!)),
    );
    expect(targets.has('00A0')).toBe(true);
    expect(targets.has('002D')).toBe(true);
    expect(targets.has('2011')).toBe(false);
    const xml = run('unzip', ['-p', `${joint.base}.docx`, 'word/document.xml']);
    expect(xml).toContain('<w:noBreakHyphen/>');
    expect(xml).not.toContain('\u2011');
    expect(xml).toContain('1\u00A0200\u00A0000\u00A0kr');
  });

  /**
   * The nested list in the library case's Bakgrund (three levels: bullets, numbers, bullets, and a
   * paragraph after the numbered list in its item), each format read by programs of its own.
   */
  describe('the nested list of the library case', () => {
    const kfn = () => exampleCases(join(work, 'ut')).find((c) => c.file.startsWith('kfn-2025-41'))!;
    const source = readFileSync(join(root, 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md'), 'utf8');
    const listMarkdown = source.slice(source.indexOf('\n- besöken'), source.indexOf('## Säkerhet'));
    /** The list's words as written, without the "-" markers (numbers such as "2." are words of both). */
    const expected = words(listMarkdown);

    it('is in the case, three levels deep', () => {
      expect(listMarkdown).toMatch(/^ {2}1\. /m);
      expect(listMarkdown).toMatch(/^ {5}- /m);
      expect(expected.length).toBeGreaterThan(40);
    });

    it('pdftotext and LibreOffice read every item, in order', () => {
      const { base } = kfn();
      expect(
        firstMissingInOrder(expected, words(pdftotext(`${base}.pdf`, undefined, { layout: true }))),
      ).toBeUndefined();
      expect(firstMissingInOrder(expected, words(docxText(`${base}.docx`)))).toBeUndefined();
    });

    it('pdfinfo -struct: an L in the LBody of an LI, three lists deep', () => {
      const tree = run('pdfinfo', ['-struct', `${kfn().base}.pdf`]).split('\n');
      const path: string[] = [];
      const nested: string[] = [];
      for (const line of tree) {
        const m = /^(\s*)(\w+) \(/.exec(line);
        if (!m) continue;
        path.length = m[1]!.length / 2;
        if (m[2] === 'L') nested.push([...path, 'L'].filter((r) => /^L/.test(r)).join('/'));
        path.push(m[2]!);
      }
      expect(nested).toContain('L/LI/LBody/L');
      expect(nested).toContain('L/LI/LBody/L/LI/LBody/L');
    });

    it('unzip -p word/document.xml: the inner items at w:ilvl 1 and 2', () => {
      const xml = run('unzip', ['-p', `${kfn().base}.docx`, 'word/document.xml']);
      const levelOf = (text: string) =>
        /<w:ilvl w:val="(\d)"\/>/.exec(
          xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(text)), xml.indexOf(text)),
        )?.[1];
      expect(levelOf('besöken har ökat med 18')).toBe('0');
      expect(levelOf('tidiga morgnar före skola')).toBe('1');
      expect(levelOf('söndagsbesöken')).toBe('2');
      expect(levelOf('lördagsförmiddagarna')).toBe('2');
      expect(levelOf('antalet incidenter')).toBe('0');
    });
  });

  it("the DOCX caches the PDF's page count in NUMPAGES, and 1 and 2 in the PAGE fields of page 1's head and the later header", () => {
    for (const { base } of exampleCases(join(work, 'ut'))) {
      const pages = pageCount(`${base}.pdf`);
      const headers = run('unzip', ['-p', `${base}.docx`, 'word/header*.xml', 'word/document.xml']);
      const cached = (instr: string) =>
        [
          ...headers.matchAll(
            new RegExp(`<w:fldSimple w:instr="${instr}"[^>]*>([\\s\\S]*?)</w:fldSimple>`, 'g'),
          ),
        ].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      expect(sorted(cached('NUMPAGES')), base).toEqual(sorted([String(pages), String(Math.max(2, pages))]));
      expect(sorted(cached('PAGE')), base).toEqual(['1', '2']);
    }
  });

  it('gives a DOCX whose body opens with the page-1 head in a table, which LibreOffice reads first', () => {
    const docx = `${seed001}.docx`;
    const document = execFileSync('unzip', ['-p', docx, 'word/document.xml']);
    const head = "//*[local-name()='body']/*[1][local-name()='tbl']//*[local-name()='t']/text()";
    const texts = execFileSync('xmllint', ['--xpath', head, '-'], { input: document, encoding: 'utf8' });
    const lines = [
      'Linköpings kommun',
      'TJÄNSTESKRIVELSE',
      '1 (3)',
      '2023-08-30',
      'Dnr SON 2020-281',
      'Social- och omsorgsförvaltningen',
      'John Fristedt',
      'Social- och omsorgsnämnden',
    ];
    expect(
      texts
        .split('\n')
        .filter((t) => t.trim() !== '')
        .join('')
        .replace(/(\d) \((\d)\)/, '$1 ($2)'),
    ).toBe(lines.join(''));
    const read = docxText(docx)
      .replace(/^\uFEFF/, '')
      .split('\n')
      .filter((l) => l.trim() !== '');
    // LibreOffice's text export computes its fields without laying out pages: PAGE is 0 and NUMPAGES a
    // guess (its PDF export says "1 (3)").
    expect(read.slice(0, lines.length)).toEqual(
      lines.map((l) => (l === '1 (3)' ? expect.stringMatching(/^0 \(\d+\)$/) : l)),
    );
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
