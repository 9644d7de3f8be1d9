/**
 * Terminal output. With colour (a TTY without NO_COLOR): deletions red and struck through, insertions
 * green and underlined. Without: wdiff-style markers [-borttaget-] {+infogat+}, readable in any log.
 */

import { escapeControls } from '../util/control-chars.js';
import { meetingSummaryLine } from './meeting.js';
import type {
  AgendaItemDiff,
  CaseDiff,
  DecisionBlockDiff,
  FieldChange,
  MeetingDiff,
  ParagraphDiff,
  PointDiff,
  SectionDiff,
  WordPart,
} from './model.js';
import { summaryLine } from './summary.js';

interface Style {
  del(text: string): string;
  ins(text: string): string;
  head(text: string): string;
  dim(text: string): string;
}

const ansi = (open: string, text: string) => (text === '' ? '' : `\x1b[${open}m${text}\x1b[0m`);
const colour: Style = {
  del: (t) => ansi('31;9', t),
  ins: (t) => ansi('32;4', t),
  head: (t) => ansi('1', t),
  dim: (t) => ansi('2', t),
};
const plain: Style = {
  del: (t) => (t === '' ? '' : `[-${t}-]`),
  ins: (t) => (t === '' ? '' : `{+${t}+}`),
  head: (t) => t,
  dim: (t) => t,
};

/** Unchanged stretches longer than this many words are shortened to their ends in the terminal. */
const contextWords = 12;

function elide(text: string): string {
  const words = text.split(' ');
  if (words.length <= contextWords * 2 + 2) return text;
  return [...words.slice(0, contextWords), '…', ...words.slice(-contextWords)].join(' ');
}

function wordLine(parts: readonly WordPart[], style: Style): string {
  return parts
    .map((p, k) => {
      if (p.op === 'same') return elide(p.text);
      // Whitespace before a change stays outside the marker; a replacement gets a space between old and new.
      const lead = /^\s*/u.exec(p.text)![0] || (p.op === 'ins' && parts[k - 1]?.op === 'del' ? ' ' : '');
      const body = p.text.trimStart();
      return lead + (p.op === 'del' ? style.del(body) : style.ins(body));
    })
    .join('');
}

function change(
  item: { kind: string; old?: string; new?: string; words?: WordPart[] },
  style: Style,
): string {
  if (item.kind === 'added') return style.ins(item.new ?? '');
  if (item.kind === 'removed') return style.del(item.old ?? '');
  return item.words ? wordLine(item.words, style) : (item.new ?? '');
}

const kindWord: Record<string, string> = { added: 'ny', removed: 'borttagen', changed: 'ändrad', same: '' };

function metadataLines(fields: FieldChange[], style: Style): string[] {
  return fields.map(
    (f) => `  ${f.label}${f.kind === 'changed' ? '' : ` (${kindWord[f.kind]})`}: ${change(f, style)}`,
  );
}

function pointLine(p: PointDiff, style: Style): string | undefined {
  const renumbered = p.oldNumber !== undefined && p.newNumber !== undefined && p.oldNumber !== p.newNumber;
  if (p.kind === 'same' && !p.moved) return undefined;
  const number = p.newNumber ?? p.oldNumber;
  const notes = [
    p.kind === 'same' ? '' : kindWord[p.kind],
    p.moved ? 'flyttad' : '',
    renumbered ? `tidigare punkt ${p.oldNumber}` : '',
  ].filter((s) => s !== '');
  return `    ${number}. ${style.dim(`(${notes.join(', ')})`)} ${change(p, style)}`;
}

function decisionLines(blocks: DecisionBlockDiff[], style: Style): string[] {
  return blocks
    .filter((b) => b.kind !== 'same')
    .flatMap((b) => {
      const title = `  ${b.board}${b.kind === 'added' ? ' (ny nämnd)' : b.kind === 'removed' ? ' (nämnden borttagen)' : ''}`;
      const points = b.points.map((p) => pointLine(p, style)).filter((l) => l !== undefined);
      return [style.head(title), ...points];
    });
}

function paragraphLine(p: ParagraphDiff, style: Style): string | undefined {
  if (p.kind === 'same' && !p.moved) return undefined;
  const marker = p.kind === 'added' ? '+' : p.kind === 'removed' ? '-' : p.kind === 'changed' ? '~' : '↕';
  return `    ${marker} ${p.moved ? style.dim('(flyttat stycke) ') : ''}${change(p, style)}`;
}

