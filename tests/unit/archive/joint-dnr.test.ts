/** A joint memo's archive records every Dnr (manifest `dnrs`, Dublin Core, PREMIS); old manifest lines still verify. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, readManifest } from '../../../src/archive/manifest.js';
import { storeArchivalPdf } from '../../../src/archive/store.js';
import { verifyPath } from '../../../src/archive/verify.js';
import { fixtureCaseText, fixtureStoreRequest } from './tagged-pdf.js';

const tempArchive = () => mkdtempSync(join(tmpdir(), 'skrivelse-arkiv-gemensam-'));

async function jointRequest(arkiv: string) {
  return { ...(await fixtureStoreRequest(arkiv)), dnr: ['SON 2024-112', 'BIN 2024-87'] };
}

const sha = 'a'.repeat(64);
/** A manifest line as skrivelse wrote it before `dnrs` existed (only the first Dnr). */
const oldLine = {
  dnr: 'SON 2024-112',
  package: 'SON-2024-112_BIN-2024-87',
  version: 1,
  file: 'SON-2024-112_BIN-2024-87/representations/pdfa/data/SON-2024-112_BIN-2024-87_v001.pdf',
  sha256: sha,
  sizeBytes: 10,
  date: '2024-10-15',
  tool: 'skrivelse 0.1.0',
  title: 'Gemensam modell',
  sources: [{ name: 'a.md', mimeType: 'text/markdown', sha256: sha, sizeBytes: 1 }],
};

describe('every Dnr of a joint memo in the archive', () => {
  it('the manifest line keeps the first Dnr in dnr and lists all in dnrs; Dublin Core and PREMIS name both', async () => {
    const arkiv = tempArchive();
    const stored = await storeArchivalPdf(await jointRequest(arkiv));
    expect(stored.entry.package).toBe('SON-2024-112_BIN-2024-87');
    const [entry] = readManifest(arkiv);
    expect(entry).toMatchObject({ dnr: 'SON 2024-112', dnrs: ['SON 2024-112', 'BIN 2024-87'] });
    const line = readFileSync(join(arkiv, 'manifest.jsonl'), 'utf8');
    expect(line).toContain('"dnr":"SON 2024-112","dnrs":["SON 2024-112","BIN 2024-87"],"package"');
    const dc = readFileSync(join(arkiv, entry!.package, 'metadata', 'descriptive', 'dc.xml'), 'utf8');
    expect([...dc.matchAll(/<dc:identifier>([^<]*)<\/dc:identifier>/g)].map((m) => m[1])).toEqual([
      'SON 2024-112',
      'BIN 2024-87',
    ]);
    const premis = readFileSync(
      join(arkiv, entry!.package, 'metadata', 'preservation', 'premis.xml'),
      'utf8',
    );
    expect(premis).toContain('version 1 av SON 2024-112, BIN 2024-87 skapat');
    expect(await verifyPath(arkiv)).toMatchObject({ findings: [] });
  });

  it('a single Dnr is recorded the same way, as a list of one', async () => {
    const arkiv = tempArchive();
    await storeArchivalPdf(await fixtureStoreRequest(arkiv));
    expect(readManifest(arkiv)[0]).toMatchObject({ dnr: 'SON 2020-281', dnrs: ['SON 2020-281'] });
  });

  it('an old-format line (no dnrs) is still a valid line', () => {
    const { entries, problems } = parseManifest(`${JSON.stringify(oldLine)}\n`);
    expect(problems).toEqual([]);
    expect(entries[0]).toEqual(oldLine);
  });

  it('an archive whose manifest was written in the old format still verifies, and takes a new version', async () => {
    const arkiv = tempArchive();
    await storeArchivalPdf(await fixtureStoreRequest(arkiv));
    const manifestFile = join(arkiv, 'manifest.jsonl');
    const written = readFileSync(manifestFile, 'utf8');
    const old = written.replace(',"dnrs":["SON 2020-281"]', '');
    expect(old).not.toBe(written);
    writeFileSync(manifestFile, old);
    expect(readManifest(arkiv)[0]!.dnrs).toBeUndefined();
    expect(await verifyPath(arkiv)).toMatchObject({ findings: [] });
    const dc = readFileSync(join(arkiv, 'SON-2020-281', 'metadata', 'descriptive', 'dc.xml'), 'utf8');
    expect(dc.match(/<dc:identifier>/g)).toHaveLength(1);
    const next = await storeArchivalPdf(await fixtureStoreRequest(arkiv, `${fixtureCaseText}\nÄndrad.\n`));
    expect(next.entry.version).toBe(2);
    const lines = readFileSync(manifestFile, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(old.trimEnd());
    expect(JSON.parse(lines[1]!).dnrs).toEqual(['SON 2020-281']);
    expect(await verifyPath(arkiv)).toMatchObject({ findings: [] });
  });

  it('verifiera reports a line whose dnrs do not start with its dnr, or is empty', async () => {
    const arkiv = tempArchive();
    await storeArchivalPdf(await jointRequest(arkiv));
    const manifestFile = join(arkiv, 'manifest.jsonl');
    const written = readFileSync(manifestFile, 'utf8');
    writeFileSync(
      manifestFile,
      written.replace('"dnrs":["SON 2024-112","BIN 2024-87"]', '"dnrs":["BIN 2024-87"]'),
    );
    const { findings } = await verifyPath(arkiv);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'archive-manifest', message: expect.stringContaining('fält: dnrs') }),
    );
    expect(parseManifest(`${JSON.stringify({ ...oldLine, dnrs: [] })}\n`).problems).toEqual([
      { line: 1, message: 'Raden följer inte manifestets format (fält: dnrs).' },
    ]);
  });
});
