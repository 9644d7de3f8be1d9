/** `skrivelse jämför` on two versions of a meeting file, and diffMeetings on meetings with decisions. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMeetingHtml } from '../../../src/diff/format-html.js';
import { formatMeetingJson } from '../../../src/diff/format-json.js';
import { formatMeetingText } from '../../../src/diff/format-text.js';
import { diffMeetings, meetingSummaryLine } from '../../../src/diff/meeting.js';
import type { AgendaItemDiff, MeetingDiff } from '../../../src/diff/model.js';
import type { ItemDecision, Meeting } from '../../../src/meeting/model.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { runCaptured } from '../../helpers/cli.js';
import { goodMeeting, kfnCase, kfnRapport, scratch, tinyPdf, writeMeeting } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await scratch();
  writeFileSync(join(dir, 'extra.pdf'), await tinyPdf('Extra bilaga'));
});

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" should occur once`).toBe(2);
  return text.replace(from, to);
}

const run = (args: string[], colorOut = false) =>
  runCaptured(['jämför', ...args], { cwd: dir, env: {}, colorOut });

/** Writes both versions and compares them as JSON; returns the parsed result and the exit code. */
async function compare(oldText: string, newText: string) {
  writeMeeting(dir, oldText, 'gammal.yaml');
  writeMeeting(dir, newText, 'ny.yaml');
  const r = await run(['gammal.yaml', 'ny.yaml', '--format', 'json']);
  expect(r.err).toBe('');
  const json = JSON.parse(r.out) as {
    format: string;
    version: number;
    identical: boolean;
    summary: MeetingDiff['summary'] & { text: string };
    meeting: MeetingDiff['meeting'];
    items: AgendaItemDiff[];
    protocol: MeetingDiff['protocol'];
  };
  return { code: r.code, json };
}

const moved = (items: AgendaItemDiff[]) => items.filter((i) => i.moved);

