/**
 * The protokollsutdrag and the tillkännagivande, read back by independent tools (pdftotext, qpdf, pdfinfo,
 * unzip): the decision points equal to the memo's when decided "enligt förslaget", § and Dnr and
 * Expedieras till; the anslag dates; the command's files and exit codes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseItem, Meeting, Protocol } from '../../../src/meeting/model.js';
import { decidedItems } from '../../../src/meeting/protokollsutdrag.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import { anslagBaseName, renderProtocol, utdragBaseName } from '../../../src/meeting/write-protocol.js';
import { loadProfile } from '../../../src/profile/load.js';
import { runCaptured } from '../../helpers/cli.js';
import { pdftotext, run, tempPdf } from '../../helpers/pdf.js';
import { convert, hasLibreOffice, makeWorkDir } from '../docx/helpers/libreoffice.js';
import { goodMeeting, protocol, scratch, writeMeeting } from './helpers.js';

const profile = loadProfile();

/** Words, with no-break spaces and hyphens as plain ones. */
const flat = (s: string) =>
  s
    .replace(/[\u00A0\s]+/g, ' ')
    .replace(/\u2011/g, '-')
    .trim();

/** The text of each paragraph of a DOCX's document.xml (w:t runs joined), by unzip, not by our code. */
function docxParagraphs(bytes: Uint8Array, dir: string, name: string): string[] {
  const path = join(dir, `${name}.docx`);
  writeFileSync(path, bytes);
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    flat(
      // Text runs, and Word's no-break hyphen (the DOCX form of U+2011 in dates and Dnr).
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
        .map((t) => t[1] ?? '-')
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    ),
  );
}

let dir: string;
let meeting: Meeting;
let proto: Protocol;
let outputs: Map<string, Uint8Array>;
let memo: CaseItem;

beforeAll(async () => {
  dir = await scratch();
  const read = readMeetingFile(writeMeeting(dir, `${goodMeeting}${protocol}`), profile);
  expect(read.diagnostics).toEqual([]);
  meeting = read.meeting!;
  proto = meeting.protocol!;
  memo = meeting.items[1] as CaseItem;
  const all = await renderProtocol(meeting, proto, decidedItems(meeting), profile, { anslag: true });
  outputs = new Map(all.map((o) => [o.name, o.data]));
});

const utdrag = (paragraph: number, ext: 'pdf' | 'docx') => {
  const d = decidedItems(meeting).find((x) => x.decision.paragraph === paragraph)!;
  return outputs.get(`${utdragBaseName(meeting, d)}.${ext}`)!;
};

