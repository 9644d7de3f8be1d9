/**
 * The build PDF is the copy the kommun publishes on the web (lagen 2018:1937), so it must be as accessible as
 * the archival copy: every PDF/UA rule of `verifiera`'s preflight holds, the XMP names the title and PDF/UA-1,
 * and the first-page head is read before the title in both. Read with qpdf, xmllint, pdf.js and poppler.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildArchivalPdf } from '../../../src/archive/build.js';
import { type PreflightContext, rules } from '../../../src/archive/preflight.js';
import { readXmpFromCatalog } from '../../../src/archive/xmp.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import type { Case } from '../../../src/case/model.js';
import { readCaseFile } from '../../../src/case/read.js';
import type { Doc } from '../../../src/doc/model.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';
import { openWithPdfjs, run, structText, tempPdf } from '../../helpers/pdf.js';

const casesDir = join(import.meta.dirname, '../../../cases');
const profile = loadProfile();

interface Example {
  name: string;
  c: Case;
  doc: Doc;
  bytes: Uint8Array;
  path: string;
}

/** The catalog's /Metadata stream as qpdf decodes it. */
function xmpOf(path: string): string {
  const trailer = run('qpdf', ['--show-object=trailer', path]);
  const root = /\/Root (\d+) 0 R/.exec(trailer)![1]!;
  const metadata = /\/Metadata (\d+) 0 R/.exec(run('qpdf', [`--show-object=${root}`, path]))?.[1];
  expect(metadata, 'katalogen saknar /Metadata').toBeDefined();
  return run('qpdf', [`--show-object=${metadata}`, '--filtered-stream-data', path]);
}

/** xmllint on a packet given on stdin: fails on XML that is not well-formed. */
const xmllint = (packet: string, args: string[]) =>
  execFileSync('xmllint', [...args, '-'], { input: packet, encoding: 'utf8' }).trim();

/** The head's elements: from the structure tree's start up to the title (H1), as poppler reads them. */
function beforeTitle(path: string): string[] {
  const elements = structText(path);
  return elements
    .slice(
      0,
      elements.findIndex((e) => e.role === 'H1'),
    )
    .map((e) => `${e.role}: ${e.text}`);
}

describe('the build PDF of every example case', () => {
  const examples: Example[] = [];
  const pdfuaRules = rules.filter((r) => r.id.startsWith('pdfua-'));

  beforeAll(async () => {
    for (const file of readdirSync(casesDir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const c = readCaseFile(join(casesDir, file), profile).case!;
      const doc = renderDoc(c, profile);
      const bytes = await renderPdf(doc);
      examples.push({ name: file, c, doc, bytes, path: tempPdf(bytes, file.replace(/\.md$/, '')) });
    }
  });

  test('the PDF/UA rules of the preflight are the ones verifiera checks', () => {
    expect(pdfuaRules.map((r) => r.id).sort()).toEqual([
      'pdfua-annotation-text',
      'pdfua-figure-alt',
      'pdfua-identification',
      'pdfua-lang',
      'pdfua-marked',
      'pdfua-role-map',
      'pdfua-struct-tree',
      'pdfua-tabs',
      'pdfua-tagged-content',
      'pdfua-title',
    ]);
  });

  test('passes every pdfua-* rule of the preflight', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const { name, bytes } of examples) {
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      const ctx: PreflightContext = { bytes, pdf, ...readXmpFromCatalog(pdf) };
      for (const rule of pdfuaRules) expect(await rule.check(ctx), `${name} ${rule.id}`).toEqual([]);
    }
  });

  test('qpdf + xmllint: a well-formed XMP packet with dc:title and pdfuaid:part 1, no PDF/A claim', () => {
    for (const { name, doc, path } of examples) {
      const packet = xmpOf(path);
      const xpath = (expression: string) => xmllint(packet, ['--xpath', expression]);
      expect(xmllint(packet, ['--noout']), name).toBe('');
      const dc = "namespace-uri()='http://purl.org/dc/elements/1.1/'";
      expect(xpath(`string(//*[local-name()='title' and ${dc}]//*[local-name()='li'])`), name).toBe(
        doc.meta.title,
      );
      const ua = "namespace-uri()='http://www.aiim.org/pdfua/ns/id/'";
      expect(xpath(`string(//*[local-name()='part' and ${ua}])`), name).toBe('1');
      expect(xpath("string(//*[local-name()='CreateDate'])"), name).toBe(`${doc.meta.date}T00:00:00Z`);
      // The build PDF is not PDF/A (no OutputIntent, no embedded source): it must not say it is.
      expect(packet, name).not.toContain('pdfaid');
    }
  });

  test('pdf.js reads the same title and the PDF/UA identification from the XMP', async () => {
    for (const { name, doc, bytes } of examples) {
      const pdf = await openWithPdfjs(bytes);
      const { metadata } = await pdf.getMetadata();
      expect(metadata?.get('dc:title'), name).toBe(doc.meta.title);
      expect(metadata?.get('pdfuaid:part'), name).toBe('1');
      await pdf.destroy();
    }
  });

  test('pdfinfo -struct-text: the head (date, Dnr, förvaltning, handläggare or authors, nämnd) comes before the title', () => {
    for (const { name, c, path } of examples) {
      const head = beforeTitle(path);
      expect(head.slice(0, 2), name).toEqual(['Document: ', 'Div: ']);
      const paragraphs = head.slice(2);
      const expected = [
        c.date,
        ...c.dnr.map((d) => `Dnr ${d}`),
        ...c.departments,
        // The handläggare, or a rapport's authors.
        ...(c.officer ? [c.officer.name] : c.authors.map((a) => a.name)),
        ...c.boards,
      ];
      let at = 0;
      for (const text of expected) {
        const found = paragraphs.findIndex((p, i) => i >= at && p.startsWith('P: ') && p.includes(text));
        expect(found, `${name}: ${text} i ${JSON.stringify(paragraphs)}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  test('the same case gives the same bytes', async () => {
    const [first] = examples;
    expect(Buffer.from(await renderPdf(renderDoc(first!.c, profile))).equals(Buffer.from(first!.bytes))).toBe(
      true,
    );
  });
});

describe('the archival PDF', () => {
  test('pdfinfo -struct-text: the head comes before the title there too, as in the build PDF', async () => {
    const file = join(casesDir, 'son-2024-112-bin-2024-87-tidiga-insatser.md');
    const caseBytes = new Uint8Array(readFileSync(file));
    const c = readCaseFile(file, profile).case!;
    const archival = tempPdf((await buildArchivalPdf(c, profile, caseBytes)).bytes, 'archival');
    const build = tempPdf(await renderPdf(renderDoc(c, profile)), 'build');
    const head = beforeTitle(archival);
    expect(head).toEqual(beforeTitle(build));
    for (const text of [
      '2024-10-15',
      'Dnr SON 2024-112',
      'Dnr BIN 2024-87',
      'Utbildningsförvaltningen',
      'Bildningsnämnden',
    ])
      expect(head).toContain(`P: ${text}`);
    expect(head.join('\n')).toContain('Karin Holm');
  });
});