function sectionLines(sections: SectionDiff[], style: Style): string[] {
  return sections
    .filter((s) => s.kind !== 'same' || s.moved)
    .flatMap((s) => {
      const notes = [
        s.kind === 'added' ? 'nytt avsnitt' : s.kind === 'removed' ? 'avsnittet borttaget' : '',
        s.oldHeading !== undefined ? `tidigare rubrik "${s.oldHeading}"` : '',
        s.moved ? `flyttat från plats ${s.oldIndex} till ${s.newIndex}` : '',
      ].filter((n) => n !== '');
      const title = `  ${s.heading}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
      // A whole new or removed section is shown shortened; its paragraphs carry the markers.
      const whole = s.kind === 'added' || s.kind === 'removed';
      const body = s.paragraphs.map((p) =>
        whole
          ? paragraphLine({ ...p, old: p.old && elide(p.old), new: p.new && elide(p.new) }, style)
          : paragraphLine(p, style),
      );
      return [style.head(title), ...body.filter((l) => l !== undefined)];
    });
}

/** Control and bidi characters from a file (e.g. ESC) could drive the terminal; they are shown escaped. */
function withoutControls<T>(diff: T): T {
  return JSON.parse(JSON.stringify(diff), (_key, value: unknown) =>
    typeof value === 'string' ? escapeControls(value) : value,
  ) as T;
}

/** The report: labels, then each non-empty group under its heading, then the summary line. */
function report(
  diff: { oldLabel: string; newLabel: string },
  style: Style,
  groups: [title: string, lines: string[]][],
  summary: string,
): string {
  const out = [`--- ${diff.oldLabel}`, `+++ ${diff.newLabel}`];
  for (const [title, lines] of groups) if (lines.length > 0) out.push('', style.head(title), ...lines);
  out.push('', summary);
  return `${out.join('\n')}\n`;
}

export function formatText(unsafe: CaseDiff, options: { colour: boolean }): string {
  const diff = withoutControls(unsafe);
  const style = options.colour ? colour : plain;
  return report(
    diff,
    style,
    [
      ['Metadata', metadataLines(diff.metadata, style)],
      ['Förslag till beslut', decisionLines(diff.decisions, style)],
      ['Löptext', sectionLines(diff.sections, style)],
    ],
    summaryLine(diff.summary),
  );
}

const indent = (lines: string[]) => lines.map((l) => `  ${l}`);

/** "2. Rubrik (fil.md)" with what happened to the item: ny, borttagen, flyttad, tidigare punkt N. */
function itemHead(item: AgendaItemDiff, style: Style, notes: string[]): string {
  const number = item.newNumber ?? item.oldNumber;
  const title =
    item.kind === 'added'
      ? style.ins(item.title)
      : item.kind === 'removed'
        ? style.del(item.title)
        : item.title;
  const file = item.file === undefined ? '' : ` ${style.dim(`(${item.file})`)}`;
  const shown = notes.filter((n) => n !== '');
  return `  ${number}. ${title}${file}${shown.length > 0 ? ` ${style.dim(`(${shown.join(', ')})`)}` : ''}`;
}

function agendaLines(items: AgendaItemDiff[], style: Style): string[] {
  return items
    .filter((i) => i.kind === 'added' || i.kind === 'removed' || i.moved || i.fields.length > 0)
    .flatMap((i) => {
      const renumbered =
        i.oldNumber !== undefined && i.newNumber !== undefined && i.oldNumber !== i.newNumber;
      const head = itemHead(i, style, [
        i.kind === 'added' || i.kind === 'removed' ? kindWord[i.kind]! : '',
        i.moved ? `flyttad från punkt ${i.oldNumber}` : renumbered ? `tidigare punkt ${i.oldNumber}` : '',
      ]);
      return [head, ...indent(metadataLines(i.fields, style))];
    });
}

const decisionNote: Record<string, string> = {
  added: 'nytt beslut',
  removed: 'beslutet borttaget',
  changed: '',
  same: '',
};

function meetingDecisionLines(items: AgendaItemDiff[], style: Style): string[] {
  return items.flatMap((i) => {
    const d = i.decision;
    if (!d || d.kind === 'same') return [];
    const points = d.points.map((p) => pointLine(p, style)).filter((l) => l !== undefined);
    return [
      itemHead(i, style, [`§ ${d.paragraph}`, decisionNote[d.kind]!]),
      ...indent(metadataLines(d.fields, style)),
      ...points,
    ];
  });
}

export function formatMeetingText(unsafe: MeetingDiff, options: { colour: boolean }): string {
  const diff = withoutControls(unsafe);
  const style = options.colour ? colour : plain;
  return report(
    diff,
    style,
    [
      ['Mötet', metadataLines(diff.meeting, style)],
      ['Föredragningslistan', agendaLines(diff.items, style)],
      ['Beslut', meetingDecisionLines(diff.items, style)],
      ['Protokoll', metadataLines(diff.protocol, style)],
    ],
    meetingSummaryLine(diff.summary),
  );
}
