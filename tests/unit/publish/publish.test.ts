/**
 * `skrivelse publicera`: the publication copy holds none of what is masked, in any byte of the PDF
 * (decompressed by qpdf), its text layer (pdftotext), the HTML source or link targets; the masking log
 * lies beside the folder and says where, what and why without revealing the text; the HTML passes axe-core
 * in Chromium and the PDF the preflight's PDF/UA rules; the memo itself is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { toString as nodeText } from 'mdast-util-to-string';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreflightContext, rules } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { findPersonnummer } from '../../../src/case/personnummer.js';
import { readCase } from '../../../src/case/read.js';
import type { Inline } from '../../../src/doc/model.js';
import { defaultProfilePath, loadProfile, parseProfile } from '../../../src/profile/load.js';
import { maskHash, maskText } from '../../../src/publish/index.js';
import { maskInlines } from '../../../src/publish/mask.js';
import { axeViolations, launchChromium } from '../../helpers/browser.js';
import { runCaptured } from '../../helpers/cli.js';
import { pdftotext } from '../../helpers/pdf.js';

const fixture = 'tests/fixtures/publish/sekretess.md';
const source = readFileSync(fixture, 'utf8');
const profile = loadProfile();

/** Every personnummer of the fixture as written, and their digits alone. */
const numbers = [
  '19660101-2229',
  '19800101-1231',
  '750615-9875',
  '0101015550',
  '194512243215',
  '660101+2229',
  '850371-2344',
  '19990403 4569',
  '198001011231',
];
const digitsOf = (n: string) => n.replace(/\D/g, '');
/** What must not be published: the secret section's words, its footnote, the marked words, the numbers. */
const secrets = [
  'HEMLIGKOD',
  '4711',
  'HEMLIGVAKT',
  'Larmkoden',
  'Privatsson',
  'Storgatan',
  ...numbers,
  ...numbers.map(digitsOf),
  ...numbers.map((n) => digitsOf(n).slice(-10)),
];

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-publicera-'));
const outDir = join(dir, 'publicering');
const logDir = join(dir, 'publicering-maskeringslogg');
let result: { code: number; out: string; err: string };
const fileIn = (folder: string, ext: string) =>
  join(folder, readdirSync(folder).find((f) => f.endsWith(ext))!);

