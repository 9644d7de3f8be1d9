/**
 * The archival PDF as independent readers see it: qpdf (structure and objects), poppler (XMP, text),
 * pdf.js (structure tree, attachments), and our own preflight. Built from a small tagged fixture so
 * these tests do not depend on the PDF backend.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWithPdfJs } from '../../../src/archive/pdfjs.js';
import { preflightPdf } from '../../../src/archive/preflight.js';
import {
  buildArchivalFixture,
  fixtureBody,
  fixtureCaseText,
  fixtureHead,
  fixtureMeta,
  fixtureTitle,
} from './tagged-pdf.js';

let bytes: Uint8Array;
let file: string;

beforeAll(async () => {
  bytes = await buildArchivalFixture();
  file = join(mkdtempSync(join(tmpdir(), 'skrivelse-pdfa-')), 'arkiv.pdf');
  writeFileSync(file, bytes);
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('archival PDF', () => {
  it('passes our own preflight without findings', async () => {
    expect(await preflightPdf(bytes)).toEqual([]);
  });

  it('is byte-identical when built twice', async () => {
    expect(Buffer.from(await buildArchivalFixture()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is clean for qpdf --check', () => {
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });

  it('has the expected objects per qpdf --json', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', file])) as {
      qpdf: [
        unknown,
        Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>,
      ];
    };
    const objects = json.qpdf[1];
    const trailer = objects.trailer!.value!;
    expect(trailer['/ID']).toHaveLength(2);
    expect(trailer['/Encrypt']).toBeUndefined();
    const catalog = objects[`obj:${String(trailer['/Root'])}`]!.value!;
    for (const key of [
      '/Metadata',
      '/OutputIntents',
      '/StructTreeRoot',
      '/MarkInfo',
      '/Lang',
      '/AF',
      '/Names',
    ])
      expect(catalog, key).toHaveProperty([key]);
    expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
    expect(catalog['/ViewerPreferences']).toEqual({ '/DisplayDocTitle': true });
    const dicts = Object.values(objects).map((o) => o.value ?? o.stream?.dict ?? {});
    const intent = dicts.find((d) => d['/Type'] === '/OutputIntent');
    expect(intent?.['/S']).toBe('/GTS_PDFA1');
    const specs = dicts.filter((d) => d['/Type'] === '/Filespec');
    expect(specs.map((s) => s['/AFRelationship'])).toEqual(['/Source', '/Source']);
    const embedded = dicts.filter((d) => d['/Type'] === '/EmbeddedFile').map((d) => d['/Subtype']);
    expect(embedded.sort()).toEqual(['/application/yaml', '/text/markdown']);
    const metadata = dicts.find((d) => d['/Type'] === '/Metadata');
    expect(metadata?.['/Filter']).toBeUndefined();
    const pages = dicts.filter((d) => d['/Type'] === '/Page');
    expect(pages.every((p) => p['/Tabs'] === '/S')).toBe(true);
  });

  it('shows the XMP identification and case dates in pdfinfo', () => {
    const meta = run('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(meta).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(meta).toContain(`<rdf:li xml:lang="x-default">${fixtureTitle}</rdf:li>`);
    expect(meta).toContain('<xmp:CreateDate>2023-08-30T00:00:00Z</xmp:CreateDate>');
    const info = run('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/CreationDate:\s+2023-08-30T00:00:00Z?/);
    expect(info).toContain(`Title:           ${fixtureTitle}`);
    expect(info).toContain(`Producer:        ${fixtureMeta.producer}`);
  });

  it('has a well-formed XMP packet that pdf.js parses', async () => {
    execFileSync('xmllint', ['--noout', '-'], { input: run('pdfinfo', ['-meta', file]) });
    const doc = await openWithPdfJs(bytes);
    try {
      const { metadata } = await doc.getMetadata();
      expect(metadata?.get('dc:title')).toBe(fixtureTitle);
      expect(metadata?.get('pdfaid:part')).toBe('3');
      expect(metadata?.get('pdfuaid:part')).toBe('1');
    } finally {
      await doc.destroy();
    }
  });

  it('keeps the text in reading order for pdftotext', () => {
    const text = run('pdftotext', [file, '-']);
    const order = [fixtureHead, fixtureTitle, fixtureBody].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has a structure tree and byte-identical attachments for pdf.js', async () => {
    const doc = await openWithPdfJs(bytes);
    try {
      const tree = (await (await doc.getPage(1)).getStructTree()) as {
        children: { role: string; children: { role: string }[] }[];
      };
      expect(tree.children[0]?.role).toBe('Document');
      expect(tree.children[0]?.children.map((c) => c.role)).toEqual(['H1', 'P']);
      const attachments = (await doc.getAttachments()) as Record<
        string,
        { filename: string; content: Uint8Array }
      >;
      const md = Object.values(attachments).find((a) => a.filename.endsWith('.md'));
      expect(md).toBeDefined();
      expect(Buffer.from(md!.content).equals(Buffer.from(fixtureCaseText, 'utf8'))).toBe(true);
      expect((await doc.getMetadata()).info).toMatchObject({ Title: fixtureTitle, Language: 'sv-SE' });
    } finally {
      await doc.destroy();
    }
  });
});
