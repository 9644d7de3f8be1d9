/**
 * Every kind of damage an auditor or an attacker tries, one row each, with the exact rule ids
 * `verifiera` must report, so that no damage passes as "inga problem".
 */

import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSources } from '../../../src/archive/build.js';
import { manifestName } from '../../../src/archive/manifest.js';
import { pendingName, storeArchivalPdf } from '../../../src/archive/store.js';
import { verifyPath } from '../../../src/archive/verify.js';
import { fixtureCaseText, fixtureSources, fixtureStoreRequest } from './tagged-pdf.js';

const work = mkdtempSync(join(tmpdir(), 'skrivelse-manipulerat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pkg = 'SON-2020-281';
const data = `${pkg}/representations/pdfa/data`;
const v1 = `${data}/${pkg}_v001.pdf`;
const v2 = `${data}/${pkg}_v002.pdf`;
let base: string;
let n = 0;

beforeAll(async () => {
  base = join(work, 'base');
  await storeArchivalPdf(await fixtureStoreRequest(base));
  await storeArchivalPdf(await fixtureStoreRequest(base, `${fixtureCaseText}\nÄndrad.\n`));
  // A second package, so that damage to one is not hidden by the other.
  await storeArchivalPdf({ ...(await fixtureStoreRequest(base)), dnr: ['KS 2024-1'] });
});

const rulesOf = async (target: string) =>
  [...new Set((await verifyPath(target)).findings.map((f) => f.rule))].sort();

function copy(): string {
  const dir = join(work, `a${++n}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Changes one byte of the binary comment on the second line: the PDF stays readable, its checksum does not. */
function flipByte(file: string): void {
  const bytes = readFileSync(file);
  bytes[11] = bytes[11]! ^ 1;
  writeFileSync(file, bytes);
}

const lines = (dir: string) => readFileSync(join(dir, manifestName), 'utf8').split('\n').filter(Boolean);
const setLines = (dir: string, l: string[]) =>
  writeFileSync(join(dir, manifestName), l.map((x) => `${x}\n`).join(''));

const tamperings: [string, (dir: string) => void, string[]][] = [
  ['nothing (control)', () => {}, []],
  [
    'empty manifest',
    (d) => writeFileSync(join(d, manifestName), ''),
    ['archive-manifest', 'archive-unlisted'],
  ],
  ['manifest deleted', (d) => rmSync(join(d, manifestName)), ['archive-manifest', 'archive-unlisted']],
  [
    'manifest cut in the middle of a line',
    (d) => truncateSync(join(d, manifestName), readFileSync(join(d, manifestName)).length - 40),
    ['archive-manifest', 'archive-unlisted'],
  ],
  [
    'manifest lost a line',
    (d) =>
      setLines(
        d,
        lines(d).filter((_, i) => i !== 1),
      ),
    ['archive-mets', 'archive-unlisted'],
  ],
  ['manifest line duplicated', (d) => setLines(d, [...lines(d), lines(d)[0]!]), ['archive-manifest']],
  ['manifest line {}', (d) => setLines(d, [...lines(d), '{}']), ['archive-manifest']],
  [
    'manifest line with a version number as text',
    (d) => setLines(d, [...lines(d), lines(d)[0]!.replace('"version":1', '"version":"1e+23"')]),
    ['archive-manifest'],
  ],
  [
    'manifest line pointing outside its package',
    (d) =>
      setLines(
        d,
        lines(d).map((l, i) => (i === 0 ? l.replace(v1, `KS-2024-1/${pkg}_v001.pdf`) : l)),
      ),
    ['archive-manifest', 'archive-unlisted', 'archive-mets'].sort(),
  ],
  [
    'unlisted file in a package',
    (d) => writeFileSync(join(d, data, 'extra.pdf'), '%PDF-1.7\n'),
    ['archive-unlisted'],
  ],
  ['unlisted file at the root', (d) => writeFileSync(join(d, 'anteckning.txt'), 'x'), ['archive-unlisted']],
  ['planted symlink', (d) => symlinkSync('/etc/passwd', join(d, data, 'länk.pdf')), ['archive-unlisted']],
  [
    'leftover temporary file',
    (d) => writeFileSync(join(d, data, `.${pkg}_v003.pdf.${'0'.repeat(32)}.tmp`), 'halv'),
    ['archive-unlisted'],
  ],
  [
    'interrupted store (pending record)',
    (d) => writeFileSync(join(d, pendingName), `${lines(d)[0]}\n`),
    ['archive-incomplete'],
  ],
  ['deleted version', (d) => rmSync(join(d, v2)), ['archive-missing']],
  [
    'FIFO in place of a version',
    (d) => {
      rmSync(join(d, v2));
      execFileSync('mkfifo', [join(d, v2)]);
    },
    ['archive-checksum', 'archive-mets', 'archive-unlisted'],
  ],
  [
    'FIFO in place of the manifest',
    (d) => {
      rmSync(join(d, manifestName));
      execFileSync('mkfifo', [join(d, manifestName)]);
    },
    ['archive-manifest', 'archive-unlisted'],
  ],
  [
    'renamed version',
    (d) => renameSync(join(d, v2), join(d, data, `${pkg}_v009.pdf`)),
    ['archive-missing', 'archive-unlisted'],
  ],
  [
    'truncated PDF',
    (d) => truncateSync(join(d, v1), 2000),
    ['archive-checksum', 'archive-mets', 'pdf-unreadable'],
  ],
  ['flipped byte in a PDF', (d) => flipByte(join(d, v1)), ['archive-checksum', 'archive-mets']],
  ['edited METS', (d) => appendFileSync(join(d, pkg, 'METS.xml'), '<!-- ändrad -->'), ['archive-mets']],
  [
    'edited PREMIS',
    (d) => appendFileSync(join(d, pkg, 'metadata/preservation/premis.xml'), ' '),
    ['archive-mets'],
  ],
  ['METS deleted', (d) => rmSync(join(d, pkg, 'METS.xml')), ['archive-mets']],
  [
    'package folder without manifest lines',
    (d) => {
      mkdirSync(join(d, 'KS-2099-9'));
      writeFileSync(join(d, 'KS-2099-9', 'METS.xml'), '<x/>');
    },
    ['archive-manifest', 'archive-unlisted'],
  ],
];

describe('verifiera on a damaged archive', () => {
  it.each(tamperings)('%s', async (_, tamper, expected) => {
    const dir = copy();
    tamper(dir);
    expect(await rulesOf(dir)).toEqual(expected);
  });

  it('names the manifest line of a bad line', async () => {
    const dir = copy();
    setLines(dir, [...lines(dir), '{}']);
    const finding = (await verifyPath(dir)).findings.find((f) => f.rule === 'archive-manifest');
    expect(finding).toMatchObject({ file: join(dir, manifestName), line: 4 });
  });
});

describe('verifiera on embedded sources', () => {
  it('reports an attachment that is not the one recorded under that name (swapped)', async () => {
    const dir = join(work, 'swapped');
    const req = await fixtureStoreRequest(dir);
    await storeArchivalPdf({ ...req, sources: manifestSources(fixtureSources('en annan ärendefil\n')) });
    expect(await rulesOf(dir)).toEqual(['archive-source-checksum']);
  });

  it('reports an attachment renamed to another case', async () => {
    const dir = join(work, 'renamed');
    const req = await fixtureStoreRequest(dir);
    const sources = req.sources.map((s, i) => (i === 0 ? { ...s, name: 'ks-2024-1-annat-ärende.md' } : s));
    await storeArchivalPdf({ ...req, sources });
    const findings = (await verifyPath(dir)).findings;
    expect([...new Set(findings.map((f) => f.rule))]).toEqual(['archive-source-checksum']);
    expect(findings.map((f) => f.message).join('\n')).toMatch(
      /ks-2024-1-annat-ärende\.md som manifestet registrerade är inte inbäddad/,
    );
  });

  it('stays within bounded memory on a compression bomb as attachment', async () => {
    const bytes = readFileSync(join(base, v1));
    const pdf = await PDFDocument.load(bytes);
    // 1 GiB of zeros deflates to about 1 MB; decoding it whole would need the full gigabyte.
    const chunk = deflateSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
    let swapped = 0;
    for (const [, obj] of pdf.context.enumerateIndirectObjects())
      if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of('Type'))?.toString() === '/EmbeddedFile') {
        (obj as unknown as { contents: Uint8Array }).contents = chunk;
        swapped++;
      }
    expect(swapped).toBeGreaterThan(0);
    const file = join(work, 'bomb.pdf');
    writeFileSync(file, await pdf.save({ useObjectStreams: false }));
    const before = process.memoryUsage().rss;
    const result = await verifyPath(file);
    const grown = process.memoryUsage().rss - before;
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/komprimeringsbomb/);
    expect(grown).toBeLessThan(120 * 1024 * 1024);
  });
});

describe('verifiera on one PDF', () => {
  it('finds the manifest through a symlinked path and reports a changed file', async () => {
    const dir = copy();
    flipByte(join(dir, v1));
    const link = join(work, `länk-${n}`);
    symlinkSync(dir, link);
    expect(await rulesOf(join(link, v1))).toEqual(['archive-checksum']);
  });

  it('says that a loose PDF was checked without a checksum', async () => {
    const loose = join(work, 'lös.pdf');
    cpSync(join(base, v1), loose);
    const result = await verifyPath(loose);
    expect(result.findings).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/ingen kontrollsumma att jämföra med/);
  });

  it('reports a PDF in an archive that its manifest does not list', async () => {
    const dir = copy();
    cpSync(join(dir, v1), join(dir, data, `${pkg}_v005.pdf`));
    expect(await rulesOf(join(dir, data, `${pkg}_v005.pdf`))).toEqual(['archive-unlisted']);
  });

  it('finds a PDF with no cross-reference table unreadable, not clean', async () => {
    const text = readFileSync(join(base, v1)).toString('latin1');
    const file = join(work, 'utan-xref.pdf');
    writeFileSync(file, Buffer.from(text.slice(0, text.lastIndexOf('xref')), 'latin1'));
    expect(await rulesOf(file)).toEqual(['pdf-unreadable']);
  });
});

describe('version numbers', () => {
  it('are parsed strictly: a stray file cannot turn v2 into v1e+23', async () => {
    const dir = copy();
    writeFileSync(join(dir, data, `${pkg}_v100000000000000000000000.pdf`), 'x');
    const next = await storeArchivalPdf(await fixtureStoreRequest(dir, `${fixtureCaseText}\nTredje.\n`));
    expect(next.entry.version).toBe(3);
    expect(await rulesOf(dir)).toEqual(['archive-unlisted']);
  });
});
