/**
 * Storing versions in an archive folder and verifying it: never overwrite, identical content is not
 * stored twice, manifest/METS/PREMIS stay consistent, and damage is reported with the exact rule id.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSources } from '../../../src/archive/build.js';
import { readManifest } from '../../../src/archive/manifest.js';
import { packageName, storeArchivalPdf } from '../../../src/archive/store.js';
import { verifyPath } from '../../../src/archive/verify.js';
import { fixtureCaseText, fixtureSources, fixtureStoreRequest } from './tagged-pdf.js';

const tempArchive = () => mkdtempSync(join(tmpdir(), 'skrivelse-arkiv-'));

const request = fixtureStoreRequest;

const ruleIds = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe('storeArchivalPdf', () => {
  it('names the package after the sanitised Dnr', () => {
    expect(packageName(['SON 2020-281'])).toBe('SON-2020-281');
    expect(packageName(['KS 2021/0012'])).toBe('KS-2021-0012');
  });

  it('stores v001, refuses a duplicate, adds v002 for a change and never touches v001', async () => {
    const arkiv = tempArchive();
    const first = await storeArchivalPdf(await request(arkiv));
    expect(first.status).toBe('stored');
    expect(first.entry.file).toBe('SON-2020-281/representations/pdfa/data/SON-2020-281_v001.pdf');
    const v001 = readFileSync(first.path);

    const again = await storeArchivalPdf(await request(arkiv));
    expect(again.status).toBe('unchanged');
    expect(again.entry.version).toBe(1);
    expect(readManifest(arkiv)).toHaveLength(1);

    const changed = await storeArchivalPdf(await request(arkiv, `${fixtureCaseText}\nEn ny mening.\n`));
    expect(changed.status).toBe('stored');
    expect(changed.entry.file).toBe('SON-2020-281/representations/pdfa/data/SON-2020-281_v002.pdf');
    expect(readFileSync(first.path).equals(v001)).toBe(true);
    expect(readdirSync(join(arkiv, 'SON-2020-281')).sort()).toEqual([
      'METS.xml',
      'metadata',
      'representations',
    ]);
    expect(readdirSync(join(arkiv, 'SON-2020-281', 'representations', 'pdfa', 'data')).sort()).toEqual([
      'SON-2020-281_v001.pdf',
      'SON-2020-281_v002.pdf',
    ]);
    expect(readdirSync(join(arkiv, 'SON-2020-281', 'metadata')).sort()).toEqual([
      'descriptive',
      'preservation',
    ]);

    const manifest = readManifest(arkiv);
    expect(manifest.map((e) => e.version)).toEqual([1, 2]);
    expect(manifest[0]).toMatchObject({ dnr: 'SON 2020-281', date: '2023-08-30', tool: 'skrivelse 0.1.0' });
    expect(manifest[0]!.sizeBytes).toBe(v001.length);
    expect(manifest[0]!.sources.map((s) => s.mimeType)).toEqual(['text/markdown', 'application/yaml']);

    expect(await verifyPath(arkiv)).toMatchObject({ findings: [] });
  });

  it('continues numbering after files found on disk even without manifest lines', async () => {
    const arkiv = tempArchive();
    const first = await storeArchivalPdf(await request(arkiv));
    copyFileSync(first.path, join(dirname(first.path), 'SON-2020-281_v007.pdf'));
    const next = await storeArchivalPdf(await request(arkiv, `${fixtureCaseText}\nÄndrad.\n`));
    expect(next.entry.version).toBe(8);
    // A PDF left in the package folder by the layout before CSIP counts too.
    copyFileSync(first.path, join(arkiv, 'SON-2020-281', 'SON-2020-281_v011.pdf'));
    const after = await storeArchivalPdf(await request(arkiv, `${fixtureCaseText}\nÄndrad igen.\n`));
    expect(after.entry.version).toBe(12);
    expect(
      readFileSync(first.path).equals(readFileSync(join(dirname(first.path), 'SON-2020-281_v007.pdf'))),
    ).toBe(true);
  });

  it('writes well-formed, deterministic METS and PREMIS that list every version with SHA-256', async () => {
    const [a, b] = [tempArchive(), tempArchive()];
    for (const arkiv of [a, b]) {
      await storeArchivalPdf(await request(arkiv));
      await storeArchivalPdf(await request(arkiv, `${fixtureCaseText}\nÄndrad.\n`));
    }
    const metsFile = join(a, 'SON-2020-281', 'METS.xml');
    const repMetsFile = join(a, 'SON-2020-281', 'representations', 'pdfa', 'METS.xml');
    const premisFile = join(a, 'SON-2020-281', 'metadata', 'preservation', 'premis.xml');
    execFileSync('xmllint', ['--noout', metsFile, repMetsFile, premisFile]);
    const count = (xpath: string, f: string) =>
      execFileSync('xmllint', ['--xpath', xpath, f], { encoding: 'utf8' }).trim();
    const sha256Files = "count(//*[local-name()='fileSec']//*[local-name()='file'][@CHECKSUMTYPE='SHA-256'])";
    expect(count(sha256Files, repMetsFile)).toBe('2');
    expect(count(sha256Files, metsFile)).toBe('1');
    expect(count("string(//*[local-name()='file'][2]/@ID)", repMetsFile)).toBe('file-v002');
    expect(count("count(//*[local-name()='object'])", premisFile)).toBe('2');
    const mets = readFileSync(metsFile, 'utf8');
    const repMets = readFileSync(repMetsFile, 'utf8');
    expect(mets).toContain('OBJID="SON-2020-281"');
    expect(mets).toContain('CREATEDATE="2023-08-30T00:00:00Z"');
    for (const entry of readManifest(a))
      expect(repMets).toContain(`CHECKSUM="${entry.sha256}" CHECKSUMTYPE="SHA-256"`);
    expect(mets).toContain('xlink:href="metadata/preservation/premis.xml" MDTYPE="PREMIS"');
    expect(mets).toContain('xlink:href="metadata/descriptive/dc.xml" MDTYPE="DC"');
    expect(mets).toContain('xlink:href="representations/pdfa/METS.xml"');
    expect(repMets).toContain('xlink:href="data/SON-2020-281_v002.pdf"');
    for (const f of [
      'METS.xml',
      'representations/pdfa/METS.xml',
      'metadata/descriptive/dc.xml',
      'metadata/preservation/premis.xml',
    ])
      expect(readFileSync(join(a, 'SON-2020-281', f))).toEqual(readFileSync(join(b, 'SON-2020-281', f)));
    const premis = readFileSync(premisFile, 'utf8');
    expect(premis.match(/<premis:eventType>creation<\/premis:eventType>/g)).toHaveLength(2);
    expect(premis).toContain('<premis:eventDateTime>2023-08-30T00:00:00Z</premis:eventDateTime>');
  });
});

describe('verifyPath', () => {
  it('reports a flipped byte as a checksum failure in manifest and METS', async () => {
    const arkiv = tempArchive();
    const { path } = await storeArchivalPdf(await request(arkiv));
    const bytes = readFileSync(path);
    // The binary comment on the header's second line: changing it leaves the PDF itself valid.
    const at = bytes.indexOf('\n%') + 2;
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(path, bytes);
    const result = await verifyPath(arkiv);
    expect(ruleIds(result.findings)).toEqual(['archive-checksum', 'archive-mets']);
    expect(ruleIds((await verifyPath(path)).findings)).toEqual(['archive-checksum']);
  });

  it('reports a missing PDF', async () => {
    const arkiv = tempArchive();
    const { path } = await storeArchivalPdf(await request(arkiv));
    writeFileSync(join(arkiv, 'kvar.txt'), '');
    execFileSync('rm', [path]);
    expect(ruleIds((await verifyPath(arkiv)).findings)).toEqual(['archive-missing', 'archive-unlisted']);
  });

  it('reports a manifest version that METS.xml does not list', async () => {
    const arkiv = tempArchive();
    await storeArchivalPdf(await request(arkiv));
    const metsFile = join(arkiv, 'SON-2020-281', 'representations', 'pdfa', 'METS.xml');
    const mets = readFileSync(metsFile, 'utf8');
    writeFileSync(metsFile, mets.replace(/ *<mets:file\b[\s\S]*?<\/mets:file>\n/, ''));
    const findings = (await verifyPath(arkiv)).findings;
    expect(findings.map((f) => f.message)).toContain('Versionen finns i manifestet men saknas i METS.xml.');
  });

  it('keeps a package from the layout before CSIP verifiable: old files stay, new ones go to data/', async () => {
    const arkiv = tempArchive();
    const first = await storeArchivalPdf(await request(arkiv));
    // Rebuild the old layout: the PDF directly in the package folder, the manifest pointing there.
    const oldFile = 'SON-2020-281/SON-2020-281_v001.pdf';
    renameSync(first.path, join(arkiv, oldFile));
    const manifestFile = join(arkiv, 'manifest.jsonl');
    writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(first.entry.file, oldFile));
    const next = await storeArchivalPdf(await request(arkiv, `${fixtureCaseText}\nÄndrad.\n`));
    expect(next.entry.file).toBe('SON-2020-281/representations/pdfa/data/SON-2020-281_v002.pdf');
    const mets = readFileSync(join(arkiv, 'SON-2020-281', 'METS.xml'), 'utf8');
    expect(mets).toContain('xlink:href="SON-2020-281_v001.pdf"');
    expect(await verifyPath(arkiv)).toMatchObject({ findings: [] });
    expect(await verifyPath(join(arkiv, oldFile))).toMatchObject({ findings: [] });
  });

  it('reports an embedded source that differs from the one in the manifest', async () => {
    const arkiv = tempArchive();
    const req = await request(arkiv);
    // A consistent PDF (its own MD5s are right) whose case file is not the one the manifest recorded.
    await storeArchivalPdf({ ...req, sources: manifestSources(fixtureSources('en annan ärendefil\n')) });
    const findings = (await verifyPath(arkiv)).findings;
    expect(ruleIds(findings)).toEqual(['archive-source-checksum']);
  });
});