describe('skrivelse jämför on meeting files (agenda)', () => {
  it('finds no difference between a meeting file and itself (exit 0)', async () => {
    writeMeeting(dir, goodMeeting, 'a.yaml');
    writeMeeting(dir, goodMeeting.replace(/\n/g, '\r\n'), 'b.yaml');
    const r = await run(['a.yaml', 'b.yaml']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Inga skillnader.');
    expect(r.code).toBe(0);
  });

  it('reports an item added at the top, and no moves for the items below it', async () => {
    const added = edit(goodMeeting, 'ärenden:\n', 'ärenden:\n  - rubrik: Mötets öppnande\n');
    const { code, json } = await compare(goodMeeting, added);
    expect(code).toBe(1);
    expect(json.format).toBe('skrivelse-meeting-diff');
    expect(json.version).toBe(1);
    expect(json.identical).toBe(false);
    expect(json.items.filter((i) => i.kind === 'added')).toMatchObject([
      { type: 'note', title: 'Mötets öppnande', newNumber: 1 },
    ]);
    expect(moved(json.items)).toEqual([]);
    expect(json.items.filter((i) => i.kind !== 'same')).toHaveLength(1);
    expect(json.summary).toMatchObject({ addedItems: 1, removedItems: 0, movedItems: 0, total: 1 });
    expect(json.summary.text).toBe('1 punkt tillagd.');

    const text = await run(['gammal.yaml', 'ny.yaml']);
    expect(text.out).toContain('1. {+Mötets öppnande+} (ny)');
    expect(text.out).not.toContain('flyttad');
  });

  it('reports a removed case item with its file and old number', async () => {
    const removed = edit(goodMeeting, `  - ärende: ${kfnRapport}\n    föredragande: Sofia Berg\n`, '');
    const { code, json } = await compare(goodMeeting, removed);
    expect(code).toBe(1);
    expect(json.items.filter((i) => i.kind === 'removed')).toMatchObject([
      { type: 'case', file: kfnRapport, id: kfnRapport, oldNumber: 3 },
    ]);
    expect(json.items.find((i) => i.kind === 'removed')?.newNumber).toBeUndefined();
    expect(moved(json.items)).toEqual([]);
    expect(json.summary.text).toBe('1 punkt borttagen.');
  });

  it('gives exactly one move when one item is moved, with old and new number', async () => {
    const last = '  - rubrik: Anmälan av delegationsbeslut\n';
    const reordered = edit(edit(goodMeeting, last, ''), 'ärenden:\n', `ärenden:\n${last}`);
    const { code, json } = await compare(goodMeeting, reordered);
    expect(code).toBe(1);
    expect(moved(json.items)).toMatchObject([
      { title: 'Anmälan av delegationsbeslut', kind: 'same', oldNumber: 4, newNumber: 1 },
    ]);
    expect(json.summary).toMatchObject({ movedItems: 1, total: 0 });
    expect(json.summary.text).toBe('Inga ändringar i innehållet; 1 punkt flyttad.');
    const text = await run(['gammal.yaml', 'ny.yaml']);
    expect(text.out).toContain('1. Anmälan av delegationsbeslut (flyttad från punkt 4)');
    expect(text.out.match(/flyttad från/g)).toHaveLength(1);
  });

  it('reports a changed föredragande word by word, under the item', async () => {
    const changed = edit(goodMeeting, 'föredragande: Ahmed Yilmaz', 'föredragande: Ahmed Svensson');
    const { json } = await compare(goodMeeting, changed);
    const item = json.items.find((i) => i.kind === 'changed');
    expect(item).toMatchObject({ file: kfnCase, oldNumber: 2, newNumber: 2, moved: false });
    expect(item?.fields).toMatchObject([
      { path: 'föredragande', kind: 'changed', old: 'Ahmed Yilmaz', new: 'Ahmed Svensson' },
    ]);
    const text = await run(['gammal.yaml', 'ny.yaml']);
    expect(text.out).toContain('Föredragande: Ahmed [-Yilmaz-] {+Svensson+}');
    expect(text.out).toContain('1 ändring i 1 punkt.');
  });

  it('reports a bilaga added to an item', async () => {
    const withBilaga = edit(
      goodMeeting,
      'föredragande: Sofia Berg\n',
      'föredragande: Sofia Berg\n    bilagor: [extra.pdf]\n',
    );
    const { json } = await compare(goodMeeting, withBilaga);
    const item = json.items.find((i) => i.kind !== 'same');
    expect(item).toMatchObject({ file: kfnRapport, kind: 'changed' });
    expect(item?.fields).toMatchObject([{ path: 'bilagor', kind: 'added', new: 'extra.pdf' }]);
  });

  it("reports a note item's text and the meeting's fields", async () => {
    let changed = edit(
      goodMeeting,
      'Ordföranden föreslår en justerare.',
      'Ordföranden föreslår två justerare.',
    );
    changed = edit(changed, 'plats: Stadshuset', 'plats: Konsistoriet');
    changed = edit(changed, 'tid: "18.00"', 'tid: "17.30"');
    const { json } = await compare(goodMeeting, changed);
    expect(json.meeting.map((f) => [f.path, f.old, f.new])).toEqual([
      ['tid', '18.00', '17.30'],
      ['plats', 'Stadshuset', 'Konsistoriet'],
    ]);
    expect(json.items.find((i) => i.kind === 'changed')?.fields).toMatchObject([
      { path: 'text', kind: 'changed', words: expect.arrayContaining([{ op: 'ins', text: ' två' }]) },
    ]);
    expect(json.summary.text).toBe('2 ändringar i mötesuppgifterna, 1 ändring i 1 punkt.');
  });

  it('shows a rubrik with terminal escapes escaped, also with colour on', async () => {
    const crafted = edit(goodMeeting, 'ärenden:\n', 'ärenden:\n  - rubrik: "Röd \\e[31mtext\\e[0m här"\n');
    writeMeeting(dir, goodMeeting, 'gammal.yaml');
    writeMeeting(dir, crafted, 'ny.yaml');
    for (const colour of [false, true]) {
      const r = await run(['gammal.yaml', 'ny.yaml'], colour);
      expect(r.code).toBe(1);
      expect(r.out).not.toContain('\u001b[31m');
      expect(r.out).toContain('Röd \\x1b[31mtext\\x1b[0m här');
      if (colour) expect(r.out).toContain('\u001b[32;4m'); // our own colour stays
    }
    const html = await run(['gammal.yaml', 'ny.yaml', '--format', 'html']);
    expect(html.out).toContain('<h1>Ändringar i mötesfilen</h1>');
    expect(html.out).not.toContain('\u001b');
  });

  it('compares with the same meeting file in a git revision (--git), cases found in the working tree', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        stdio: 'pipe',
      });
    writeMeeting(dir, goodMeeting, 'versionerad.yaml');
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'första');
    writeMeeting(dir, edit(goodMeeting, '    föredragande: Sofia Berg\n', ''), 'versionerad.yaml');
    const r = await run(['--git', 'HEAD', 'versionerad.yaml']);
    expect(r.err).toBe('');
    expect(r.out).toContain('--- HEAD:versionerad.yaml');
    expect(r.out).toContain('Föredragande (borttagen): [-Sofia Berg-]');
    expect(r.code).toBe(1);
    const spec = await run(['HEAD:versionerad.yaml', 'versionerad.yaml', '--format', 'json']);
    expect(spec.code).toBe(1);
    expect(JSON.parse(spec.out).summary.total).toBe(1);
  });
});

