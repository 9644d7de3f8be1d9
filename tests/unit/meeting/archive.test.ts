/**
 * `skrivelse arkivera <möte.yaml>`: the protokollsutdrag archived as PDF/A-3a + PDF/UA-1 under the case's
 * Dnr in a package of its own, kind "Protokollsutdrag" in manifest, METS and Dublin Core, the meeting file
 * and the case file embedded; `verifiera` passes; never overwritten; read back by qpdf and pdftotext.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';
import { pdftotext, run } from '../../helpers/pdf.js';
import { goodMeeting, kfnCase, protocol, scratch, writeMeeting } from './helpers.js';

const flat = (s: string) => s.replace(/[\u00A0\s]+/g, ' ').replace(/\u2011/g, '-');
const pkg = 'KFN-2025-41_protokollsutdrag';
const dataDir = (work: string) => join(work, 'arkiv', pkg, 'representations', 'pdfa', 'data');
const version = (work: string, n: number) => join(dataDir(work), `${pkg}_v${String(n).padStart(3, '0')}.pdf`);

let work: string;
let first: { code: number; out: string; err: string };
beforeAll(async () => {
  work = await scratch();
  writeMeeting(work, `${goodMeeting}${protocol}`);
  first = await runCaptured(['arkivera', 'möte.yaml', '--arkiv', 'arkiv'], { cwd: work });
});

describe('skrivelse arkivera of a meeting file', () => {
  it('archives the utdrag of the decided item with a memo, and says why the others are not', () => {
    expect(first.code, first.out + first.err).toBe(0);
    expect(first.out).toContain('Arkiverat protokollsutdrag § 34 (punkt 2, Dnr KFN 2025-41)');
    expect(first.err).toContain('§ 33 (punkt 1) har ingen tjänsteskrivelse');
    expect(first.err).toContain('§ 35 (punkt 4) har ingen tjänsteskrivelse');
    expect(readdirSync(dataDir(work))).toEqual([`${pkg}_v001.pdf`]);
  });

  it('verifiera passes on the archive and on the PDF', async () => {
    const all = await runCaptured(['verifiera', 'arkiv'], { cwd: work });
    expect(all.code, all.out + all.err).toBe(0);
    const one = await runCaptured(['verifiera', version(work, 1)], { cwd: work });
    expect(one.code, one.out + one.err).toBe(0);
  });

  it('the manifest, METS and Dublin Core say the kind, filed under the case Dnr', () => {
    const [line] = readFileSync(join(work, 'arkiv', 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({ dnr: 'KFN 2025-41', type: 'Protokollsutdrag', package: pkg, version: 1 });
    expect(entry.sources.map((s: { name: string }) => s.name).sort()).toEqual(
      [kfnCase, 'linkoping.yaml', 'möte.yaml'].sort(),
    );
    const mets = readFileSync(join(work, 'arkiv', pkg, 'METS.xml'), 'utf8');
    expect(mets).toContain('OTHERCONTENTINFORMATIONTYPE="Protokollsutdrag PDF/A-3a"');
    const dc = readFileSync(join(work, 'arkiv', pkg, 'metadata', 'descriptive', 'dc.xml'), 'utf8');
    expect(dc).toContain('<dc:type>Protokollsutdrag</dc:type>');
    expect(dc).toContain('KFN 2025-41');
    const premis = readFileSync(join(work, 'arkiv', pkg, 'metadata', 'preservation', 'premis.xml'), 'utf8');
    expect(premis).toContain(
      'av protokollsutdrag, version 1 av KFN 2025-41, skapat från mötesfilen och ärendefilen.',
    );
  });

  it('the PDF (qpdf, pdftotext) embeds the meeting file and the case file byte for byte and has the decision', () => {
    const pdf = version(work, 1);
    expect(run('qpdf', ['--check', pdf])).toContain('No syntax or stream encoding errors');
    for (const name of ['möte.yaml', kfnCase]) {
      const embedded = run('qpdf', [`--show-attachment=${name}`, pdf]);
      expect(embedded, name).toBe(readFileSync(join(work, name), 'utf8'));
    }
    const text = flat(pdftotext(pdf, undefined, { layout: true }));
    expect(text).toContain('PROTOKOLLSUTDRAG');
    expect(text).toContain('§ 34 Utökade öppettider');
    expect(text).toContain('Kostnaden på 450 000 kr för installation finansieras');
    expect(text).toContain('Expedieras till:');
  });

  it('the same utdrag again: unchanged; a changed decision: a new version, the old one untouched; the memo keeps its own package', async () => {
    const before = readFileSync(version(work, 1));
    const again = await runCaptured(['arkivera', 'möte.yaml', '--arkiv', 'arkiv', '--ärende', '2'], {
      cwd: work,
    });
    expect(again.code).toBe(0);
    expect(again.out).toContain('Oförändrat protokollsutdrag § 34');
    writeMeeting(
      work,
      `${goodMeeting}${protocol}`.replace(
        'reservationer: ["Per Ek (M) reserverar sig mot beslutet."]',
        'reservationer: ["Per Ek (M) och Lina Al (KD) reserverar sig mot beslutet."]',
      ),
    );
    const changed = await runCaptured(['arkivera', 'möte.yaml', '--arkiv', 'arkiv', '--ärende', '2'], {
      cwd: work,
    });
    expect(changed.code, changed.err).toBe(0);
    expect(readdirSync(dataDir(work)).sort()).toEqual([`${pkg}_v001.pdf`, `${pkg}_v002.pdf`]);
    expect(readFileSync(version(work, 1)).equals(before)).toBe(true);
    const memo = await runCaptured(['arkivera', kfnCase, '--arkiv', 'arkiv'], { cwd: work });
    expect(memo.code, memo.err).toBe(0);
    expect(
      existsSync(
        join(work, 'arkiv', 'KFN-2025-41', 'representations', 'pdfa', 'data', 'KFN-2025-41_v001.pdf'),
      ),
    ).toBe(true);
    const verified = await runCaptured(['verifiera', 'arkiv'], { cwd: work });
    expect(verified.code, verified.out + verified.err).toBe(0);
    expect(readFileSync(join(work, 'arkiv', 'KFN-2025-41', 'METS.xml'), 'utf8')).toContain(
      'OTHERCONTENTINFORMATIONTYPE="Tjänsteskrivelse PDF/A-3a"',
    );
  });

  it('refuses (exit 1) an item without memo and a protocol not justerat; exit 2 for an item not on the agenda', async () => {
    writeMeeting(work, `${goodMeeting}${protocol}`, 'möte-b.yaml');
    const note = await runCaptured(['arkivera', 'möte-b.yaml', '--arkiv', 'arkiv-b', '--ärende', '1'], {
      cwd: work,
    });
    expect(note.code).toBe(1);
    expect(note.err).toContain('[protocol-archive]');
    writeMeeting(
      work,
      `${goodMeeting}${protocol}`.replace(/ {2}(justeringsdatum|anslag): .*\n/g, ''),
      'möte-c.yaml',
    );
    const open = await runCaptured(['arkivera', 'möte-c.yaml', '--arkiv', 'arkiv-b'], { cwd: work });
    expect(open.code).toBe(1);
    expect(open.err).toContain('inte justerat');
    const missing = await runCaptured(['arkivera', 'möte-b.yaml', '--arkiv', 'arkiv-b', '--ärende', '9'], {
      cwd: work,
    });
    expect(missing.code).toBe(2);
    expect(existsSync(join(work, 'arkiv-b'))).toBe(false);
    const flagOnMemo = await runCaptured(['arkivera', kfnCase, '--ärende', '2'], { cwd: work });
    expect(flagOnMemo.code).toBe(2);
  });

  it('a tampered utdrag fails verifiera', async () => {
    const path = version(work, 2);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 1;
    writeFileSync(path, bytes);
    const r = await runCaptured(['verifiera', 'arkiv'], { cwd: work });
    expect(r.code).toBe(1);
  });
});
