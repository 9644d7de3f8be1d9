/**
 * Tracked-changes DOCX: accepting every change (drop w:del, unwrap w:ins) must give exactly the new
 * version's text as the DOCX backend renders it, and rejecting every change the old version's text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { readCase } from '../../../src/case/read.js';
import { runCli } from '../../../src/cli/main.js';
import { paragraphText, trackedChangesDocx } from '../../../src/diff/docx.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';

const profile = loadProfile();
const oldFile = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const newFile = 'tests/fixtures/diff/tidiga-insatser-v2.md';
const caseOf = (file: string) => readCase(readFileSync(file), file, profile).case!;
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

const paragraphsOf = (xml: string) => xml.match(/<w:p\b[^>]*\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];

/** Word's "accept all": deleted paragraphs vanish, deleted runs go, inserted runs stay. */
function acceptAll(xml: string): string[] {
  return paragraphsOf(xml)
    .filter((p) => !/<w:rPr><w:del\b[^>]*\/>/.test(p))
    .map((p) =>
      paragraphText(
        p
          .replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '')
          .replace(/<w:ins\b[^>]*\/>/g, '')
          .replace(/<\/?w:ins\b[^>]*>/g, ''),
      ),
    );
}

/** Word's "reject all": inserted paragraphs vanish, inserted runs go, deleted runs come back. */
function rejectAll(xml: string): string[] {
  return paragraphsOf(xml)
    .filter((p) => !/<w:rPr><w:ins\b[^>]*\/>/.test(p))
    .map((p) =>
      paragraphText(
        p
          .replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '')
          .replace(/<w:del\b[^>]*\/>/g, '')
          .replace(/<\/?w:del\b[^>]*>/g, '')
          .replace(/<w:delText\b/g, '<w:t')
          .replace(/<\/w:delText>/g, '</w:t>'),
      ),
    );
}

describe('DOCX with tracked changes', async () => {
  const oldCase = caseOf(oldFile);
  const newCase = caseOf(newFile);
  const tracked = await trackedChangesDocx(oldCase, newCase, profile);
  const xml = await documentXml(tracked);
  const newTexts = paragraphsOf(await documentXml(await renderDocx(renderDoc(newCase, profile)))).map(
    paragraphText,
  );
  const oldTexts = paragraphsOf(await documentXml(await renderDocx(renderDoc(oldCase, profile)))).map(
    paragraphText,
  );

  it('accepting all changes gives exactly the new version', () => {
    expect(acceptAll(xml)).toEqual(newTexts);
  });

  it('rejecting all changes gives the old version', () => {
    expect(rejectAll(xml)).toEqual(oldTexts);
  });

  it('marks words, not whole paragraphs, in a reworded decision point', () => {
    const point = paragraphsOf(xml).find((p) =>
      paragraphText(p.replace(/<w:delText/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>')).includes(
        '1\u00A0300\u00A0000',
      ),
    )!;
    expect(point).toMatch(
      /<w:del [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText xml:space="preserve"> 1\u00A0200\u00A0000<\/w:delText>/,
    );
    expect(point).toMatch(
      /<w:ins [^>]*><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve"> 1\u00A0300\u00A0000<\/w:t>/,
    );
  });

  it("keeps Word's non-breaking hyphens in the dates of reworded paragraphs, never a U+2011 character", () => {
    const reworded = paragraphsOf(xml).filter(
      (p) => /<w:(ins|del) /.test(p) && /<w:noBreakHyphen\/>/.test(p),
    );
    expect(reworded.length).toBeGreaterThan(0);
    expect(xml).not.toContain('\u2011');
  });

  it('signs every revision with the handläggare and the new datum, with unique ids', () => {
    const revisions = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)].map((m) => m[2]!);
    expect(revisions.length).toBeGreaterThan(5);
    for (const attrs of revisions) {
      expect(attrs).toContain('w:author="Karin Holm"');
      expect(attrs).toContain('w:date="2024-10-22T00:00:00Z"');
    }
    const ids = [...xml.matchAll(/\bw:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is well-formed XML and byte-identical on a second run', async () => {
    writeFileSync(join(dir, 'document.xml'), xml);
    execFileSync('xmllint', ['--noout', join(dir, 'document.xml')]);
    expect(
      Buffer.from(await trackedChangesDocx(oldCase, newCase, profile)).equals(Buffer.from(tracked)),
    ).toBe(true);
  });

  it('passes Open XML SDK schema validation', async () => {
    for (const version of ['Office2007', 'Microsoft365'] as const) {
      const errors = await validate(tracked, 'docx', version);
      expect(errors, `${version}: ${JSON.stringify(errors).slice(0, 2000)}`).toHaveLength(0);
    }
  });

  it('has no tracked changes when nothing changed', async () => {
    const same = await documentXml(await trackedChangesDocx(oldCase, oldCase, profile));
    expect(same).not.toMatch(/<w:(ins|del)\b/);
  });

  it('is written by skrivelse diff --format docx --ut', async () => {
    const out = join(dir, 'ändringar.docx');
    const code = await runCli(['diff', oldFile, newFile, '--format', 'docx', '--ut', out], {
      out: () => {},
      err: () => {},
      env: {},
      cwd: process.cwd(),
      colorOut: false,
    });
    expect(code).toBe(1);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(tracked))).toBe(true);
  });
});

describe('DOCX with tracked changes between unrelated memos', () => {
  const pairs = [
    [
      'cases/son-2020-281-arbetsinriktad-rehabilitering.md',
      'cases/son-2024-112-bin-2024-87-tidiga-insatser.md',
    ],
    ['cases/kfn-2025-41-oppettider-stadsbiblioteket.md', 'cases/on-2017-612-tillaggsuppdrag-leanlink.md'],
  ] as const;
  for (const [from, to] of pairs) {
    it(`${from} → ${to}: accept gives the new, reject the old, and the schema holds`, async () => {
      const [a, b] = [caseOf(from), caseOf(to)];
      const tracked = await trackedChangesDocx(a, b, profile);
      const zip = await JSZip.loadAsync(tracked);
      const newZip = await JSZip.loadAsync(await renderDocx(renderDoc(b, profile)));
      const oldZip = await JSZip.loadAsync(await renderDocx(renderDoc(a, profile)));
      for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer2.xml']) {
        const xml = await zip.file(part)!.async('string');
        const newTexts = paragraphsOf(await newZip.file(part)!.async('string')).map(paragraphText);
        const oldTexts = paragraphsOf(await oldZip.file(part)!.async('string')).map(paragraphText);
        expect(acceptAll(xml), part).toEqual(newTexts);
        expect(rejectAll(xml), part).toEqual(oldTexts);
      }
      expect(await validate(tracked, 'docx', 'Office2007')).toHaveLength(0);
    });
  }
});