beforeAll(async () => {
  result = await runCaptured(['publicera', join(process.cwd(), fixture), '--ut', outDir], { cwd: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ways a string can stand in PDF bytes: as is, as UTF-16BE hex (text strings), as a PDF literal. */
function encodings(s: string): string[] {
  const utf16 = Buffer.from(s, 'utf16le').swap16().toString('hex');
  return [s, utf16, utf16.toUpperCase()];
}

describe('skrivelse publicera', () => {
  it('writes a PDF and an HTML page, and the masking log beside (not in) the folder', () => {
    expect(result.code, result.err + result.out).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual([
      'KFN-2025-41_utokade-oppettider-pa-stadsbiblioteket-med.html',
      'KFN-2025-41_utokade-oppettider-pa-stadsbiblioteket-med.pdf',
    ]);
    // The folder holds only what may be published: the register of which case wrote which file is
    // kept with the logs (it names the case files).
    expect(readdirSync(logDir).sort()).toEqual([
      '.skrivelse-källor.json',
      'KFN-2025-41_utokade-oppettider-pa-stadsbiblioteket-med.maskering.json',
      'KFN-2025-41_utokade-oppettider-pa-stadsbiblioteket-med.maskering.txt',
    ]);
  });

  it('leaves no masked text in any byte of the decompressed PDF, nor in its text layer', () => {
    const pdf = fileIn(outDir, '.pdf');
    const qdf = join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
    const bytes = readFileSync(qdf).toString('latin1');
    const text = pdftotext(pdf).replace(/[\u00a0\u2011]/g, (c) => (c === '\u2011' ? '-' : ' '));
    for (const secret of secrets) {
      for (const form of encodings(secret)) expect(bytes.includes(form), `${secret} i PDF`).toBe(false);
      expect(text.includes(secret), `${secret} i texten`).toBe(false);
    }
    // No case file or any other file is embedded.
    expect(bytes).not.toMatch(/\/EmbeddedFile|\/Filespec/);
    // What is published instead.
    expect(text).toContain('[maskerat: uppgift om enskild]');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Uppgifterna i avsnittet omfattas av sekretess enligt 18 kap. 8 § offentlighets- och sekretesslagen (2009:400).',
    );
    // Every number but the one that stood only in a link's address.
    expect(text.match(/\[personnummer\s+maskerat\]/g)).toHaveLength(numbers.length - 1);
  });

  it('leaves no masked text in the HTML source, nor in a link target', () => {
    const html = readFileSync(fileIn(outDir, '.html'), 'utf8');
    for (const secret of secrets) expect(html.includes(secret), `${secret} i HTML`).toBe(false);
    expect(html).not.toContain('pnr=');
    expect(html).toContain('[maskerat: uppgift om enskild]');
  });

  it('logs each masked place (kind, section, line, ground, keyed hash) without the text', () => {
    const json = readFileSync(fileIn(logDir, '.maskering.json'), 'utf8');
    const log = JSON.parse(json) as {
      maskeringar: {
        typ: string;
        avsnitt?: string;
        rad: number;
        kolumn: number;
        grund: string;
        hash: string;
      }[];
    };
    for (const secret of secrets) expect(json.includes(secret), secret).toBe(false);
    const text = readFileSync(fileIn(logDir, '.maskering.txt'), 'utf8');
    for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
    expect(log.maskeringar.map((m) => m.typ).sort()).toEqual(
      ['avsnitt', 'markering', ...numbers.map(() => 'personnummer')].sort(),
    );
    const lines = source.split('\n');
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    const section = log.maskeringar.find((m) => m.typ === 'avsnitt')!;
    expect(section).toMatchObject({
      avsnitt: 'Skyddade uppgifter',
      rad: lineOf('Larmkoden'),
      grund: '18 kap. 8 § offentlighets- och sekretesslagen (2009:400)',
    });
    const mark = log.maskeringar.find((m) => m.typ === 'markering')!;
    expect(mark).toMatchObject({
      avsnitt: 'Synpunkter från allmänheten',
      rad: lineOf(':maskera['),
      grund: 'uppgift om enskild',
    });
    // The registrar, holding the case file, can show what the hash stands for.
    expect(mark.hash).toBe(maskHash(source, 'Anna Privatsson på Storgatan 3'));
    for (const n of numbers) {
      const entry = log.maskeringar.find((m) => m.typ === 'personnummer' && m.hash === maskHash(source, n));
      expect(entry, n).toBeDefined();
      expect(lines[entry!.rad - 1]!.slice(entry!.kolumn - 1)).toMatch(
        new RegExp(`^${n.replace('+', '\\+')}`),
      );
    }
    // The front matter's number is in the head, not in a section.
    expect(
      log.maskeringar.find((m) => m.hash === maskHash(source, '19660101-2229'))!.avsnitt,
    ).toBeUndefined();
  });

  it('the publication PDF passes every pdfua-* rule of the preflight', async () => {
    const bytes = readFileSync(fileIn(outDir, '.pdf'));
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const ctx: PreflightContext = { bytes, pdf, ...readXmpFromCatalog(pdf) };
    for (const rule of rules.filter((r) => r.id.startsWith('pdfua-')))
      expect(await rule.check(ctx), rule.id).toEqual([]);
  });

  it('does not change the memo: skapa still prints every word', async () => {
    const out = join(dir, 'skapa');
    const built = await runCaptured(['skapa', join(process.cwd(), fixture), '--ut', out, '--format', 'pdf'], {
      cwd: dir,
    });
    expect(built.code, built.err).toBe(0);
    const text = pdftotext(fileIn(out, '.pdf'));
    for (const word of ['HEMLIGKOD', 'Privatsson', '750615']) expect(text).toContain(word);
  });

  it('masks a personnummer in the rubrik: in the file names, the title, the XMP and the HTML head', async () => {
    const titled = join(dir, 'rubrik.md');
    writeFileSync(
      titled,
      source.replace('rubrik: Utökade öppettider', 'rubrik: Ansökan 19800101-1231 om utökade öppettider'),
    );
    const out = join(dir, 'publicering-rubrik');
    const run = await runCaptured(['publicera', titled, '--ut', out], { cwd: dir });
    expect(run.code, run.err).toBe(0);
    const names = readdirSync(out);
    expect(names.join(' ')).not.toMatch(/19800101|1231/);
    const qdf = join(dir, 'rubrik-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', fileIn(out, '.pdf'), qdf]);
    const bytes = readFileSync(qdf).toString('latin1');
    for (const form of [...encodings('19800101-1231'), ...encodings('8001011231')])
      expect(bytes.includes(form)).toBe(false);
    expect(bytes).toContain('personnummer maskerat');
    const html = readFileSync(fileIn(out, '.html'), 'utf8');
    expect(html).toMatch(/<title>Ansökan \[personnummer maskerat\] om/);
    expect(html).not.toContain('19800101');
  });

  it('refuses a log folder inside the publication folder (exit 2)', async () => {
    const refused = await runCaptured(
      ['publicera', join(process.cwd(), fixture), '--ut', outDir, '--logg', join(outDir, 'logg')],
      { cwd: dir },
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('får inte ligga i varandra');
  });
});

describe('the kommun’s own masking words (profile maskering:)', () => {
  const own = `${readFileSync(defaultProfilePath(), 'utf8')}
maskering:
  avsnitt: "Avsnittet är borttaget enligt {grund}."
  markering: "[uppgift borttagen, {grund}]"
  personnummer: "[pnr borttaget]"
`;

  it('prints them in the PDF and the HTML, and masks exactly what the defaults mask', async () => {
    const work = mkdtempSync(join(tmpdir(), 'skrivelse-maskord-'));
    writeFileSync(join(work, 'profil.yaml'), own);
    const r = await runCaptured(
      ['publicera', join(process.cwd(), fixture), '--ut', 'ut', '--profil', 'profil.yaml'],
      { cwd: work },
    );
    expect(r.code, r.out + r.err).toBe(0);
    const text = pdftotext(fileIn(join(work, 'ut'), '.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('[uppgift borttagen, uppgift om enskild]');
    expect(text).toContain('Avsnittet är borttaget enligt');
    expect(text).toContain('[pnr borttaget]');
    expect(text).not.toContain('[maskerat:');
    expect(text).not.toContain('[personnummer maskerat]');
    for (const secret of secrets) expect(text).not.toContain(secret);
    const html = readFileSync(fileIn(join(work, 'ut'), '.html'), 'utf8');
    expect(html).toContain('[uppgift borttagen, uppgift om enskild]');
    // The log records the same places as with the default words.
    const log = (folder: string) =>
      JSON.parse(readFileSync(fileIn(folder, '.maskering.json'), 'utf8')).maskeringar;
    expect(log(join(work, 'ut-maskeringslogg'))).toEqual(log(logDir));
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses an empty or unknown word, with its line', () => {
    expect(() => parseProfile(`${own.replace('"[pnr borttaget]"', '""')}`, 'p.yaml')).toThrow(/maskering/);
    expect(() => parseProfile(`${own}  sekretess: x\n`, 'p.yaml')).toThrow(/sekretess/);
  });
});

describe('the archive knows what may not be made public', () => {
  it('arkivera records the secret section, the mark and the personnummer as restrictions and dc:rights', async () => {
    const arkiv = join(dir, 'arkiv');
    const run = await runCaptured(['arkivera', join(process.cwd(), fixture), '--arkiv', arkiv], { cwd: dir });
    expect(run.code, run.err).toBe(0);
    const entry = JSON.parse(readFileSync(join(arkiv, 'manifest.jsonl'), 'utf8').trim()) as {
      restrictions: { kind: string; section?: string; ground: string }[];
    };
    expect(entry.restrictions).toContainEqual({
      kind: 'avsnitt',
      section: 'Skyddade uppgifter',
      ground: '18 kap. 8 § offentlighets- och sekretesslagen (2009:400)',
    });
    expect(entry.restrictions).toContainEqual({
      kind: 'markering',
      section: 'Synpunkter från allmänheten',
      ground: 'uppgift om enskild',
    });
    expect(entry.restrictions.filter((r) => r.kind === 'personnummer').map((r) => r.section)).toEqual([
      undefined,
      'Synpunkter från allmänheten',
    ]);
    const dc = readFileSync(join(arkiv, 'KFN-2025-41', 'metadata', 'descriptive', 'dc.xml'), 'utf8');
    expect(dc).toContain(
      '<dc:rights>Sekretess: avsnittet &quot;Skyddade uppgifter&quot; omfattas av sekretess enligt 18 kap. 8 § offentlighets- och sekretesslagen (2009:400).</dc:rights>',
    );
    for (const secret of secrets) expect(dc.includes(secret), secret).toBe(false);
    const verified = await runCaptured(['verifiera', arkiv], { cwd: dir });
    expect(verified.code, verified.out + verified.err).toBe(0);
  });

  it('a memo without such parts gets no restrictions', async () => {
    const arkiv = join(dir, 'arkiv-öppen');
    const open = join(process.cwd(), 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md');
    expect((await runCaptured(['arkivera', open, '--arkiv', arkiv], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(arkiv, 'manifest.jsonl'), 'utf8')).not.toContain('restrictions');
    expect(
      readFileSync(join(arkiv, 'KFN-2025-41', 'metadata', 'descriptive', 'dc.xml'), 'utf8'),
    ).not.toContain('dc:rights');
  });
});

describe('the publication HTML in Chromium', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium(join(dir, 'chromium'));
  });
  afterAll(async () => browser?.close());

  // axe-core: the accessibility engine the WCAG audits of public sites use; run in a real browser.
  it('has no axe-core violations (WCAG 2.1 A and AA) and makes no requests', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(fileIn(outDir, '.html')).href);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv-SE');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('[maskerat: uppgift om enskild]');
    expect(text).not.toContain('Privatsson');
  });
});

describe('personnummer masking', () => {
  const pnr = fc
    .record({
      year: fc.integer({ min: 1900, max: 2024 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      coordination: fc.boolean(),
      // Serial 000 is never issued (the library rightly refuses it).
      serial: fc.integer({ min: 1, max: 999 }),
      form: fc.constantFrom('short-', 'short', 'long-', 'long', 'long ', 'short+', 'short\u2011'),
    })
    .map(({ year, month, day, coordination, serial, form }) => {
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      const nine = `${pad(year % 100)}${pad(month)}${pad(coordination ? day + 60 : day)}${pad(serial, 3)}`;
      let sum = 0;
      for (let i = 0; i < 9; i++) {
        let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
        if (d > 9) d -= 9;
        sum += d;
      }
      const ten = `${nine}${(10 - (sum % 10)) % 10}`;
      const date = form.startsWith('long')
        ? `${pad(Math.floor(year / 100))}${ten.slice(0, 6)}`
        : ten.slice(0, 6);
      const separator = form.replace(/^(short|long)/, '');
      return `${date}${separator}${ten.slice(6)}`;
    });

  it('finds and masks a personnummer of any form inserted anywhere in random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), pnr, fc.string({ maxLength: 60 }), (before, n, after) => {
        // Text that glues digits or a hyphen to the number makes it another number; a space keeps it apart.
        const text = `${before} ${n} ${after}`;
        expect(findPersonnummer(text).map((f) => f.text)).toContain(n);
        const masked = maskText(text);
        expect(masked).not.toContain(n);
        expect(masked).toContain('[personnummer maskerat]');
      }),
      { numRuns: 300 },
    );
  });

  it('masks a number split over runs (bold, a link) and unlinks a link whose target holds one', () => {
    const inlines: Inline[] = [
      { type: 'text', text: 'Sökande ' },
      { type: 'text', text: '19800101', bold: true },
      { type: 'text', text: '-1231 har ', href: 'https://example.se/a' },
      { type: 'text', text: 'ansökt', href: 'https://example.se/?pnr=198001011231' },
    ];
    const masked = maskInlines(inlines);
    const text = masked.map((i) => (i.type === 'text' ? i.text : '')).join('');
    expect(text).toBe('Sökande [personnummer maskerat] har ansökt');
    expect(masked.some((i) => i.type === 'text' && i.href?.includes('pnr'))).toBe(false);
    expect(masked.some((i) => i.type === 'text' && i.href === 'https://example.se/a')).toBe(true);
  });
});

