/** Meeting files: each fault is one diagnostic with its rule, its file:line:column and a Swedish hint. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { goodMeeting, head, kfnCase, kfnRapport, root, scratch, sonCase, writeMeeting } from './helpers.js';

const profile = loadProfile();
let dir: string;
beforeAll(async () => {
  dir = await scratch();
});

function read(text: string) {
  const file = writeMeeting(dir, text);
  return { file, ...readMeetingFile(file, profile) };
}

/** The one 'fel' diagnostic of the meeting file itself. */
function onlyError(diagnostics: Diagnostic[], file: string): Diagnostic {
  const own = diagnostics.filter((d) => d.severity === 'fel' && d.file === file);
  expect(own, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  expect(own[0]!.hint).toBeTruthy();
  return own[0]!;
}

describe('a valid meeting file', () => {
  it('gives the agenda in order, cases read, bilagor resolved, no diagnostics', () => {
    const { meeting, diagnostics } = read(goodMeeting);
    expect(diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    expect(meeting?.board.name).toBe('Kultur- och fritidsnämnden');
    expect(meeting?.items.map((i) => i.type)).toEqual(['note', 'case', 'case', 'note']);
    const memo = meeting!.items[1]!;
    expect(memo.type === 'case' && memo.case.dnr).toEqual(['KFN 2025-41']);
    expect(memo.type === 'case' && memo.attachments).toEqual([join(dir, 'riskbedomning.pdf')]);
    expect(memo.type === 'case' && memo.presenter).toBe('Ahmed Yilmaz');
  });

  it('a joint memo stands on the list of each of its nämnder, and of no other', () => {
    const joint = 'son-2024-112-bin-2024-87-tidiga-insatser.md';
    copyFileSync(join(root, 'cases', joint), join(dir, joint));
    for (const board of ['Social- och omsorgsnämnden', 'Bildningsnämnden']) {
      const r = read(`${head.replace('Kultur- och fritidsnämnden', board)}ärenden:\n  - ärende: ${joint}\n`);
      expect(
        r.diagnostics.filter((d) => d.severity === 'fel'),
        board,
      ).toEqual([]);
      expect(r.meeting?.board.name).toBe(board);
    }
    const other = read(`${head}ärenden:\n  - ärende: ${joint}\n`);
    expect(onlyError(other.diagnostics, other.file).rule).toBe('meeting-case-board');
  });

  it('the example in cases/ is valid', () => {
    const r = readMeetingFile(join(import.meta.dirname, '../../../cases/möte-kfn-2025-04.yaml'), profile);
    expect(r.diagnostics).toEqual([]);
    expect(r.meeting?.items).toHaveLength(4);
  });
});

describe('faulty meeting files', () => {
  it('a case file that does not exist', () => {
    const { file, diagnostics, meeting } = read(`${head}ärenden:\n  - ärende: finns-inte.md\n`);
    expect(meeting).toBeUndefined();
    const d = onlyError(diagnostics, file);
    expect(d.rule).toBe('meeting-case-missing');
    expect(d.position).toEqual({ line: 8, column: 13 });
    expect(d.message).toContain('finns-inte.md');
  });

  it('a case addressed to another nämnd', () => {
    const { file, diagnostics } = read(`${head}ärenden:\n  - ärende: ${kfnCase}\n  - ärende: ${sonCase}\n`);
    const d = onlyError(diagnostics, file);
    expect(d.rule).toBe('meeting-case-board');
    expect(d.position).toEqual({ line: 9, column: 13 });
    expect(d.message).toContain('Social- och omsorgsnämnden');
  });

  it('the same case twice, also written another way', () => {
    const { file, diagnostics } = read(
      `${head}ärenden:\n  - ärende: ${kfnCase}\n  - ärende: ${kfnRapport}\n  - ärende: ./${kfnCase}\n`,
    );
    const d = onlyError(diagnostics, file);
    expect(d.rule).toBe('meeting-case-duplicate');
    expect(d.position).toEqual({ line: 10, column: 13 });
    expect(d.message).toContain('punkt 1');
  });

  it('a bilaga that is not a PDF, and one that is missing', () => {
    const { file, diagnostics } = read(
      `${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor:\n      - riskbedomning.pdf\n      - bilaga.pdf\n`,
    );
    const d = onlyError(diagnostics, file);
    expect(d.rule).toBe('meeting-attachment-not-pdf');
    expect(d.position).toEqual({ line: 11, column: 9 });
    const missing = read(`${head}ärenden:\n  - ärende: ${kfnCase}\n    bilagor: [saknas.pdf]\n`);
    const m = onlyError(missing.diagnostics, missing.file);
    expect(m.rule).toBe('meeting-attachment-missing');
    expect(m.position).toEqual({ line: 9, column: 15 });
  });

  it('unknown keys, at the top and in an item, with did-you-mean', () => {
    const top = read(`${head}ärenden:\n  - ärende: ${kfnCase}\nplatts: Rådhuset\n`);
    const d = onlyError(top.diagnostics, top.file);
    expect(d.rule).toBe('unknown-key');
    expect(d.position).toEqual({ line: 9, column: 1 });
    expect(d.hint).toBe('Menade du "plats"?');
    const item = read(`${head}ärenden:\n  - ärende: ${kfnCase}\n    foredragande: Ahmed Yilmaz\n`);
    const i = onlyError(item.diagnostics, item.file);
    expect(i.rule).toBe('unknown-key');
    expect(i.position).toEqual({ line: 9, column: 5 });
    expect(i.hint).toBe('Menade du "föredragande"?');
  });

  it('a case with errors: its own diagnostics under its own name, and one at the item', () => {
    const bad = join(dir, 'trasig.md');
    writeFileSync(
      bad,
      '---\nnämnd: Kultur- och fritidsnämnden\nrubrik: Halvfärdig\n---\n\n## Ärende\n\nText.\n',
    );
    const { file, diagnostics } = read(`${head}ärenden:\n  - ärende: trasig.md\n`);
    const d = onlyError(diagnostics, file);
    expect(d.rule).toBe('meeting-case-invalid');
    expect(d.position).toEqual({ line: 8, column: 13 });
    const own = diagnostics.filter((x) => x.file === bad);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((x) => x.severity === 'fel')).toBe(true);
  });

  it('a missing key, a number for tid, an unknown nämnd, an item of neither kind', () => {
    const r = read(
      'nämnd: Kultur och fritidsnämnden\ndatum: 2025-02-30\ntid: 18.00\nplats: Stadshuset\nordförande: A\närenden:\n  - text: bara text\n',
    );
    const rules = r.diagnostics.map((d) => `${d.rule} ${d.position?.line}:${d.position?.column}`);
    expect(rules).toEqual([
      'field-missing 1:1',
      'meeting-board-unknown 1:8',
      'meeting-date 2:8',
      'field-type 3:6',
      'meeting-item 7:5',
    ]);
    expect(r.diagnostics[1]!.hint).toBe('Menade du "Kultur- och fritidsnämnden"?');
    expect(r.diagnostics[3]!.hint).toContain('citattecken');
  });
});
