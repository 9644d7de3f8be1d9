/**
 * `--format docx`: the new version as a Word document with real tracked changes (w:ins / w:del), so the
 * officials can review, accept or reject every change in Word or LibreOffice.
 *
 * Both versions are rendered by the ordinary pipeline (Case → Doc → DOCX backend); then each text part
 * (document, headers, footers) is aligned paragraph by paragraph. Unchanged paragraphs stay as they are;
 * a reworded paragraph gets word-level w:ins/w:del; a new paragraph is wrapped in w:ins with an inserted
 * paragraph mark; an old paragraph that is gone is put back as deleted text with a deleted paragraph mark.
 * Author is the new case's handläggare, the date the new case's datum; revision ids are unique per file.
 */
import { diffArrays } from 'diff';
import JSZip from 'jszip';
import { renderDocx } from '../backends/docx/index.js';
import { normalizePackage } from '../backends/docx/package.js';
import type { Case } from '../case/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { escapeXml, unescapeXml } from '../util/xml.js';
import { similarity } from './match.js';
import { normalizeText } from './normalize.js';
import { diffWords } from './words.js';

export interface Revision {
  author: string;
  /** W3CDTF date-time, e.g. 2024-10-22T00:00:00Z. */
  date: string;
}

export async function trackedChangesDocx(
  oldCase: Case,
  newCase: Case,
  profile: Profile,
): Promise<Uint8Array> {
  const newDoc = renderDoc(newCase, profile);
  const [oldBytes, newBytes] = await Promise.all([
    renderDocx(renderDoc(oldCase, profile)),
    renderDocx(newDoc),
  ]);
  const oldZip = await JSZip.loadAsync(oldBytes);
  const newZip = await JSZip.loadAsync(newBytes);
  const timestamp = `${newCase.date}T00:00:00Z`;
  const revision: Revision = {
    author: newCase.officer?.name ?? newCase.authors[0]?.name ?? 'skrivelse',
    date: timestamp,
  };
  const parts = Object.keys(newZip.files)
    .filter((p) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(p))
    .sort();
  const texts = new Map<string, string>();
  for (const part of parts) texts.set(part, await newZip.file(part)!.async('string'));
  const ids = new RevisionIds(Math.max(0, ...[...texts.values()].flatMap(existingIds)) + 1);
  for (const part of parts) {
    const oldXml = (await oldZip.file(part)?.async('string')) ?? '';
    newZip.file(part, trackChanges(oldXml, texts.get(part)!, revision, ids));
  }
  const packed = await newZip.generateAsync({ type: 'uint8array' });
  return normalizePackage(packed, { timestamp, language: newDoc.meta.language });
}

/** Hands out revision ids (w:id) above every id already in the package, so all are unique. */
export class RevisionIds {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

function existingIds(xml: string): number[] {
  return [...xml.matchAll(/\bw:id="(\d+)"/g)].map((m) => Number(m[1]));
}

interface Paragraph {
  start: number;
  end: number;
  xml: string;
  text: string;
}

const paragraphPattern = /<w:p\b[^>]*\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g;

function paragraphs(xml: string): Paragraph[] {
  return [...xml.matchAll(paragraphPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    xml: m[0],
    text: paragraphText(m[0]),
  }));
}

const noBreakHyphen = '\u2011';
const specialText: Record<string, string> = {
  '<w:tab/>': '\t',
  '<w:br/>': '\n',
  '<w:noBreakHyphen/>': noBreakHyphen,
};

/**
 * The text of a paragraph as Word shows it: w:t contents, tabs, breaks, non-breaking hyphens (U+2011) and
 * footnote marks (their numbers).
 */
export function paragraphText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(
    /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:footnoteReference\b[^>]*w:id="(\d+)"[^>]*\/>|<w:tab\/>|<w:br\/>|<w:noBreakHyphen\/>/g,
  )) {
    text += m[1] !== undefined ? unescapeXml(m[1]) : (m[2] ?? specialText[m[0]]);
  }
  return text;
}

/** Run content for `text`: `tag` elements, with Word's non-breaking hyphen where the text has U+2011. */
function runContent(tag: 'w:t' | 'w:delText', text: string): string {
  return text
    .split(noBreakHyphen)
    .map((part) => (part === '' ? '' : `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>`))
    .join('<w:noBreakHyphen/>');
}

