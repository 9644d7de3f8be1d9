/**
 * `skrivelse publicera <möte.yaml>`: the kallelse and the handlingar for the web, with the memos masked as
 * `publicera` masks a memo, logs beside the folder, and bilagor searched for personnummer (read back with
 * pdftotext, not with the code that wrote them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';
import { run } from '../../helpers/pdf.js';
import { goodMeeting, head, kfnCase, kfnRapport, protocol, scratch, writeMeeting } from './helpers.js';

let dir: string;
const secret = 'Anna Andersson på Storgatan 3';
const flat = (s: string) => s.replace(/[\u00A0\s]+/g, ' ').replace(/\u2011/g, '-');

/** A PDF with one line of text on its last page (none on the others). */
async function pdfSaying(text: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  if (text !== '')
    doc
      .getPage(pages - 1)
      .drawText(text, { x: 72, y: 770, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

beforeAll(async () => {
  dir = await scratch();
  // The memo names a person the public copy must not show.
  const memo = readFileSync(join(dir, kfnCase), 'utf8').replace(
    'Stadsbiblioteket har i dag öppet 64 timmar i veckan.',
    `Stadsbiblioteket har i dag öppet 64 timmar i veckan. Synpunkten kom från :maskera[${secret}]{grund="21 kap. 3 § OSL"}.`,
  );
  writeFileSync(join(dir, kfnCase), memo);
  writeFileSync(join(dir, 'pnr.pdf'), await pdfSaying('Klagande: 19121212-1212', 2));
  writeFileSync(join(dir, 'skannad.pdf'), await pdfSaying(''));
});

describe('skrivelse publicera of a meeting file', () => {
  it('writes the masked kallelse (PDF, HTML) and handlingar, one log per memo beside the folder', async () => {
    writeMeeting(
      dir,
      `${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [riskbedomning.pdf]\n  - ärende: ${kfnRapport}\n`,
      'm.yaml',
    );
    const r = await runCaptured(['publicera', 'm.yaml', '--ut', 'webb'], { cwd: dir });
    expect(r.code, r.out + r.err).toBe(0);
    const base = 'kultur-och-fritidsnamnden_2025-04-10_publicering';
    expect(
      readdirSync(join(dir, 'webb'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([`${base}_handlingar.pdf`, `${base}_kallelse.html`, `${base}_kallelse.pdf`].sort());
    const pack = flat(run('pdftotext', [join(dir, 'webb', `${base}_handlingar.pdf`), '-']));
    expect(pack).toContain(
      'Stadsbiblioteket har i dag öppet 64 timmar i veckan. Synpunkten kom från [maskerat',
    );
    expect(pack).not.toContain('Anna Andersson');
    expect(pack).toContain('Riskbedömning av meröppet'); // the bilaga, searched and clean
    expect(readFileSync(join(dir, 'webb', `${base}_kallelse.html`), 'utf8')).toContain('Föredragningslista');
    // The logs are beside the folder, never in it, and tell where the mark was without its text.
    const logs = readdirSync(join(dir, 'webb-maskeringslogg'))
      .filter((f) => f.endsWith('.maskering.json'))
      .sort();
    expect(logs).toEqual([`${base}_arende-1.maskering.json`, `${base}_arende-2.maskering.json`]);
    const log = JSON.parse(readFileSync(join(dir, 'webb-maskeringslogg', logs[0]!), 'utf8'));
    expect(log.maskeringar).toHaveLength(1);
    expect(log.maskeringar[0].grund).toBe('21 kap. 3 § OSL');
    expect(JSON.stringify(log)).not.toContain('Anna');
    // The handlingar for the nämnd itself keep the text.
    const own = await runCaptured(['sammanträde', 'm.yaml', '--ut', 'intern'], { cwd: dir });
    expect(own.code).toBe(0);
    expect(
      flat(
        run('pdftotext', [join(dir, 'intern', 'kultur-och-fritidsnamnden_2025-04-10_handlingar.pdf'), '-']),
      ),
    ).toContain(secret);
  });

  it('stops at a bilaga with a personnummer, naming it and its page, and publishes nothing', async () => {
    writeMeeting(
      dir,
      `${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [riskbedomning.pdf, pnr.pdf]\n`,
      'pnr.yaml',
    );
    const r = await runCaptured(['publicera', 'pnr.yaml', '--ut', 'webb-pnr'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'pnr.yaml:9:34: fel [meeting-attachment-personnummer] Bilagan pnr.pdf innehåller personnummer (sidan 2)',
    );
    expect(r.out).not.toContain('19121212');
    expect(
      existsSync(join(dir, 'webb-pnr'))
        ? readdirSync(join(dir, 'webb-pnr')).filter((f) => !f.startsWith('.'))
        : [],
    ).toEqual([]);
  });

  it('warns about a bilaga without text (a scan) and publishes', async () => {
    writeMeeting(
      dir,
      `${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [skannad.pdf]\n`,
      'skannad.yaml',
    );
    const r = await runCaptured(['publicera', 'skannad.yaml', '--ut', 'webb-skannad'], { cwd: dir });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('varning [meeting-attachment-no-text] Bilagan skannad.pdf har ingen text');
    expect(r.out).toContain('varning [meeting-attachment-untagged]');
  });

  it('publishes the tillkännagivande (PDF, HTML) for the anslagstavla once the protocol is justerat', async () => {
    writeMeeting(dir, `${goodMeeting}${protocol}`, 'justerat.yaml');
    const r = await runCaptured(['publicera', 'justerat.yaml', '--ut', 'anslag'], { cwd: dir });
    expect(r.code, r.out).toBe(0);
    const base = 'kultur-och-fritidsnamnden_2025-04-10_publicering_tillkannagivande';
    const html = flat(readFileSync(join(dir, 'anslag', `${base}.html`), 'utf8'));
    // Anslag 2025-12-10: the three weeks end on nyårsafton, so the last day is 2026-01-02.
    expect(html).toContain('2026-01-02');
    const pdf = flat(run('pdftotext', [join(dir, 'anslag', `${base}.pdf`), '-']));
    expect(pdf).toContain('Tillkännagivande om justerat protokoll');
    expect(pdf).toContain('2026-01-02');
    // Not yet justerat: no tillkännagivande.
    writeMeeting(
      dir,
      `${goodMeeting}${protocol.replace('  justeringsdatum: 2025-12-09\n', '').replace('  anslag: 2025-12-10\n', '')}`,
      'ojusterat.yaml',
    );
    const early = await runCaptured(['publicera', 'ojusterat.yaml', '--ut', 'anslag-tidigt'], { cwd: dir });
    expect(early.code, early.out).toBe(0);
    expect(readdirSync(join(dir, 'anslag-tidigt')).some((f) => f.includes('tillkannagivande'))).toBe(false);
  });

  it('a meeting file with errors publishes nothing (exit 1)', async () => {
    writeMeeting(dir, `${head}ärenden:\n  - ärende: saknas.md\n`, 'fel.yaml');
    const r = await runCaptured(['publicera', 'fel.yaml', '--ut', 'webb-fel'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain('[meeting-case-missing]');
  });
});