describe('check before publication', () => {
  const diagnosticsOf = (text: string) => readCase(Buffer.from(text), 'ärende.md', profile).diagnostics;

  it('warns of a personnummer outside any mark, with its position, and says it will be masked', () => {
    const warnings = diagnosticsOf(source).filter((d) => d.rule === 'personnummer');
    expect(warnings).toHaveLength(numbers.length);
    expect(warnings[0]).toMatchObject({ severity: 'varning', position: { line: 37, column: 13 } });
    expect(warnings[0]!.message).toContain('maskeras i publiceringsexemplaret');
  });

  it('does not warn of one inside a mark or a secret section', () => {
    const text = source
      .replace('Storgatan 3]', 'Storgatan 3, 19750615-9875]')
      .replace('HEMLIGKOD-4711', 'HEMLIGKOD-4711 (vakt 19990403-4569)');
    expect(diagnosticsOf(text).filter((d) => d.rule === 'personnummer')).toHaveLength(numbers.length);
  });

  it('refuses a mark without a ground or without words (fel, with position)', () => {
    const text = source
      .replace('{grund="uppgift om enskild"}', '')
      .replace('i januari', 'i :maskera[]{grund="x"} januari');
    const errors = diagnosticsOf(text).filter((d) => d.rule.startsWith('mask-'));
    expect(errors.map((d) => [d.rule, d.severity, d.position?.line])).toEqual([
      ['mask-empty', 'fel', 97],
      ['mask-ground', 'fel', 97],
    ]);
  });

  it('reads any other :name as the text it is (prose never becomes structure)', () => {
    const text = source.replace(
      'Förslaget har tagits fram',
      'Obs:Viktigt och kl. 10:30 :abc[x]{y}. Förslaget har tagits fram',
    );
    const read = readCase(Buffer.from(text), 'ärende.md', profile);
    expect(read.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    const samråd = read.case!.sections.find((s) => s.heading === 'Samråd')!;
    expect(samråd.nodes.map((n) => nodeText(n)).join('')).toContain('Obs:Viktigt och kl. 10:30 :abc[x]{y}.');
  });
});
