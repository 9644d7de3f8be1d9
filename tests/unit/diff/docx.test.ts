/**
 * The diff document as DOCX (`jämför --format docx`): the CaseDiff rendered through the document model
 * with Word revisions. Accepting every change gives the new version's words, rejecting every change the
 * old version's; the revisions follow the structural diff (a swapped point is moved, a reworded link is
 * changed word by word); the file passes the Open XML SDK validator and is the same bytes every time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import type { Case } from '../../../src/case/model.js';
import { readCase } from '../../../src/case/read.js';
import { runCli } from '../../../src/cli/main.js';
import { formatHtml } from '../../../src/diff/format-html.js';
import { formatJson } from '../../../src/diff/format-json.js';
import { formatText } from '../../../src/diff/format-text.js';
import { diffCases } from '../../../src/diff/index.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDiffDoc } from '../../../src/render/diff-doc.js';
import { renderDoc } from '../../../src/render/index.js';
import { acceptAll, paragraphsOf, rejectAll, textOf, words } from './docx-reader.js';

const profile = loadProfile();
const jointFile = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const v2File = 'tests/fixtures/diff/tidiga-insatser-v2.md';
const joint = readFileSync(jointFile, 'utf8');
const caseOfText = (text: string, file = 'ärende.md') => {
  const read = readCase(Buffer.from(text), file, profile);
  if (!read.case) throw new Error(JSON.stringify(read.diagnostics.filter((d) => d.severity === 'fel')));
  return read.case;
};
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** document.xml: the first-page head (date, Dnr, sender, nämnder) and the body. */
async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

/** The header of later pages (the short head: kommun, date, Dnr). */
async function laterHeaderXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/header\d+\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
  return headers.find((xml) => xml.includes('Linköpings kommun'))!;
}

const trackedDocx = (a: Case, b: Case) => renderDocx(renderDiffDoc(a, b, diffCases(a, b), profile));
const ownWords = async (c: Case) => words(textOf(await documentXml(await renderDocx(renderDoc(c, profile)))));

const point1 =
  'Social- och omsorgsnämnden godkänner överenskommelsen med bildningsnämnden om en gemensam\n      modell för tidiga insatser för barn och unga under perioden 2025-01-01 till 2026-12-31.';
const point2 =
  'Social- och omsorgsnämnden avsätter 1 200 000 kr per år ur nämndens budgetram för sin del av\n      modellen.';
const samråd = joint.slice(joint.indexOf('## Samråd'), joint.indexOf('## Uppföljning'));

/** The table of edits: each a change to the joint memo's text. */
const edits: [string, (text: string) => string][] = [
  ['word changed', (t) => t.replace('1 200 000 kr', '1 300 000 kr')],
  [
    'point added',
    (t) =>
      t.replace(
        `${point2}\n`,
        `${point2}\n    - Förvaltningen får i uppdrag att följa upp modellen årligen.\n`,
      ),
  ],
  ['point removed', (t) => t.replace(`    - >-\n      ${point2}\n`, '')],
  [
    'points swapped',
    (t) => t.replace(point1, 'PLACEHOLDER').replace(point2, point1).replace('PLACEHOLDER', point2),
  ],
  ['section moved', (t) => t.replace(samråd, '').trimEnd().concat('\n\n', samråd.trimEnd(), '\n')],
  [
    'link text changed',
    (t) =>
      t.replace('## Samråd\n', '## Samråd\n\nSe [kommunens plan för barn](https://www.linkoping.se/plan).\n'),
  ],
  ['Dnr changed', (t) => t.replace('  - BIN 2024-87', '  - BIN 2024-88')],
];