describe('the protokollsutdrag of a decision "enligt förslaget"', () => {
  it('is written for every decided item, PDF and DOCX, and the tillkännagivande once', () => {
    expect([...outputs.keys()].sort()).toEqual(
      [
        ...[33, 34, 35].flatMap((p) => [
          `kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-${p}.pdf`,
          `kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-${p}.docx`,
        ]),
        `${anslagBaseName(meeting)}.pdf`,
        `${anslagBaseName(meeting)}.docx`,
      ].sort(),
    );
  });

  it('PDF (pdftotext): kommun, nämnd, date, § and rubrik, Dnr, the memo points numbered in order, Expedieras till, justering', () => {
    const path = tempPdf(utdrag(34, 'pdf'), 'utdrag');
    const text = flat(pdftotext(path, undefined, { layout: true }));
    for (const expected of [
      'Linköpings kommun',
      'PROTOKOLLSUTDRAG',
      'Kultur- och fritidsnämnden',
      '2025-04-10',
      `§ 34 ${flat(memo.case.title)}`.slice(0, 40),
      'Dnr KFN 2025-41',
      'Per Ek (M) reserverar sig mot beslutet.',
      'Eva Ros (S) anmäler jäv',
      'Expedieras till:',
      'Justerare: Anna Berg',
      'Justeringsdatum: 2025-12-09',
      'Utdragsbestyrkande',
      'Jonas Ek',
    ])
      expect(text, expected).toContain(expected);
    const points = memo.case.decisions.find((b) => b.board === meeting.board.name)!.points;
    expect(points.length).toBe(2);
    const at = points.map((p, i) => text.indexOf(`${i + 1}. ${flat(p.text)}`));
    expect(
      at.every((x) => x >= 0),
      `${String(at)}\n${text}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const recipients = text.slice(text.indexOf('Expedieras till:'));
    for (const r of memo.case.recipients) expect(recipients).toContain(r);
    expect(memo.case.recipients.length).toBeGreaterThan(0);
  });

  it('PDF passes qpdf --check and is tagged, in Swedish, with its title', () => {
    const path = tempPdf(utdrag(34, 'pdf'), 'utdrag');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [path]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Protokollsutdrag § 34 Utökade öppettider/m);
  });

  it('DOCX (document.xml): the same points word for word, numbered as a list, and Dnr, §, Expedieras till', async () => {
    const paragraphs = docxParagraphs(utdrag(34, 'docx'), dir, 'utdrag-34');
    const points = memo.case.decisions[0]!.points.map((p) => flat(p.text));
    const found = points.map((p) => paragraphs.indexOf(p));
    expect(
      found.every((i) => i >= 0),
      JSON.stringify(paragraphs, null, 1),
    ).toBe(true);
    expect(found[1]).toBe(found[0]! + 1);
    const all = paragraphs.join('\n');
    expect(all).toContain('Dnr KFN 2025-41');
    expect(all).toContain(`§ 34 ${flat(memo.case.title)}`);
    expect(all).toContain('Expedieras till:');
    for (const r of memo.case.recipients) expect(paragraphs).toContain(r);
    // The points are list paragraphs (numbered), not plain text that only looks numbered.
    const xml = execFileSync('unzip', ['-p', join(dir, 'utdrag-34.docx'), 'word/document.xml'], {
      encoding: 'utf8',
    });
    const pointXml = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes('450'));
    expect(pointXml).toMatch(/<w:numPr>/);
    const errors = await validate(utdrag(34, 'docx'), 'docx', 'Microsoft365');
    expect(errors, JSON.stringify(errors).slice(0, 2000)).toHaveLength(0);
  });

  it.runIf(hasLibreOffice())('opens in LibreOffice with the points numbered in order', () => {
    const work = makeWorkDir();
    const file = join(work, 'utdrag.docx');
    writeFileSync(file, utdrag(34, 'docx'));
    const [txt] = convert(work, [file], 'txt:Text');
    const text = flat(readFileSync(txt!, 'utf8'));
    const points = memo.case.decisions[0]!.points.map((p) => flat(p.text));
    const at = points.map((p, i) => text.indexOf(`${i + 1}. ${p}`));
    expect(
      at.every((x) => x >= 0),
      text,
    ).toBe(true);
    expect(at[0]! < at[1]!).toBe(true);
    expect(text).toContain('Expedieras till:');
  });

  it('is the same bytes twice', async () => {
    const again = await renderProtocol(meeting, proto, decidedItems(meeting), profile, { anslag: true });
    for (const o of again)
      expect(Buffer.from(o.data).equals(Buffer.from(outputs.get(o.name)!)), o.name).toBe(true);
  });
});

describe('an utdrag decided point by point', () => {
  it('has the points as decided, numbered, and no Expedieras till for an item without memo', () => {
    const text = flat(pdftotext(tempPdf(utdrag(35, 'pdf'), 'utdrag'), undefined, { layout: true }));
    expect(text).toContain('§ 35 Anmälan av delegationsbeslut');
    expect(text).toContain(
      '1. Delegationsbesluten läggs till handlingarna. 2. Nämnden noterar informationen.',
    );
    expect(text).not.toContain('Expedieras till');
    expect(text).not.toContain('Dnr');
  });
});

describe('the tillkännagivande', () => {
  it('names the nämnd, meeting, justering, where the protocol is kept and the anslag dates across the year end', () => {
    const pdf = outputs.get(`${anslagBaseName(meeting)}.pdf`)!;
    const path = tempPdf(pdf, 'anslag');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const text = flat(pdftotext(path, undefined, { layout: true }));
    for (const expected of [
      'ANSLAG',
      'Tillkännagivande om justerat protokoll',
      'Organ: Kultur- och fritidsnämnden',
      'Sammanträdesdatum: 2025-04-10',
      'Paragrafer: §§ 33–35',
      'Datum för justering: 2025-12-09',
      'Datum då anslaget sätts upp: 2025-12-10',
      // 2025-12-31 is nyårsafton, 2026-01-01 nyårsdagen: the period ends on Friday 2 January.
      'Sista dag för överklagande: 2026-01-02',
      'Datum då anslaget tidigast får tas ned: 2026-01-03',
      'Förvaringsplats för protokollet: Kultur- och fritidsförvaltningen, Stadshuset, Linköping',
    ])
      expect(text, expected).toContain(expected);
    const paragraphs = docxParagraphs(outputs.get(`${anslagBaseName(meeting)}.docx`)!, dir, 'anslag');
    expect(paragraphs).toContain('Datum då anslaget tidigast får tas ned: 2026-01-03');
  });
});

describe('skrivelse protokollsutdrag', () => {
  it('writes every utdrag and the tillkännagivande, exit 0; again: the same files, exit 0', async () => {
    const out = join(dir, 'ut-all');
    const file = writeMeeting(dir, `${goodMeeting}${protocol}`, 'möte-cli.yaml');
    const first = await runCaptured(['protokollsutdrag', file, '--ut', out], { cwd: dir });
    expect(first.code, first.out + first.err).toBe(0);
    expect(
      readdirSync(out)
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual([...outputs.keys()].sort());
    for (const [name, data] of outputs)
      expect(readFileSync(join(out, name)).equals(Buffer.from(data)), name).toBe(true);
    const second = await runCaptured(['protokollsutdrag', file, '--ut', out], { cwd: dir });
    expect(second.code).toBe(0);
  });

  it('--ärende 2 writes only that utdrag and no tillkännagivande', async () => {
    const out = join(dir, 'ut-one');
    const file = writeMeeting(dir, `${goodMeeting}${protocol}`, 'möte-one.yaml');
    const r = await runCaptured(['protokollsutdrag', file, '--arende', '2', '--ut', out], { cwd: dir });
    expect(r.code, r.out + r.err).toBe(0);
    expect(
      readdirSync(out)
        .filter((n) => !n.startsWith('.'))
        .sort(),
    ).toEqual([
      'kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-34.docx',
      'kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-34.pdf',
    ]);
  });

  it('a protocol not justerat: the utdrag say so, a notice, no tillkännagivande, exit 0', async () => {
    const out = join(dir, 'ut-not');
    const text = `${goodMeeting}${protocol}`
      .replace('  justeringsdatum: 2025-12-09\n', '')
      .replace('  anslag: 2025-12-10\n', '');
    const file = writeMeeting(dir, text, 'möte-not.yaml');
    const r = await runCaptured(['protokollsutdrag', file, '--ut', out], { cwd: dir });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('obs: Protokollet är inte justerat');
    expect(readdirSync(out).some((n) => n.includes('tillkannagivande'))).toBe(false);
    const pdf = readFileSync(join(out, 'kultur-och-fritidsnamnden_2025-04-10_protokollsutdrag-34.pdf'));
    expect(flat(pdftotext(tempPdf(pdf, 'utdrag'), undefined, { layout: true }))).toContain(
      'Justeringsdatum: protokollet är ännu inte justerat',
    );
  });

  it('exit 1: a bad decision (shown with file:line:column), an item without decision, a meeting without protocol', async () => {
    const bad = writeMeeting(
      dir,
      `${goodMeeting}${protocol}`.replace('punkt: 4', 'punkt: 9'),
      'möte-bad.yaml',
    );
    const out = join(dir, 'ut-bad');
    const r1 = await runCaptured(['protokollsutdrag', 'möte-bad.yaml', '--ut', out], { cwd: dir });
    expect(r1.code).toBe(1);
    expect(r1.out).toMatch(/möte-bad\.yaml:\d+:\d+: fel \[protocol-item-unknown\]/);
    expect(existsSync(out)).toBe(false);
    expect(bad).toBeTruthy();
    const good = writeMeeting(dir, `${goodMeeting}${protocol}`, 'möte-three.yaml');
    const r2 = await runCaptured(['protokollsutdrag', good, '--ärende', '3', '--ut', out], { cwd: dir });
    expect(r2.code).toBe(1);
    expect(r2.out).toContain('[protocol-item-undecided]');
    const none = writeMeeting(dir, goodMeeting, 'möte-none.yaml');
    const r3 = await runCaptured(['protokollsutdrag', none, '--ut', out], { cwd: dir });
    expect(r3.code).toBe(1);
    expect(r3.out).toContain('[protocol-missing]');
  });

  it('exit 2: no meeting file, an item that is not on the agenda, an unknown flag; no stack traces', async () => {
    const good = writeMeeting(dir, `${goodMeeting}${protocol}`, 'möte-usage.yaml');
    for (const args of [
      ['protokollsutdrag'],
      ['protokollsutdrag', good, '--ärende', '9'],
      ['protokollsutdrag', good, '--ärende', 'två'],
      ['protokollsutdrag', good, '--okänd'],
      ['protokollsutdrag', join(dir, 'finns-inte.yaml')],
    ]) {
      const r = await runCaptured(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out + r.err).not.toMatch(/\n\s+at /);
    }
    const help = await runCaptured(['protokollsutdrag', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Slutkod: 0');
  });
});
