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

/**
 * The body of document.xml: without the first-page head (its first table), whose Dnr and datum are
 * page furniture that the diff reports in its summary only, not as tracked changes.
 */
async function documentXml(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/, '');
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
      // A Dnr is printed only in the head: reported in the summary, no tracked change in the body.
      if (name === 'Dnr changed') expect(diffCases(a, b).metadata.map((m) => m.path)).toEqual(['dnr']);
      else expect(xml).toMatch(/<w:(ins|del) /);
    });
  }

  it('points swapped: one point moved (as the text diff says), not both replaced', async () => {
    const a = caseOfText(joint);
    const b = caseOfText(edits[3]![1](joint));
    const diff = diffCases(a, b);
    expect(diff.summary.movedPoints).toBe(1);
    const xml = await documentXml(await trackedDocx(a, b));
    const changed = paragraphsOf(xml).filter((p) => /<w:(ins|del) /.test(p));
    // The moved point: once deleted at its old place, once inserted at its new one; nothing else changed.
    expect(changed).toHaveLength(2);
    expect(textOf(changed[0]!, true)).toBe(textOf(changed[1]!, true));
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

/** Inserted and deleted words of the DOCX's revisions. */
function revisionWords(xml: string) {
  const inside = (tag: string, text: string) =>
    [...xml.matchAll(new RegExp(`<w:${tag} [^>]*>([\\s\\S]*?)</w:${tag}>`, 'g'))].flatMap((m) =>
      [...m[1]!.matchAll(new RegExp(`<w:${text}(?: [^>]*)?>([^<]*)</w:${text}>`, 'g'))].map((t) => t[1]!),
    );
  return { ins: words(inside('ins', 't').join(' ')), del: words(inside('del', 'delText').join(' ')) };
}

describe('one engine: the DOCX shows exactly the changes the text, JSON and HTML formats report', () => {
  for (const name of ['word changed', 'point added', 'point removed', 'link text changed']) {
    it(name, async () => {
      const edit = edits.find(([n]) => n === name)![1];
      const base =
        name === 'link text changed'
          ? joint.replace('## Samråd\n', '## Samråd\n\nSe [kommunens plan](https://www.linkoping.se/plan).\n')
          : joint;
      const [a, b] = [caseOfText(base), caseOfText(name === 'link text changed' ? edit(joint) : edit(base))];
      const diff = diffCases(a, b);
      // The text, JSON and HTML outputs are renderings of this one CaseDiff.
      const reported = diffWordsOf(JSON.parse(formatJson(diff)));
      const shown = revisionWords(await documentXml(await trackedDocx(a, b)));
      expect(reported.ins.length + reported.del.length).toBeGreaterThan(0);
      expect([...shown.ins].sort(), 'infogat').toEqual([...reported.ins].sort());
      expect([...shown.del].sort(), 'borttaget').toEqual([...reported.del].sort());
      const text = formatText(diff, { colour: false });
      for (const word of reported.ins) expect(text).toContain(word);
      const html = formatHtml(diff);
      expect(html).toMatch(reported.ins.length > 0 ? /<ins\b/ : /<del\b/);
    });
  }

  // A move has no word changes in the CaseDiff; Word (docx has no w:moveFrom/w:moveTo) shows the same
  // words struck at the old place and inserted at the new one: nothing else.
  for (const name of ['points swapped', 'section moved']) {
    it(`${name}: the moved words and nothing else`, async () => {
      const [a, b] = [caseOfText(joint), caseOfText(edits.find(([n]) => n === name)![1](joint))];
      const diff = diffCases(a, b);
      expect(diff.summary.movedPoints + diff.summary.movedSections).toBe(1);
      const shown = revisionWords(await documentXml(await trackedDocx(a, b)));
      expect(shown.ins.length).toBeGreaterThan(0);
      expect([...shown.ins].sort()).toEqual([...shown.del].sort());
    });
  }
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
    const revisions = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)].map((m) => m[2]!);
    expect(revisions.length).toBeGreaterThan(5);
    for (const attrs of revisions) {
      expect(attrs).toContain('w:author="Karin Holm"');
      expect(attrs).toContain('w:date="2024-10-22T00:00:00Z"');
    }
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
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
