/** A rapport archives like a memo: PDF/A, manifest, METS and Dublin Core say Rapport; verifiera is clean. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';

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