describe('diff document as DOCX: the table of edits', () => {
  for (const [name, edit] of edits) {
    it(`${name}: accept all gives the new words, reject all the old`, async () => {
      const base =
        name === 'link text changed'
          ? joint.replace('## Samråd\n', '## Samråd\n\nSe [kommunens plan](https://www.linkoping.se/plan).\n')
          : joint;
      const edited = name === 'link text changed' ? edit(joint) : edit(base);
      expect(edited).not.toBe(base);
      const a = caseOfText(base);
      const b = caseOfText(edited);
      const xml = await documentXml(await trackedDocx(a, b));
      expect(words(acceptAll(xml))).toEqual(await ownWords(b));
      expect(words(rejectAll(xml))).toEqual(await ownWords(a));
      expect(xml).toMatch(/<w:(ins|del|moveFrom|moveTo) /);
    });
  }

  it('points swapped: one point moved (as the text diff says), a Word move, not both replaced', async () => {
    const a = caseOfText(joint);
    const b = caseOfText(edits[3]![1](joint));
    const diff = diffCases(a, b);
    expect(diff.summary.movedPoints).toBe(1);
    const xml = await documentXml(await trackedDocx(a, b));
    const changed = paragraphsOf(xml).filter((p) => /<w:(ins|del|moveFrom|moveTo) /.test(p));
    // The moved point: its new place (moveTo) and its old place (moveFrom); nothing else changed.
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/<w:moveToRangeStart w:id="(\d+)" w:name="move1"[^>]*\/>[\s\S]*<w:moveTo /);
    expect(changed[1]).toMatch(
      /<w:moveFromRangeStart w:id="(\d+)" w:name="move1"[^>]*\/>[\s\S]*<w:moveFrom /,
    );
    for (const [p, kind] of [
      [changed[0]!, 'moveTo'],
      [changed[1]!, 'moveFrom'],
    ] as const) {
      const start = p.match(new RegExp(`<w:${kind}RangeStart w:id="(\\d+)"`))![1];
      expect(p).toContain(`<w:${kind}RangeEnd w:id="${start}"/>`);
      // No text is inserted or deleted: only moved (the paragraph marks are tracked, self-closing).
      expect(p).not.toMatch(/<w:(ins|del) [^>]*[^/]>/);
    }
    expect(textOf(changed[0]!)).toBe(textOf(changed[1]!, true));
    expect(textOf(changed[0]!)).toMatch(/avsätter 1\s200\s000\skr/);
  });

  it('Dnr changed: tracked word by word in the first-page head and in the short head of later pages', async () => {
    const a = caseOfText(joint);
    const b = caseOfText(edits[6]![1](joint));
    const docx = await trackedDocx(a, b);
    for (const xml of [await documentXml(docx), await laterHeaderXml(docx)]) {
      const dnr = paragraphsOf(xml).find((p) => p.includes('2024-88'))!;
      expect(textOf(dnr)).toBe('Dnr BIN 2024-88');
      expect(textOf(dnr, true)).toBe('Dnr BIN 2024-87 2024-88');
      expect(dnr).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*> 2024-87<\/w:delText>/);
    }
  });

  it('link text changed: the link is reworded word by word, its other words kept', async () => {
    const base = joint.replace(
      '## Samråd\n',
      '## Samråd\n\nSe [kommunens plan](https://www.linkoping.se/plan).\n',
    );
    const a = caseOfText(base);
    const b = caseOfText(edits[5]![1](joint));
    const xml = await documentXml(await trackedDocx(a, b));
    const link = paragraphsOf(xml).find((p) => p.includes('kommunens'))!;
    expect(link).toMatch(/<w:hyperlink\b/);
    expect(textOf(link)).toBe('Se kommunens plan för barn.');
    expect(link.match(/<w:ins /g)).toHaveLength(1);
    expect(link).not.toMatch(/<w:del /);
  });
});

/** Inserted and deleted words a value of the CaseDiff (JSON) holds: word diffs, added and removed items. */
function diffWordsOf(value: unknown, into = { ins: [] as string[], del: [] as string[] }) {
  if (Array.isArray(value)) for (const item of value) diffWordsOf(item, into);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.words)) {
      for (const w of o.words as { op: string; text: string }[])
        if (w.op === 'ins' || w.op === 'del') into[w.op].push(...words(w.text));
    } else if (o.kind === 'added' && typeof o.new === 'string') into.ins.push(...words(o.new));
    else if (o.kind === 'removed' && typeof o.old === 'string') into.del.push(...words(o.old));
    for (const [key, inner] of Object.entries(o)) if (key !== 'words') diffWordsOf(inner, into);
  }
  return into;
}

