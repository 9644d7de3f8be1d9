/**
 * Same Doc → same bytes: twice in one process, under a faked clock, and in a child process with
 * another time zone and locale. Also checks the zip itself (sorted entries, fixed dates, no folders).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import type { Doc } from '../../../src/doc/model.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';
import { figure, insatserTable } from './helpers/blocks.js';

/** Set in the child process this test starts; the child then only writes its bytes. */
const childOut = process.env.SKRIVELSE_DOCX_CHILD_OUT;

/**
 * The seed plus an external link, so the random relationship ids docx makes are exercised too, after a
 * figure (whose picture has empty attributes, name="") and with a table.
 */
function docWithLink(): Doc {
  const doc = seed001Doc();
  doc.blocks.push(figure('chart.png', 'Stapeldiagram'), insatserTable(), {
    type: 'paragraph',
    inlines: [{ type: 'text', text: 'Kommunens mål', href: 'https://www.linkoping.se/kommun-och-politik/' }],
  });
  return doc;
}

describe.runIf(childOut)('child process', () => {
  test('writes the DOCX', async () => {
    writeFileSync(childOut!, await renderDocx(docWithLink()));
  });
});

describe.skipIf(childOut)('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('twice in one process', async () => {
    const a = await renderDocx(docWithLink());
    const b = await renderDocx(docWithLink());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('the clock does not matter', async () => {
    const a = await renderDocx(docWithLink());
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-05T13:37:00Z'));
    const b = await renderDocx(docWithLink());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('in a child process with another TZ and LANG', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'skrivelse-docx-child-'));
    const out = join(outDir, 'child.docx');
    const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    execFileSync(process.execPath, [vitest, 'run', fileURLToPath(import.meta.url)], {
      cwd: join(dirname(fileURLToPath(import.meta.url)), '../../..'),
      env: {
        ...process.env,
        SKRIVELSE_DOCX_CHILD_OUT: out,
        TZ: 'Pacific/Kiritimati',
        LANG: 'de_DE.UTF-8',
        LC_ALL: 'de_DE.UTF-8',
      },
      stdio: 'pipe',
    });
    const here = await renderDocx(docWithLink());
    const child = readFileSync(out);
    rmSync(outDir, { recursive: true, force: true });
    expect(Buffer.from(child).equals(Buffer.from(here))).toBe(true);
  });

  test('parts formatted once per process (styles, theme) follow what each memo is built from', async () => {
    // The styles depend on the language, the lists (their numbering) and the text width; each variant
    // rendered after all the others must be the bytes a fresh module gives it as its first memo.
    const variants: Doc[] = [docWithLink(), docWithLink(), docWithLink(), docWithLink()];
    variants[1]!.meta.language = 'en-GB';
    variants[2]!.blocks = variants[2]!.blocks.filter((b) => b.type !== 'list');
    variants[3]!.page = { ...variants[3]!.page, marginsMm: { ...variants[3]!.page.marginsMm, left: 35 } };
    const warm: Buffer[] = [];
    for (const doc of variants) await renderDocx(doc);
    for (const doc of variants) warm.push(Buffer.from(await renderDocx(doc)));
    for (const [i, doc] of variants.entries()) {
      vi.resetModules();
      const fresh = await import('../../../src/backends/docx/index.js');
      const first = Buffer.from(await fresh.renderDocx(doc));
      expect(first.equals(warm[i]!), `variant ${i}`).toBe(true);
    }
    expect(new Set(warm.map((b) => b.toString('base64'))).size).toBe(variants.length);
  });

  test('the zip: sorted entries, no folders, all dated 1980-01-01, deflated', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(docWithLink()));
    const names = Object.keys(zip.files);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('[Content_Types].xml');
    for (const name of names) {
      const entry = zip.files[name]!;
      expect(entry.dir, name).toBe(false);
      expect(entry.date.toISOString(), name).toBe('1980-01-01T00:00:00.000Z');
    }
  });

  test('relationship ids are rId<n>, and every r:id in a part points at one of its relationships', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(docWithLink()));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      const rels = await zip.files[name]!.async('string');
      const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]!);
      for (const id of ids) expect(id, name).toMatch(/^rId\d+$/);
      expect(new Set(ids).size, name).toBe(ids.length);
      const source = name.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
      const sourceXml = await zip.files[source]?.async('string');
      for (const m of sourceXml?.matchAll(/\br:id="([^"]+)"/g) ?? [])
        expect(ids, `${source} → ${m[1]}`).toContain(m[1]);
    }
  });
});
