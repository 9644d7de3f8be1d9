/**
 * The example rapport end to end: built, its TOC's pages checked with pdftotext; archived as a Rapport
 * (manifest, METS, Dublin Core) and verified; refused for the archive without Dnr or date.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';
import { pageCount, pdftotext } from '../../helpers/pdf.js';

const rapport = resolve('cases/kfn-2026-12-rapport-meroppet-forsta-aret.md');

describe('arkivera a rapport', () => {
  it('records it as a Rapport and verifiera finds nothing wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-rapport-arkiv-'));
    const stored = await runCaptured(['arkivera', rapport, '--arkiv', 'arkiv'], { cwd: dir });
    expect(stored.code, stored.err).toBe(0);
    const manifest = readFileSync(join(dir, 'arkiv', 'manifest.jsonl'), 'utf8');
    expect(JSON.parse(manifest.trim())).toMatchObject({ type: 'Rapport', dnr: 'KFN 2026-12' });
    const pkg = join(dir, 'arkiv', 'KFN-2026-12');
    expect(readFileSync(join(pkg, 'metadata', 'descriptive', 'dc.xml'), 'utf8')).toContain(
      '<dc:type>Rapport</dc:type>',
    );
    expect(readFileSync(join(pkg, 'METS.xml'), 'utf8')).toContain(
      'OTHERCONTENTINFORMATIONTYPE="Rapport PDF/A-3a"',
    );
    const verified = await runCaptured(['verifiera', 'arkiv'], { cwd: dir });
    expect(verified.code, verified.out + verified.err).toBe(0);
  });

  it('refuses a rapport without Dnr or date, saying what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-rapport-utan-'));
    const file = join(dir, 'r.md');
    writeFileSync(
      file,
      readFileSync(rapport, 'utf8').replace('dnr: KFN 2026-12\n', '').replace('datum: 2026-09-15\n', ''),
    );
    const r = await runCaptured(['arkivera', file, '--arkiv', 'arkiv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err, r.err).toContain('diarienummer (dnr:) och datum (datum:)');
  });
});

describe('the example rapport built', () => {
  it('its table of contents gives the page pdftotext finds each chapter on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-rapport-skapa-'));
    const built = await runCaptured(['skapa', rapport, '--ut', 'ut'], { cwd: dir });
    expect(built.code, built.out).toBe(0);
    const pdf = readdirSync(join(dir, 'ut')).find((f) => f.endsWith('.pdf'))!;
    const path = join(dir, 'ut', pdf);
    const pages = Array.from({ length: pageCount(path) }, (_, i) => pdftotext(path, i + 1, { layout: true }));
    // The TOC on page 1: "Resultat ....... 3" reads "Resultat   3" in pdftotext's layout.
    const entries = [...pages[0]!.matchAll(/^\s*(\S.*?)\s{3,}(\d+)\s*$/gm)].map(
      (m) => [m[1]!, Number(m[2])] as const,
    );
    expect(entries.map(([title]) => title)).toEqual(
      expect.arrayContaining(['Inledning', 'Resultat', 'Kostnader']),
    );
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const [title, page] of entries) {
      // The heading stands alone on its line on that page (page 1 also holds the TOC line itself).
      const onPage = (n: number) =>
        new RegExp(`^${title}$`, 'm').test(pages[n - 1]!.replace(/^[ \t]+|[ \t]+$/gm, ''));
      expect(onPage(page), `${title} på sidan ${page}`).toBe(true);
      for (let n = 1; n < page; n++) if (n > 1) expect(onPage(n), `${title} också på sidan ${n}`).toBe(false);
    }
  });
});