/** What a format says changed: the words inserted and deleted, and the points and sections moved. */
interface ChangeList {
  ins: string[];
  del: string[];
  moved: string[];
}

const sortedList = (l: ChangeList) => ({
  ins: [...l.ins].sort(),
  del: [...l.del].sort(),
  moved: l.moved.map((m) => words(m).join(' ')).sort(),
});

/** From the CaseDiff as JSON: word diffs, added and removed items, and moved points (their text) and sections (their heading). */
function jsonChanges(json: string): ChangeList {
  const diff = JSON.parse(json) as ReturnType<typeof diffCases>;
  const moved = [
    ...diff.decisions.flatMap((d) => d.points.filter((p) => p.moved).map((p) => p.new!)),
    ...diff.sections.filter((s) => s.moved).map((s) => s.heading),
  ];
  return { ...diffWordsOf(diff), moved };
}

/** From the terminal text: {+inserted+}, [-deleted-], "(flyttad …) point" and "heading (flyttat från …)". */
function textChanges(text: string): ChangeList {
  const inside = (pattern: RegExp) => [...text.matchAll(pattern)].flatMap((m) => words(m[1]!));
  const moved = [
    ...[...text.matchAll(/^ +\d+\. \(flyttad[^)]*\) (.*)$/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/^ +(.*) \(flyttat från plats \d+ till \d+\)$/gm)].map((m) => m[1]!),
  ];
  return { ins: inside(/\{\+([\s\S]*?)\+\}/g), del: inside(/\[-([\s\S]*?)-\]/g), moved };
}