const comparable = (text: string) => normalizeText(text).replace(/\u2011/g, '-');

/** Placement of every paragraph of the new part, and where the vanished old ones go back in. */
interface Alignment {
  /** For each new paragraph: the old one it continues (same or reworded), or none (added). */
  oldFor: (number | undefined)[];
  /** Old paragraphs to re-insert as deleted before new paragraph `key` (key = count: at the end). */
  deletedBefore: Map<number, number[]>;
}

function align(oldTexts: string[], newTexts: string[]): Alignment {
  const changes = diffArrays(oldTexts.map(comparable), newTexts.map(comparable));
  const oldFor: (number | undefined)[] = new Array(newTexts.length).fill(undefined);
  const deletedBefore = new Map<number, number[]>();
  const place = (at: number, i: number) => deletedBefore.set(at, [...(deletedBefore.get(at) ?? []), i]);
  let oldAt = 0;
  let newAt = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    // Pair removed and added paragraphs of one hunk in order, when similar enough to be a rewording.
    let r = 0;
    for (const j of added) {
      const match = removed.findIndex((i, k) => k >= r && similarity(oldTexts[i]!, newTexts[j]!) >= 0.5);
      if (match === -1) continue;
      for (; r < match; r++) place(j, removed[r]!);
      oldFor[j] = removed[match];
      r = match + 1;
    }
    for (; r < removed.length; r++) place(newAt, removed[r]!);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) removed.push(oldAt++);
      else if (change.added) added.push(newAt++);
      else {
        flush();
        oldFor[newAt++] = oldAt++;
      }
    }
  }
  flush();
  return { oldFor, deletedBefore };
}

function attributes(rev: Revision, ids: RevisionIds): string {
  return `w:id="${ids.take()}" w:author="${escapeXml(rev.author)}" w:date="${rev.date}"`;
}

/** Marks the paragraph mark (pilcrow) itself as inserted or deleted. */
function markParagraph(xml: string, tag: 'w:ins' | 'w:del', rev: Revision, ids: RevisionIds): string {
  const mark = `<${tag} ${attributes(rev, ids)}/>`;
  const p = xml.endsWith('/>') ? `${xml.slice(0, -2)}></w:p>` : xml;
  const ppr = /<w:pPr\b[^>]*\/>|<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/.exec(p);
  if (!ppr) return p.replace(/^<w:p\b[^>]*>/, (open) => `${open}<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`);
  let newPpr: string;
  if (ppr[0].endsWith('/>')) newPpr = `${ppr[0].slice(0, -2)}><w:rPr>${mark}</w:rPr></w:pPr>`;
  else if (/<w:rPr\b[^>]*>/.test(ppr[0]))
    newPpr = ppr[0].replace(/<w:rPr\b[^>]*>/, (open) => `${open}${mark}`);
  else newPpr = ppr[0].replace(/<\/w:pPr>$/, `<w:rPr>${mark}</w:rPr></w:pPr>`);
  return p.slice(0, ppr.index) + newPpr + p.slice(ppr.index + ppr[0].length);
}

const runPattern = /<w:r\b[^>]*>[\s\S]*?<\/w:r>|<w:r\b[^>]*\/>/g;

function inserted(xml: string, rev: Revision, ids: RevisionIds): string {
  const runs = xml.replace(runPattern, (run) => `<w:ins ${attributes(rev, ids)}>${run}</w:ins>`);
  return markParagraph(runs, 'w:ins', rev, ids);
}

function deleted(xml: string, rev: Revision, ids: RevisionIds): string {
  const plain = xml
    .replace(/<w:hyperlink\b[^>]*>|<\/w:hyperlink>/g, '') // its relationship id belongs to the old package
    // So does its footnote: the mark stays as its (raised) number.
    .replace(/<w:footnoteReference\b[^>]*w:id="(\d+)"[^>]*\/>/g, '<w:delText>$1</w:delText>')
    .replace(/<w:t(?=[\s>])/g, '<w:delText')
    .replace(/<\/w:t>/g, '</w:delText>')
    .replace(/<w:instrText(?=[\s>])/g, '<w:delInstrText')
    .replace(/<\/w:instrText>/g, '</w:delInstrText>');
  const runs = plain.replace(runPattern, (run) => `<w:del ${attributes(rev, ids)}>${run}</w:del>`);
  return markParagraph(runs, 'w:del', rev, ids);
}