describe('skrivelse jämför on meeting files with their protokoll:', () => {
  const protocol = (paragraph: number, extra = '') => `protokoll:
  justerare: [Anna Berg${extra === '' ? '' : ', Omar Said'}]
  justeringsdatum: 2025-04-15
  förvaras: Kultur- och fritidsförvaltningen, Stadshuset
  beslut:
    - punkt: 2
      paragraf: ${paragraph}
      beslut: enligt förslaget
${extra}`;

  // Decisions come from the meeting file's protokoll: once src/meeting/read.ts reads it (issue 15, part 3);
  // until then a meeting file with protokoll: does not read, and this test is skipped, never passed.
  it('reports a changed §, a reservation, a decision added and a justerare added', async (context) => {
    const before = `${goodMeeting}${protocol(34)}`;
    const read = readMeetingFile(writeMeeting(dir, before, 'gammal.yaml'), loadProfile());
    if (read.meeting?.items[1]?.decision === undefined) context.skip();
    const after = `${goodMeeting}${protocol(
      35,
      `      reservationer: ["Per Ek (M) reserverar sig mot beslutet."]
    - punkt: 1
      paragraf: 33
      beslut: Anna Berg väljs att justera protokollet.
`,
    )}`;
    const { code, json } = await compare(before, after);
    expect(code).toBe(1);
    expect(json.items[1]!.decision).toMatchObject({
      kind: 'changed',
      fields: [
        { path: 'paragraf', old: '§ 34', new: '§ 35' },
        { path: 'reservationer', kind: 'added', new: 'Per Ek (M) reserverar sig mot beslutet.' },
      ],
    });
    expect(json.items[0]!.decision).toMatchObject({ kind: 'added', points: [{ kind: 'added' }] });
    expect(json.protocol).toMatchObject([{ path: 'protokoll.justerare', kind: 'added', new: 'Omar Said' }]);
  });
});