/** From the HTML page's running-text view (the side-by-side view repeats it): <ins>, <del> and "flyttad" badges. */
function htmlChanges(html: string): ChangeList {
  const page = html.replace(
    /<div class="sbs">[\s\S]*?<\/div><div class="col new">[\s\S]*?<\/div><\/div>/g,
    '',
  );
  const plain = (fragment: string) =>
    fragment
      .replace(/<span class="vh">[^<]*<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#160;/g, '\u00a0')
      .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
      .replace(/&amp;/g, '&');
  const inside = (tag: string) =>
    [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].flatMap((m) => words(plain(m[1]!)));
  const legend = page.match(/<p class="legend">[\s\S]*?<\/p>/)![0];
  const strip = (list: string[], of: string) => {
    for (const w of words(plain(of))) list.splice(list.indexOf(w), 1);
    return list;
  };
  const moved = [
    ...[...page.matchAll(/<li class="point[^"]*">[\s\S]*?<\/li>/g)]
      .filter((m) => m[0].includes('badge moved'))
      .map((m) => plain(m[0].match(/<p class="text">([\s\S]*?)<\/p>/)![1]!)),
    ...[...page.matchAll(/<h3>([^<]*?) <span class="badge moved">/g)].map((m) => plain(m[1]!)),
  ];
  // The legend shows an example of each mark.
  return {
    ins: strip(inside('ins'), legend.match(/<ins>[\s\S]*?<\/ins>/)![0]),
    del: strip(inside('del'), legend.match(/<del>[\s\S]*?<\/del>/)![0]),
    moved,
  };
}

/** From the DOCX: the words of its insertions and deletions, and the first paragraph of each move's new place. */
function docxChanges(xml: string): ChangeList {
  const inside = (tag: string, text: string) =>
    [...xml.matchAll(new RegExp(`<w:${tag} [^>]*[^/]>([\\s\\S]*?)</w:${tag}>`, 'g'))].flatMap((m) =>
      [...m[1]!.matchAll(new RegExp(`<w:${text}(?: [^>]*)?>([^<]*)</w:${text}>`, 'g'))].map((t) => t[1]!),
    );
  const moved = paragraphsOf(xml)
    .filter((p) => p.includes('<w:moveToRangeStart '))
    .map((p) => textOf(p));
  return { ins: words(inside('ins', 't').join(' ')), del: words(inside('del', 'delText').join(' ')), moved };
}

describe('one engine: terminal, JSON, HTML and DOCX report the same changes', () => {
  for (const [name, edit] of edits) {
    it(name, async () => {
      const base =
        name === 'link text changed'
          ? joint.replace('## Samråd\n', '## Samråd\n\nSe [kommunens plan](https://www.linkoping.se/plan).\n')
          : joint;
      const [a, b] = [caseOfText(base), caseOfText(name === 'link text changed' ? edit(joint) : edit(base))];
      const diff = diffCases(a, b);
      const reported = sortedList(jsonChanges(formatJson(diff)));
      expect(reported.ins.length + reported.del.length + reported.moved.length).toBeGreaterThan(0);
      expect(sortedList(textChanges(formatText(diff, { colour: false }))), 'terminal').toEqual(reported);
      expect(sortedList(htmlChanges(formatHtml(diff))), 'HTML').toEqual(reported);
      expect(sortedList(docxChanges(await documentXml(await trackedDocx(a, b)))), 'DOCX').toEqual(reported);
    });
  }
});

describe('diff document as DOCX: moves and a changed Dnr together', () => {
  it('passes Open XML SDK schema validation (Office2007 and Microsoft365)', async () => {
    const edited = [3, 4, 6].reduce((text, i) => edits[i]![1](text), joint);
    const a = caseOfText(joint);
    const b = caseOfText(edited);
    const docx = await trackedDocx(a, b);
    const xml = await documentXml(docx);
    expect(xml.match(/<w:moveToRangeStart /g)).toHaveLength(2);
    expect(words(acceptAll(xml))).toEqual(await ownWords(b));
    expect(words(rejectAll(xml))).toEqual(await ownWords(a));
    for (const version of ['Office2007', 'Microsoft365'] as const) {
      const errors = await validate(docx, 'docx', version);
      expect(errors, `${version}: ${JSON.stringify(errors).slice(0, 2000)}`).toHaveLength(0);
    }
  });
});

describe('diff document as DOCX: the example pair', async () => {
  const oldCase = caseOfText(joint, jointFile);
  const newCase = caseOfText(readFileSync(v2File, 'utf8'), v2File);
  const tracked = await trackedDocx(oldCase, newCase);
  const xml = await documentXml(tracked);

  it('accepting all gives the new version, rejecting all the old', async () => {
    expect(words(acceptAll(xml))).toEqual(await ownWords(newCase));
    expect(words(rejectAll(xml))).toEqual(await ownWords(oldCase));
  });

  it('signs every revision with the handläggare and the new datum, with unique ids', () => {
    const revisions = [...xml.matchAll(/<w:(ins|del|moveFrom|moveTo) ([^>]*?)\/?>/g)].map((m) => m[2]!);
    expect(revisions.length).toBeGreaterThan(5);
    for (const attrs of revisions) {
      expect(attrs).toContain('w:author="Karin Holm"');
      expect(attrs).toContain('w:date="2024-10-22T00:00:00Z"');
    }
    const ids = [...xml.matchAll(/<w:(?:ins|del|moveFrom|moveTo) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is byte-identical on a second run', async () => {
    expect(Buffer.from(await trackedDocx(oldCase, newCase)).equals(Buffer.from(tracked))).toBe(true);
  });

  it('passes Open XML SDK schema validation (Office2007 and Microsoft365)', async () => {
    for (const version of ['Office2007', 'Microsoft365'] as const) {
      const errors = await validate(tracked, 'docx', version);
      expect(errors, `${version}: ${JSON.stringify(errors).slice(0, 2000)}`).toHaveLength(0);
    }
  });

  it('has no tracked changes when nothing changed', async () => {
    expect(await documentXml(await trackedDocx(oldCase, oldCase))).not.toMatch(/<w:(ins|del)\b/);
  });

  it('is written by skrivelse jämför --format docx --ut', async () => {
    const out = join(dir, 'ändringar.docx');
    const code = await runCli(['diff', jointFile, v2File, '--format', 'docx', '--ut', out], {
      out: () => {},
      err: () => {},
      env: {},
      cwd: process.cwd(),
      colorOut: false,
    });
    expect(code).toBe(1);
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(tracked))).toBe(true);
  });
});
