/**
 * The kallelse (PDF, DOCX) and the command's files (the handlingar: pack.test.ts), read back by independent tools: pdftotext, qpdf,
 * the Open XML SDK validator and LibreOffice; same bytes twice; the command's exit codes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/meeting/model.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import { meetingBaseName, renderKallelse } from '../../../src/meeting/write.js';
import { loadProfile } from '../../../src/profile/load.js';
import { runCaptured } from '../../helpers/cli.js';
import { pdftotext, run, tempPdf } from '../../helpers/pdf.js';
import { convert, hasLibreOffice, makeWorkDir } from '../docx/helpers/libreoffice.js';
import { goodMeeting, head, kfnCase, scratch, sonCase, writeMeeting } from './helpers.js';

const profile = loadProfile();
let dir: string;
let meeting: Meeting;
let pdf: Uint8Array;
let docx: Uint8Array;

/** Words, with no-break spaces and hyphens as plain ones. */
const flat = (s: string) => s.replace(/[\u00A0\s]+/g, ' ').replace(/\u2011/g, '-');

beforeAll(async () => {
  dir = await scratch();
  const read = readMeetingFile(writeMeeting(dir, goodMeeting), profile);
  expect(read.diagnostics).toEqual([]);
  meeting = read.meeting!;
  const outputs = await renderKallelse(meeting, profile);
  pdf = outputs[0]!.data;
  docx = outputs[1]!.data;
});

describe('the kallelse as PDF', () => {
  it('lists the title, tid and plats, then the items in agenda order with their Dnr', () => {
    const text = flat(pdftotext(tempPdf(pdf, 'kallelse'), undefined, { layout: true }));
    expect(text).toContain('KALLELSE');
    expect(text).toContain('Kallelse till kultur- och fritidsnämndens sammanträde');
    expect(text).toContain('2025-04-10 kl. 18.00 i Stadshuset');
    const order = [
      '1 Val av justerare',
      '2 Utökade öppettider på Stadsbiblioteket',
      'KFN 2025-41 Ahmed Yilmaz',
      '3 Meröppet på Stadsbiblioteket',
      'KFN 2026-12 Sofia Berg',
      '4 Anmälan av delegationsbeslut',
    ].map((s) => text.indexOf(s));
    expect(
      order.every((at) => at >= 0),
      String(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('passes qpdf --check, is tagged, in Swedish, with its title', () => {
    const path = tempPdf(pdf, 'kallelse');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [path]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Kallelse till kultur- och fritidsnämndens sammanträde$/m);
  });

  it('is the same bytes twice (PDF and DOCX)', async () => {
    const again = await renderKallelse(meeting, profile);
    expect(Buffer.from(again[0]!.data).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(again[1]!.data).equals(Buffer.from(docx))).toBe(true);
  });
});

describe('the kallelse as DOCX', () => {
  it('passes the Open XML SDK validator', async () => {
    const errors = await validate(docx, 'docx', 'Microsoft365');
    expect(errors, JSON.stringify(errors).slice(0, 2000)).toHaveLength(0);
  });

  it.runIf(hasLibreOffice())('opens in LibreOffice with the items in order', () => {
    const work = makeWorkDir();
    const file = join(work, 'kallelse.docx');
    writeFileSync(file, docx);
    const [txt] = convert(work, [file], 'txt:Text');
    const text = flat(readFileSync(txt!, 'utf8'));
    const order = ['Val av justerare', 'Utökade öppettider', 'KFN 2025-41', 'Meröppet', 'Anmälan av'].map(
      (s) => text.indexOf(s),
    );
    expect(
      order.every((at) => at >= 0),
      String(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('skrivelse sammanträde', () => {
  it('writes kallelse PDF, DOCX and handlingar, prints the notice, exit 0; a second run rewrites its own files', async () => {
    const out = mkdtempSync(join(dir, 'ut-'));
    const file = writeMeeting(dir, goodMeeting, 'cli.yaml');
    for (let i = 0; i < 2; i++) {
      const r = await runCaptured(['sammanträde', file, '--ut', out], { cwd: dir });
      expect(r.code, r.out + r.err).toBe(0);
      // The bilaga of the good meeting is untagged: a warning naming it, and still exit 0.
      expect(r.out).toContain(
        'varning [meeting-attachment-untagged] Bilagan riskbedomning.pdf är inte taggad',
      );
    }
    const base = meetingBaseName(meeting);
    expect(
      readdirSync(out)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([`${base}_handlingar.pdf`, `${base}_kallelse.docx`, `${base}_kallelse.pdf`].sort());
    expect(readFileSync(join(out, `${base}_kallelse.pdf`)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('--utan-handlingar writes only the kallelse', async () => {
    const out = mkdtempSync(join(dir, 'ut-'));
    const r = await runCaptured([
      'sammantrade',
      writeMeeting(dir, goodMeeting, 'k.yaml'),
      '--ut',
      out,
      '--utan-handlingar',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('meeting-attachment-untagged');
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([
      `${meetingBaseName(meeting)}_kallelse.pdf`,
    ]);
  });

  it('never overwrites a file it did not write (exit 1, output-conflict)', async () => {
    const out = mkdtempSync(join(dir, 'ut-'));
    const taken = join(out, `${meetingBaseName(meeting)}_kallelse.pdf`);
    writeFileSync(taken, 'någon annans fil\n');
    const r = await runCaptured(['sammanträde', writeMeeting(dir, goodMeeting, 'c.yaml'), '--ut', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[output-conflict]');
    expect(readFileSync(taken, 'utf8')).toBe('någon annans fil\n');
    expect(readdirSync(out).filter((f) => f.endsWith('.docx'))).toEqual([]);
  });

  it('exit 1 with the diagnostic at file:line:column, and nothing written', async () => {
    const out = join(dir, 'ut-fel');
    writeMeeting(dir, `${head}ärenden:\n  - ärende: ${kfnCase}\n  - ärende: ${sonCase}\n`, 'fel.yaml');
    const r = await runCaptured(['sammanträde', 'fel.yaml', '--ut', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain('fel.yaml:9:13');
    expect(r.out).toContain('[meeting-case-board]');
    expect(existsSync(out)).toBe(false);
  });

  it('exit 2 for usage errors: no file, two files, an unknown flag, a meeting file that is not there', async () => {
    for (const args of [[], ['a.yaml', 'b.yaml'], ['a.yaml', '--snabb']]) {
      const r = await runCaptured(['sammanträde', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^fel: /);
    }
    const missing = await runCaptured(['sammanträde', 'saknas.yaml', '--ut', join(dir, 'x')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('[file-unreadable]');
  });
});

it('the help names the command and its exit codes', async () => {
  const r = await runCaptured(['sammanträde', '--help']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Användning: skrivelse sammanträde /);
});