interface Run {
  rPr: string;
  text: string;
}

const rPrPattern = /<w:rPr\b[^>]*>[\s\S]*?<\/w:rPr>|<w:rPr\/>/;

/**
 * The runs of a paragraph made only of plain text runs (any formatting), or undefined when it holds
 * anything a rebuild would lose (hyperlinks, fields, tabs, breaks, bookmarks, drawings …).
 */
function plainRuns(xml: string): Run[] | undefined {
  if (/<w:(tab|br|fldChar|instrText|drawing|footnoteReference|endnoteReference|sym)\b/.test(xml))
    return undefined;
  const body = xml
    .replace(/^<w:p\b[^>]*>/, '')
    .replace(/<w:pPr\b[^>]*\/>|<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/, '');
  if (body.replace(runPattern, '') !== '</w:p>') return undefined;
  return (xml.match(runPattern) ?? []).map((run) => ({
    rPr: rPrPattern.exec(run)?.[0] ?? '',
    text: paragraphText(run),
  }));
}

/** Cuts `text`, which starts at `offset` in the runs' joined text, at run boundaries: [rPr, piece][]. */
function piecesOf(runs: readonly Run[], offset: number, text: string): [string, string][] {
  const pieces: [string, string][] = [];
  let runStart = 0;
  let at = offset;
  let rest = text;
  for (const run of runs) {
    const runEnd = runStart + run.text.length;
    if (rest !== '' && at < runEnd) {
      const take = Math.min(rest.length, runEnd - at);
      pieces.push([run.rPr, rest.slice(0, take)]);
      rest = rest.slice(take);
      at += take;
    }
    runStart = runEnd;
  }
  if (rest !== '') pieces.push([runs.at(-1)?.rPr ?? '', rest]);
  return pieces;
}

/** A reworded paragraph: word-level changes inside, each word keeping its own formatting. */
function reworded(before: Paragraph, after: Paragraph, rev: Revision, ids: RevisionIds): string {
  const oldRuns = plainRuns(before.xml);
  const newRuns = plainRuns(after.xml);
  if (!oldRuns || !newRuns) return deleted(before.xml, rev, ids) + inserted(after.xml, rev, ids);
  const open = /^<w:p\b[^>]*>/.exec(after.xml)![0];
  const ppr = /<w:pPr\b[^>]*\/>|<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/.exec(after.xml)?.[0] ?? '';
  let oldAt = 0;
  let newAt = 0;
  const runs = diffWords(before.text, after.text, { exact: true }).map((part) => {
    const runs = part.op === 'del' ? oldRuns : newRuns;
    const pieces = piecesOf(runs, part.op === 'del' ? oldAt : newAt, part.text);
    if (part.op !== 'ins') oldAt += part.text.length;
    if (part.op !== 'del') newAt += part.text.length;
    const xml = pieces
      .map(([rPr, text]) => `<w:r>${rPr}${runContent(part.op === 'del' ? 'w:delText' : 'w:t', text)}</w:r>`)
      .join('');
    if (part.op === 'same') return xml;
    return `<w:${part.op} ${attributes(rev, ids)}>${xml}</w:${part.op}>`;
  });
  return `${open}${ppr}${runs.join('')}</w:p>`;
}

/** Rewrites one XML part of the new version with the changes from the old part tracked in it. */
export function trackChanges(oldXml: string, newXml: string, rev: Revision, ids: RevisionIds): string {
  const before = paragraphs(oldXml);
  const after = paragraphs(newXml);
  const { oldFor, deletedBefore } = align(
    before.map((p) => p.text),
    after.map((p) => p.text),
  );
  const restore = (at: number) =>
    (deletedBefore.get(at) ?? []).map((i) => deleted(before[i]!.xml, rev, ids)).join('');
  let out = '';
  let at = 0;
  after.forEach((p, j) => {
    out += newXml.slice(at, p.start) + restore(j);
    const i = oldFor[j];
    if (i === undefined) out += inserted(p.xml, rev, ids);
    else if (comparable(before[i]!.text) === comparable(p.text)) out += p.xml;
    else out += reworded(before[i]!, p, rev, ids);
    at = p.end;
  });
  // A part with no paragraph left has nothing to anchor deleted text to; it is shown as it is now.
  if (after.length === 0) return newXml;
  return out + restore(after.length) + newXml.slice(at);
}
