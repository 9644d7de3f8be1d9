/**
 * The archival PDF and the package files hold any case file name and any rubrik without new syntax:
 * qpdf reads a clean PDF/A whose only actions are the case's URI links, the embedded file keeps its exact
 * name, and the XMP, METS, PREMIS and Dublin Core stay well-formed for xmllint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildArchivalPdf, manifestSources } from '../../../src/archive/build.js';
import { preflightPdf } from '../../../src/archive/preflight.js';
import { packageName, storeArchivalPdf } from '../../../src/archive/store.js';
import type { Case } from '../../../src/case/model.js';
import { readCaseFile } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { xmlChars } from '../../../src/util/xml.js';
import { expectOnlyLinks, hostileFileName, hostileText } from '../../helpers/hostile.js';
import { type PdfInspection, qpdfCheck, qpdfInspect, run, tempPdf } from '../../helpers/pdf.js';
import { fixture, fixtureBytes, linkoping } from '../case/helpers.js';

/** The allowed targets of crafted-links.md (PDF syntax inside) and the profile's link, as parsed. */
const craftedTargets = [
  'https://exempel.se/a) /S /Launch /F (calc.exe) (',
  'https://exempel.se/)/S/JavaScript/JS(app.alert(1))',
  'mailto:hemtjanst@linkoping.se?subject=Riktlinjer%20(2024)',
  'https://exempel.se/dela\\mapp\\',
  'https://www.linkoping.se/',
];

/** Title with everything XML and PDF strings have to escape, and characters XML 1.0 forbids. */
const nastyTitle = 'Riktlinjer \u0007 ]]> <b> & "citat" \'apostrof\' \\) (calc.exe) \uFFFE\uD800 slut';

/** xmllint's complaints about `xml` (empty when well-formed). */
function xmllintErrors(xml: string): string {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr || `xmllint: status ${result.status}`;
}

/** The title the PDF must carry: the Doc's (one line), without what XML forbids. */
const docTitle = (title: string) => xmlChars(renderDoc({ ...crafted, title }, linkoping).meta.title);

let crafted: Case;
let caseBytes: Uint8Array;

beforeAll(() => {
  const result = readCaseFile(fixture('crafted-links.md'), linkoping);
  expect(result.case, JSON.stringify(result.diagnostics)).toBeDefined();
  crafted = result.case!;
  caseBytes = fixtureBytes('crafted-links.md');
});

async function archive(
  fileName: string,
  title: string,
): Promise<{ found: PdfInspection; xmp: string; bytes: Uint8Array }> {
  const c: Case = { ...crafted, file: join('/ärenden', fileName), title };
  const { bytes } = await buildArchivalPdf(c, linkoping, caseBytes);
  const path = tempPdf(bytes, 'archival-escaping');
  const check = qpdfCheck(path);
  expect(check.status, check.output).toBe(0);
  expect(check.output).not.toMatch(/WARNING|error:/i);
  return { found: qpdfInspect(path), xmp: run('pdfinfo', ['-meta', path]), bytes };
}

describe('archival PDF with hostile case file names and rubriker', () => {
  test('arbitrary names and titles: clean for qpdf, only the URI links, exact /UF, well-formed XMP', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFileName, hostileText(30), async (name, title) => {
        const { found, xmp } = await archive(name, title);
        expectOnlyLinks(found, craftedTargets);
        const [caseSpec] = found.filespecs;
        expect(caseSpec?.UF).toBe(name);
        expect(caseSpec?.F).toMatch(/^[\x20-\x7e]+$/);
        expect(found.info.Title).toBe(docTitle(title));
        expect(xmllintErrors(xmp)).toBe('');
      }),
      { numRuns: 30 },
    );
  });

  // A file name cannot hold "/", so names cannot be written, but parentheses and backslashes can end strings.
  test.each([
    'a) >> (calc.exe.md',
    'slut\\',
    'x\\) >> << (app.alert(1)) (.md',
    'Ärende "2024" (utkast) \'v2\' ämne.md',
    '<script>&amp;]]>.md',
  ])('case file name %j is embedded under its exact name and adds no action', async (name) => {
    const { found, bytes } = await archive(name, crafted.title);
    expectOnlyLinks(found, craftedTargets);
    expect(found.filespecs.map((f) => f.UF)).toEqual([name, 'linkoping.yaml']);
    expect(await preflightPdf(bytes)).toEqual([]);
  });

  test('a rubrik with XML syntax and forbidden characters: Info equals XMP, both clean', async () => {
    const { found, xmp, bytes } = await archive('son-2024-17.md', nastyTitle);
    expect(xmllintErrors(xmp)).toBe('');
    expect(found.info.Title).toBe(docTitle(nastyTitle));
    expect(xmp).not.toMatch(/[\u0007\uFFFE]/);
    expect(await preflightPdf(bytes)).toEqual([]);
  });
});

describe('package XML (METS, PREMIS, Dublin Core) for the same rubrik', () => {
  test('is well-formed and keeps the rubrik as text', async () => {
    const arkiv = mkdtempSync(join(tmpdir(), 'skrivelse-escaping-'));
    const c: Case = { ...crafted, title: nastyTitle };
    const { bytes, sources } = await buildArchivalPdf(c, linkoping, caseBytes);
    await storeArchivalPdf({
      arkivDir: arkiv,
      dnr: c.dnr,
      title: nastyTitle,
      date: c.date,
      pdf: bytes,
      sources: manifestSources(sources),
      tool: 'skrivelse 0.1.0',
    });
    const packageDir = join(arkiv, packageName(c.dnr));
    const files = [
      'METS.xml',
      'representations/pdfa/METS.xml',
      'metadata/preservation/premis.xml',
      'metadata/descriptive/dc.xml',
    ].map((f) => join(packageDir, f));
    const lint = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const dcTitle = run('xmllint', [
      '--xpath',
      "string(//*[local-name()='title'])",
      join(packageDir, 'metadata/descriptive/dc.xml'),
    ]);
    expect(dcTitle).toBe(`${xmlChars(nastyTitle)}\n`);
    const label = run('xmllint', ['--xpath', 'string(/*/@LABEL)', join(packageDir, 'METS.xml')]);
    expect(label).toBe(`${xmlChars(nastyTitle)}\n`);
  });
});