describe('skrivelse jämför on meeting files (problems, exit 2)', () => {
  it('shows the diagnostics of a version that does not read, with file and line', async () => {
    writeMeeting(dir, goodMeeting, 'gammal.yaml');
    writeMeeting(dir, edit(goodMeeting, `ärende: ${kfnRapport}`, 'ärende: finns-inte.md'), 'trasig.yaml');
    const r = await run(['gammal.yaml', 'trasig.yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/trasig\.yaml:1[0-9]:\d+/);
    expect(r.err).toContain('Ärendefilen finns-inte.md i punkt 3 finns inte.');
    expect(r.err).toContain('Jämförelsen kunde inte göras');
  });

  it('refuses a meeting file against a case file, in Swedish', async () => {
    writeMeeting(dir, goodMeeting, 'gammal.yaml');
    const r = await run(['gammal.yaml', kfnCase]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`gammal.yaml är en mötesfil men ${kfnCase} är ett ärende`);
    const reversed = await run([kfnCase, 'gammal.yaml']);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('är en mötesfil men');
  });

  it('refuses --format docx for meeting files', async () => {
    writeMeeting(dir, goodMeeting, 'gammal.yaml');
    writeMeeting(dir, goodMeeting, 'ny.yaml');
    const r = await run(['gammal.yaml', 'ny.yaml', '--format', 'docx', '--ut', 'x.docx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format docx finns bara för ärenden.');
  });

  it('recognises a meeting file by its content when the name does not say', async () => {
    writeMeeting(dir, goodMeeting, 'möte-utan-ändelse');
    writeMeeting(dir, edit(goodMeeting, 'plats: Stadshuset', 'plats: Rådhuset'), 'möte-ny.txt');
    const r = await run(['möte-utan-ändelse', 'möte-ny.txt']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Plats: [-Stadshuset-] {+Rådhuset+}');
    expect(r.code).toBe(1);
  });
});

describe('diffMeetings: decisions and protocol', () => {
  const profile = loadProfile();
  let base: Meeting;
  beforeAll(() => {
    const read = readMeetingFile(writeMeeting(dir, goodMeeting, 'beslut.yaml'), profile);
    expect(read.meeting).toBeDefined();
    base = read.meeting!;
  });

  const decided: ItemDecision = {
    paragraph: 12,
    asProposed: true,
    points: [
      'Kultur- och fritidsnämnden beslutar att införa meröppet på Stadsbiblioteket.',
      'Beslutet gäller från 1 september 2025.',
    ],
    reservations: [],
    conflicts: [],
  };

  /** The meeting with item `index` (0-based) decided as given. */
  function withDecision(meeting: Meeting, index: number, decision: ItemDecision | undefined): Meeting {
    return {
      ...meeting,
      items: meeting.items.map((item, k) => (k === index ? { ...item, decision } : item)),
    };
  }

  const decisionOf = (diff: MeetingDiff, number: number) =>
    diff.items.find((i) => i.newNumber === number)?.decision;

  it('finds nothing when the decisions are the same', () => {
    const diff = diffMeetings(withDecision(base, 1, decided), withDecision(base, 1, { ...decided }));
    expect(diff.summary.total).toBe(0);
    expect(decisionOf(diff, 2)?.kind).toBe('same');
    expect(meetingSummaryLine(diff.summary)).toBe('Inga skillnader.');
  });

  it('reports a decision added to an item', () => {
    const diff = diffMeetings(base, withDecision(base, 1, decided));
    const decision = decisionOf(diff, 2);
    expect(decision?.kind).toBe('added');
    expect(decision?.fields).toContainEqual(
      expect.objectContaining({ path: 'paragraf', kind: 'added', new: '§ 12' }),
    );
    expect(decision?.points.map((p) => p.kind)).toEqual(['added', 'added']);
    expect(diff.items.find((i) => i.newNumber === 2)?.kind).toBe('changed');
    expect(diff.summary.decisions).toBe(1);
    expect(meetingSummaryLine(diff.summary)).toBe('1 ändring i besluten.');
    const text = formatMeetingText(diff, { colour: false });
    expect(text).toContain('Beslut\n');
    expect(text).toContain('(§ 12, nytt beslut)');
    expect(text).toContain('Paragraf (§) (ny): {+§ 12+}');
    const html = formatMeetingHtml(diff);
    expect(html).toContain('<h2 id="h-beslut">Beslut</h2>');
    expect(html).toContain('<span class="badge added">nytt beslut</span>');
  });

  it('reports a changed § and nothing else', () => {
    const diff = diffMeetings(
      withDecision(base, 1, decided),
      withDecision(base, 1, { ...decided, paragraph: 13 }),
    );
    const decision = decisionOf(diff, 2);
    expect(decision?.kind).toBe('changed');
    expect(decision?.fields).toEqual([
      expect.objectContaining({ path: 'paragraf', kind: 'changed', old: '§ 12', new: '§ 13' }),
    ]);
    expect(decision?.points.every((p) => p.kind === 'same' && !p.moved)).toBe(true);
    expect(diff.summary).toMatchObject({ decisions: 1, total: 1, changedItems: 0 });
  });

  it('reports a reworded point word by word and "enligt förslaget" turned into own text', () => {
    const own = {
      ...decided,
      asProposed: false,
      points: [decided.points[0]!, 'Beslutet gäller från 1 oktober 2025.'],
    };
    const diff = diffMeetings(withDecision(base, 1, decided), withDecision(base, 1, own));
    const decision = decisionOf(diff, 2)!;
    expect(decision.fields).toMatchObject([
      { path: 'beslut', old: 'enligt förslaget', new: 'egen beslutstext' },
    ]);
    const changed = decision.points.filter((p) => p.kind !== 'same');
    expect(changed).toMatchObject([{ kind: 'changed', oldNumber: 2, newNumber: 2 }]);
    expect(changed[0]!.words).toEqual(
      expect.arrayContaining([
        { op: 'del', text: ' september' },
        { op: 'ins', text: ' oktober' },
      ]),
    );
    expect(formatMeetingText(diff, { colour: false })).toContain('[-september-] {+oktober+}');
  });

  it('reports a reservation and a jäv added, and the protocol fields', () => {
    const withReservation = {
      ...decided,
      reservations: ['Anna Berg (M) reserverar sig mot beslutet.'],
      conflicts: ['Per Ek (S) anmäler jäv och deltar inte i handläggningen.'],
    };
    const before = {
      ...withDecision(base, 1, decided),
      protocol: { adjusters: ['Lena Ström'], keptAt: 'Stadshuset' },
    };
    const after = {
      ...withDecision(base, 1, withReservation),
      protocol: { adjusters: ['Lena Ström', 'Omar Said'], adjustedOn: '2025-04-15', keptAt: 'Stadshuset' },
    };
    const diff = diffMeetings(before, after);
    expect(decisionOf(diff, 2)?.fields).toEqual([
      expect.objectContaining({
        path: 'reservationer',
        kind: 'added',
        new: 'Anna Berg (M) reserverar sig mot beslutet.',
      }),
      expect.objectContaining({ path: 'jäv', kind: 'added' }),
    ]);
    expect(diff.protocol.map((f) => [f.path, f.kind, f.new])).toEqual([
      ['protokoll.justerare', 'added', 'Omar Said'],
      ['protokoll.justeringsdatum', 'added', '2025-04-15'],
    ]);
    expect(meetingSummaryLine(diff.summary)).toBe('2 ändringar i besluten, 2 ändringar i protokollet.');
    const json = JSON.parse(formatMeetingJson(diff));
    expect(json.items[1].decision.fields[0].path).toBe('reservationer');
    expect(json.protocol).toHaveLength(2);
  });

  it("reports a removed decision, and keeps a moved item's decision with the item", () => {
    const diff = diffMeetings(withDecision(base, 1, decided), base);
    expect(decisionOf(diff, 2)?.kind).toBe('removed');
    const [first, second, ...rest] = base.items;
    const swapped = { ...base, items: [second!, first!, ...rest] };
    const moveDiff = diffMeetings(withDecision(base, 1, decided), withDecision(swapped, 0, decided));
    expect(moveDiff.summary).toMatchObject({ movedItems: 1, decisions: 0 });
  });
});
