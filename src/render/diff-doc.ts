/**
 * The diff document ("ändringar markerade"): the new version's Doc with the old version's content put
 * back where the structural diff (src/diff, `CaseDiff`) says it was deleted, changed or moved, every
 * change marked in the document model (`change` on runs, list items and blocks). Every backend shows it:
 * the DOCX as tracked changes, the PDF underlined and struck through.
 *
 * Both versions are rendered by the ordinary pipeline; their blocks are grouped into regions, one per
 * level-2 heading (a decision block, a section, the MBL section), matched by the CaseDiff: decision points
 * row by row as `PointDiff` has them, a section's paragraphs as its `ParagraphDiff` rows, sections by
 * heading (a renamed one by its old heading, a moved one shown moved). What the template prints from the
 * front matter (beslutsunderlag, MBL sentences, recipients) is matched by the same text comparison the
 * CaseDiff uses for those lists. Word-level changes come from the diff's tokenizer (`diffWords`), run over
 * the printed text so links and emphasis keep their formatting word by word.
 */
import type { Case } from '../case/model.js';
import type { CaseDiff, DecisionBlockDiff, SectionDiff } from '../diff/model.js';
import { normalizeKey, normalizeText, splitParagraphs } from '../diff/normalize.js';
import { compareTexts } from '../diff/texts.js';
import { diffWords } from '../diff/words.js';
import {
  type Block,
  type BlockChange,
  type Doc,
  type Furniture,
  type HeadingBlock,
  type HeadPart,
  type Inline,
  type ListBlock,
  type ListItem,
  type ListItemBlock,
  plainHeadLines,
  type RecipientsBlock,
  type Revision,
  type RunChange,
} from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from './index.js';

/** Author and date of the changes: the new case's handläggare (or first author) and its date. */
export function revisionOf(c: Case): Revision {
  return {
    author: c.officer?.name ?? c.authors[0]?.name ?? 'skrivelse',
    date: `${c.date}T00:00:00Z`,
  };
}

export function renderDiffDoc(oldCase: Case, newCase: Case, diff: CaseDiff, profile: Profile): Doc {
  const oldDoc = renderDoc(oldCase, profile);
  const newDoc = renderDoc(newCase, profile);
  const changes = headChanges(oldDoc.furniture, newDoc.furniture);
  return {
    ...newDoc,
    revision: revisionOf(newCase),
    furniture: { ...newDoc.furniture, ...(changes ? { changes } : {}) },
    blocks: diffBlocks(oldCase, newCase, oldDoc.blocks, newDoc.blocks, diff),
  };
}

const headParts: readonly HeadPart[] = ['dated', 'sender', 'addressees', 'short'];

/**
 * The head lines that changed (date, Dnr, sender, nämnder), where they are printed: lines matched as the
 * CaseDiff matches lists, a reworded line word by word, an added or removed one whole.
 */
function headChanges(before: Furniture, after: Furniture): Furniture['changes'] {
  const changes: NonNullable<Furniture['changes']> = {};
  for (const part of headParts) {
    const [oldLines, newLines] = [plainHeadLines(before, part), plainHeadLines(after, part)];
    if (oldLines.join('\n') === newLines.join('\n')) continue;
    const line = (text: string, change?: RunChange): Inline[] => [
      { type: 'text', text, ...(change ? { change } : {}) },
    ];
    changes[part] = compareTexts(oldLines.map(normalizeText), newLines.map(normalizeText), 0.5).map(
      ({ row, kind }) => {
        const old = row.oldIndex === undefined ? undefined : oldLines[row.oldIndex]!;
        const neu = row.newIndex === undefined ? undefined : newLines[row.newIndex]!;
        if (old === undefined) return line(neu!, 'ins');
        if (neu === undefined) return line(old, 'del');
        return kind === 'same' ? line(neu) : diffInlines(line(old), line(neu));
      },
    );
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Marking whole blocks

const runChange = (change: BlockChange): RunChange =>
  change === 'del' || change === 'moveFrom' ? 'del' : 'ins';

/** Inlines marked inserted or deleted; a deleted footnote mark becomes its number (its note is the new one's). */
function markInlines(inlines: readonly Inline[], change: RunChange): Inline[] {
  return inlines.map((inline): Inline => {
    if (inline.type === 'text') return { ...inline, change };
    if (inline.type === 'noteRef' && change === 'del')
      return { type: 'text', text: String(inline.number), change };
    return inline;
  });
}

/** The change of a whole block or item, with the number of its move when it is moved. */
const changeOf = (change: BlockChange, move?: number) => (move === undefined ? { change } : { change, move });

function markItem(item: ListItem, change: BlockChange, move?: number): ListItem {
  return {
    ...item,
    ...changeOf(change, move),
    blocks: item.blocks.map((b) => markBlock(b, change, move) as ListItemBlock),
  };
}

/** A block with all its text and paragraph marks inserted, deleted or moved (`move`: the move's number). */
export function markBlock(block: Block, change: BlockChange, move?: number): Block {
  const run = runChange(change);
  const marked = changeOf(change, move);
  switch (block.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return { ...block, ...marked, inlines: markInlines(block.inlines, run) };
    case 'list':
      return { ...block, ...marked, items: block.items.map((item) => markItem(item, change, move)) };
    case 'recipients':
      return { ...block, ...marked, changes: block.recipients.map(() => run) };
    case 'table':
      return {
        ...block,
        ...marked,
        header: block.header.map((c) => ({ ...c, inlines: markInlines(c.inlines, run) })),
        rows: block.rows.map((r) => r.map((c) => ({ ...c, inlines: markInlines(c.inlines, run) }))),
      };
    case 'quote':
      return {
        ...block,
        ...marked,
        blocks: block.blocks.map((b) => markBlock(b, change, move) as typeof b),
      };
    default:
      return { ...block, ...marked };
  }
}

// ---------------------------------------------------------------------------------------------------
// Word-level changes inside one paragraph

/** Stands for a line break or a footnote mark in the compared text: a token of its own. */
const placeholder = '\uE000';

interface Flat {
  text: string;
  /** For each inline, where its text starts in `text`. */
  starts: number[];
  inlines: readonly Inline[];
}

function flatten(inlines: readonly Inline[]): Flat {
  let text = '';
  const starts: number[] = [];
  for (const inline of inlines) {
    starts.push(text.length);
    text += inline.type === 'text' ? inline.text : placeholder;
  }
  return { text, starts, inlines };
}

/** The inlines covering `length` characters from `offset`, text runs cut where needed. */
function cut(flat: Flat, offset: number, length: number): Inline[] {
  const out: Inline[] = [];
  const end = offset + length;
  flat.inlines.forEach((inline, i) => {
    const start = flat.starts[i]!;
    const size = inline.type === 'text' ? inline.text.length : 1;
    const from = Math.max(start, offset);
    const to = Math.min(start + size, end);
    if (from >= to) return;
    out.push(
      inline.type === 'text' ? { ...inline, text: inline.text.slice(from - start, to - start) } : inline,
    );
  });
  return out;
}

/** The new inlines with the old ones' deleted words put back, word by word, each keeping its formatting. */
export function diffInlines(oldInlines: readonly Inline[], newInlines: readonly Inline[]): Inline[] {
  const before = flatten(oldInlines);
  const after = flatten(newInlines);
  const out: Inline[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const part of diffWords(before.text, after.text, { exact: true })) {
    const n = part.text.length;
    if (part.op === 'del') {
      out.push(...markInlines(cut(before, oldAt, n), 'del'));
      oldAt += n;
    } else if (part.op === 'ins') {
      out.push(...markInlines(cut(after, newAt, n), 'ins'));
      newAt += n;
    } else {
      out.push(...cut(after, newAt, n));
      oldAt += n;
      newAt += n;
    }
  }
  return out;
}

/** A reworded block: the same kind of block on both sides gets word-level changes, others are replaced. */
function rewordBlock(before: Block, after: Block): Block[] {
  if (
    (before.type === 'paragraph' && after.type === 'paragraph') ||
    (before.type === 'heading' && after.type === 'heading') ||
    (before.type === 'title' && after.type === 'title')
  )
    return [{ ...after, inlines: diffInlines(before.inlines, after.inlines) } as Block];
  return [markBlock(before, 'del'), markBlock(after, 'ins')];
}

// ---------------------------------------------------------------------------------------------------
// Units: what one row of a comparison stands for in the Doc (a block, or one item of a list)

type Unit = { block: Block } | { item: ListItem; list: ListBlock };

function unitsOf(blocks: readonly Block[]): Unit[] {
  return blocks.flatMap((block): Unit[] =>
    block.type === 'list' ? block.items.map((item) => ({ item, list: block })) : [{ block }],
  );
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? ' ' : '')).join('');
}

function blockText(block: Block | ListItemBlock): string {
  switch (block.type) {
    case 'title':
    case 'heading':
    case 'paragraph':
      return inlineText(block.inlines);
    case 'list':
      return block.items.map((item) => item.blocks.map(blockText).join(' ')).join(' ');
    case 'table':
      return [block.header, ...block.rows]
        .map((r) => r.map((c) => inlineText(c.inlines)).join(' '))
        .join(' ');
    case 'quote':
      return block.blocks.map(blockText).join(' ');
    case 'figure':
      return block.alt;
    case 'recipients':
      return [block.label, ...block.recipients].join(' ');
    default:
      return '';
  }
}

const unitText = (u: Unit) =>
  normalizeText('item' in u ? u.item.blocks.map(blockText).join(' ') : blockText(u.block));

/** One output unit: a block, or a list item to be set in a list like the one it came from. */
type Out = { block: Block } | { item: ListItem; list: ListBlock };

function markUnit(u: Unit, change: BlockChange, move?: number): Out {
  return 'item' in u
    ? { item: markItem(u.item, change, move), list: u.list }
    : { block: markBlock(u.block, change, move) };
}

/** Numbers the moves of one diff document, so a move's two places can be paired. */
interface Moves {
  next: number;
}

function rewordUnit(before: Unit, after: Unit): Out[] {
  if ('item' in before && 'item' in after) {
    const a = before.item.blocks;
    const b = after.item.blocks;
    if (a.length === 1 && b.length === 1 && a[0]!.type === 'paragraph' && b[0]!.type === 'paragraph') {
      const blocks = rewordBlock(a[0]!, b[0]!) as ListItemBlock[];
      return [{ item: { ...after.item, blocks }, list: after.list }];
    }
    return [markUnit(before, 'del'), markUnit(after, 'ins')];
  }
  if ('block' in before && 'block' in after)
    return rewordBlock(before.block, after.block).map((block) => ({ block }));
  return [markUnit(before, 'del'), markUnit(after, 'ins')];
}

/** A row of an aligned comparison: indices into the old and new units, and whether it moved. */
interface UnitRow {
  oldIndex?: number;
  newIndex?: number;
  moved: boolean;
}

/**
 * The units of both sides laid out by `rows` (in new order, removed ones at their old place): same units
 * as they are, reworded ones word by word, added and removed ones inserted and deleted, and a moved one
 * moved: at its new place (moveTo) and back at its old place (moveFrom), after the old unit it followed.
 */
function layOut(
  oldUnits: readonly Unit[],
  newUnits: readonly Unit[],
  rows: readonly UnitRow[],
  moves: Moves,
): Out[] {
  const out: Out[][] = [];
  const moveOf = new Map<UnitRow, number>();
  const placeAfterOld = new Map<number, Out[]>(); // old index → moved-away units to set after it
  const atStart: Out[] = [];
  const stays = rows.filter((r) => !r.moved && r.oldIndex !== undefined).map((r) => r.oldIndex!);
  for (const row of rows) {
    if (!row.moved || row.oldIndex === undefined) continue;
    const anchor = Math.max(-1, ...stays.filter((i) => i < row.oldIndex!));
    moveOf.set(row, moves.next++);
    const copy = markUnit(oldUnits[row.oldIndex]!, 'moveFrom', moveOf.get(row));
    if (anchor === -1) atStart.push(copy);
    else placeAfterOld.set(anchor, [...(placeAfterOld.get(anchor) ?? []), copy]);
  }
  out.push(atStart);
  for (const row of rows) {
    const before = row.oldIndex === undefined ? undefined : oldUnits[row.oldIndex];
    const after = row.newIndex === undefined ? undefined : newUnits[row.newIndex];
    if (before && after && row.moved) out.push([markUnit(after, 'moveTo', moveOf.get(row))]);
    else if (before && after)
      out.push(unitText(before) === unitText(after) ? [after] : rewordUnit(before, after));
    else if (after) out.push([markUnit(after, 'ins')]);
    else if (before) out.push([markUnit(before, 'del')]);
    if (before && !row.moved) out.push(placeAfterOld.get(row.oldIndex!) ?? []);
  }
  return out.flat();
}

/** Consecutive items from lists of one kind set as one list again (so an ordered list counts on). */
function regroup(units: readonly Out[]): Block[] {
  const blocks: Block[] = [];
  let open: ListBlock | undefined;
  for (const u of units) {
    if ('block' in u) {
      open = undefined;
      blocks.push(u.block);
      continue;
    }
    if (open && open.ordered === u.list.ordered) {
      open.items.push(u.item);
      continue;
    }
    const { change: _change, move: _move, ...list } = u.list;
    open = { ...list, items: [u.item] };
    blocks.push(open);
  }
  return blocks;
}

/** Rows of the generic text comparison (front-matter lists, template text): as the CaseDiff compares them. */
function textRows(oldUnits: readonly Unit[], newUnits: readonly Unit[]): UnitRow[] {
  return compareTexts(oldUnits.map(unitText), newUnits.map(unitText), 0.5).map((r) => r.row);
}

// ---------------------------------------------------------------------------------------------------
// Regions: the blocks under one level-2 heading

interface Region {
  heading?: HeadingBlock;
  /** Blocks from the case file's section text (they carry a source position). */
  text: Block[];
  /** Blocks the template prints after it (beslutsunderlag, links, MBL sentences …). */
  extra: Block[];
}

/** The blocks before the first level-2 heading, the regions, and what closes the memo. */
function regionsOf(blocks: readonly Block[]): { lead: Block[]; regions: Region[]; tail: Block[] } {
  const lead: Block[] = [];
  const regions: Region[] = [];
  const tail: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'signatures' || block.type === 'recipients' || block.type === 'notes') {
      tail.push(block);
      continue;
    }
    if (block.type === 'heading' && block.level === 2) {
      regions.push({ heading: block, text: [], extra: [] });
      continue;
    }
    const region = regions.at(-1);
    if (!region) lead.push(block);
    else if (block.source && region.extra.length === 0) region.text.push(block);
    else region.extra.push(block);
  }
  return { lead, regions, tail };
}

const headingKey = (r: Region) => normalizeKey(r.heading ? inlineText(r.heading.inlines) : '');

function pointRows(block: DecisionBlockDiff | undefined, oldCount: number, newCount: number): UnitRow[] {
  if (!block) return [...Array(newCount).keys()].map((j) => ({ newIndex: j, moved: false }));
  const rows = block.points.map((p) => ({
    ...(p.oldNumber === undefined ? {} : { oldIndex: p.oldNumber - 1 }),
    ...(p.newNumber === undefined ? {} : { newIndex: p.newNumber - 1 }),
    moved: p.moved,
  }));
  const fits = rows.every(
    (r) => (r.oldIndex ?? 0) < Math.max(oldCount, 1) && (r.newIndex ?? 0) < Math.max(newCount, 1),
  );
  return fits ? rows : [];
}

/** The rows of a section's paragraphs, as its `ParagraphDiff`s have them (old indices found by text). */
function paragraphRows(section: SectionDiff, oldTexts: readonly string[]): UnitRow[] {
  const used = new Set<number>();
  let newAt = 0;
  return section.paragraphs.map((p) => {
    let oldIndex: number | undefined;
    if (p.old !== undefined) {
      oldIndex = oldTexts.findIndex((t, i) => !used.has(i) && t === p.old);
      if (oldIndex === -1) oldIndex = undefined;
      else used.add(oldIndex);
    }
    const row: UnitRow = { moved: p.moved };
    if (oldIndex !== undefined) row.oldIndex = oldIndex;
    if (p.new !== undefined) row.newIndex = newAt++;
    return row;
  });
}

/** A region's text units, by the section's paragraph rows when they fit its units, else compared as text. */
function sectionText(
  moves: Moves,
  before: Region | undefined,
  after: Region | undefined,
  section: SectionDiff | undefined,
  oldSection: string[] | undefined,
  newSection: string[] | undefined,
): Out[] {
  const oldUnits = unitsOf(before?.text ?? []);
  const newUnits = unitsOf(after?.text ?? []);
  const fits =
    section &&
    oldSection &&
    newSection &&
    oldSection.length === oldUnits.length &&
    newSection.length === newUnits.length;
  const rows = fits ? paragraphRows(section, oldSection) : [];
  const complete =
    fits &&
    rows.every((r) => r.oldIndex !== undefined || r.newIndex !== undefined) &&
    rows.filter((r) => r.oldIndex !== undefined).length === oldUnits.length;
  return layOut(oldUnits, newUnits, complete ? rows : textRows(oldUnits, newUnits), moves);
}

function diffBlocks(
  oldCase: Case,
  newCase: Case,
  oldBlocks: readonly Block[],
  newBlocks: readonly Block[],
  diff: CaseDiff,
): Block[] {
  const before = regionsOf(oldBlocks);
  const after = regionsOf(newBlocks);
  const out: Block[] = [];
  const moves: Moves = { next: 1 };

  // The title (and a table of contents) before the first heading.
  const [oldLead, newLead] = [unitsOf(before.lead), unitsOf(after.lead)];
  out.push(...regroup(layOut(oldLead, newLead, textRows(oldLead, newLead), moves)));

  // Decision regions: the first heading regions, one per decision block, in each case's order.
  const oldDecisions = before.regions.slice(0, oldCase.decisions.length);
  const newDecisions = after.regions.slice(0, newCase.decisions.length);
  const oldSections = before.regions.slice(oldCase.decisions.length);
  const newSections = after.regions.slice(newCase.decisions.length);
  const decisionOf = (board: string) =>
    diff.decisions.find((d) => normalizeKey(d.board) === normalizeKey(board));
  const oldBoards = oldCase.decisions.map((d) => normalizeKey(d.board));
  newCase.decisions.forEach((block, k) => {
    const region = newDecisions[k]!;
    const at = oldBoards.indexOf(normalizeKey(block.board));
    const old = at === -1 ? undefined : oldDecisions[at];
    out.push(
      ...regionDiff(moves, old, region, (o, n) => pointRows(decisionOf(block.board), o.length, n.length)),
    );
  });
  oldCase.decisions.forEach((block, k) => {
    if (!newCase.decisions.some((d) => normalizeKey(d.board) === normalizeKey(block.board)))
      out.push(...regionBlocks(oldDecisions[k]!).map((b) => markBlock(b, 'del')));
  });

  // Sections by heading (a renamed one by its old heading); a moved one set moved.
  const sectionDiffOf = (key: string) =>
    diff.sections.find((s) => normalizeKey(s.heading) === key && s.kind !== 'removed');
  const oldKeyOf = (key: string) => {
    const s = sectionDiffOf(key);
    return s?.oldHeading === undefined ? key : normalizeKey(s.oldHeading);
  };
  const markdownOf = (c: Case, key: string) => {
    const s = c.sections.find((x) => normalizeKey(x.heading) === key);
    return s ? splitParagraphs(s.markdown) : undefined;
  };
  const matchedOld = new Set<number>();
  const newKeys = newSections.map(headingKey);
  const oldIndexFor = newKeys.map((key) => {
    const i = oldSections.findIndex((r, n) => !matchedOld.has(n) && headingKey(r) === oldKeyOf(key));
    if (i !== -1) matchedOld.add(i);
    return i;
  });
  const rows: UnitRow[] = newSections.map((_, j) => ({
    ...(oldIndexFor[j] === -1 ? {} : { oldIndex: oldIndexFor[j] }),
    newIndex: j,
    moved: oldIndexFor[j] !== -1 && (sectionDiffOf(newKeys[j]!)?.moved ?? false),
  }));
  // Removed sections at their old place: before the next old section still there.
  const removed = oldSections.map((_, i) => i).filter((i) => !matchedOld.has(i));
  const laidOut: UnitRow[] = [];
  for (const row of rows) {
    if (row.oldIndex !== undefined && !row.moved)
      while (removed.length > 0 && removed[0]! < row.oldIndex)
        laidOut.push({ oldIndex: removed.shift()!, moved: false });
    laidOut.push(row);
  }
  for (const i of removed) laidOut.push({ oldIndex: i, moved: false });
  const stays = laidOut.filter((r) => !r.moved && r.oldIndex !== undefined).map((r) => r.oldIndex!);
  const movedFrom = new Map<number, Block[]>();
  const movedToStart: Block[] = [];
  const moveOf = new Map<UnitRow, number>();
  for (const row of laidOut) {
    if (!row.moved) continue;
    moveOf.set(row, moves.next++);
    const copy = regionBlocks(oldSections[row.oldIndex!]!).map((b) =>
      markBlock(b, 'moveFrom', moveOf.get(row)),
    );
    const anchor = Math.max(-1, ...stays.filter((i) => i < row.oldIndex!));
    if (anchor === -1) movedToStart.push(...copy);
    else movedFrom.set(anchor, [...(movedFrom.get(anchor) ?? []), ...copy]);
  }
  out.push(...movedToStart);
  for (const row of laidOut) {
    const old = row.oldIndex === undefined ? undefined : oldSections[row.oldIndex];
    const neu = row.newIndex === undefined ? undefined : newSections[row.newIndex];
    if (neu && row.moved) out.push(...regionBlocks(neu).map((b) => markBlock(b, 'moveTo', moveOf.get(row))));
    else if (neu) {
      const key = headingKey(neu);
      const section = sectionDiffOf(key);
      out.push(
        ...regionDiff(moves, old, neu, undefined, (o, n) =>
          sectionText(moves, o, n, section, markdownOf(oldCase, oldKeyOf(key)), markdownOf(newCase, key)),
        ),
      );
    } else if (old) out.push(...regionBlocks(old).map((b) => markBlock(b, 'del')));
    if (old && !row.moved) out.push(...(movedFrom.get(row.oldIndex!) ?? []));
  }

  // Signatures as they are now, the recipients compared one by one, the notes the new version's.
  for (const block of after.tail) {
    if (block.type !== 'recipients') {
      out.push(block);
      continue;
    }
    const old = before.tail.find((b): b is RecipientsBlock => b.type === 'recipients');
    out.push(recipientsDiff(old, block));
  }
  if (!after.tail.some((b) => b.type === 'recipients')) {
    const old = before.tail.find((b) => b.type === 'recipients');
    if (old) {
      const notes = out.findIndex((b) => b.type === 'notes');
      out.splice(notes === -1 ? out.length : notes, 0, markBlock(old, 'del'));
    }
  }
  return out;
}

function regionBlocks(r: Region): Block[] {
  return [...(r.heading ? [r.heading] : []), ...r.text, ...r.extra];
}

/**
 * One region of the new version against its old counterpart (absent: the region is new): its heading
 * word by word, its text by `textOf` (or by `rowsOf` over the units, or compared as text), and what the
 * template prints after it compared as text.
 */
function regionDiff(
  moves: Moves,
  before: Region | undefined,
  after: Region,
  rowsOf?: (oldUnits: Unit[], newUnits: Unit[]) => UnitRow[],
  textOf?: (before: Region | undefined, after: Region) => Out[],
): Block[] {
  if (!before) return regionBlocks(after).map((b) => markBlock(b, 'ins'));
  const heading =
    after.heading && before.heading
      ? inlineText(before.heading.inlines) === inlineText(after.heading.inlines)
        ? [after.heading]
        : rewordBlock(before.heading, after.heading)
      : after.heading
        ? [after.heading]
        : [];
  let text: Out[];
  if (textOf) text = textOf(before, after);
  else {
    const oldUnits = unitsOf(before.text.length > 0 ? before.text : before.extra);
    const newUnits = unitsOf(after.text.length > 0 ? after.text : after.extra);
    const rows = rowsOf?.(oldUnits, newUnits) ?? [];
    text = layOut(
      oldUnits,
      newUnits,
      rows.length > 0 || (oldUnits.length === 0 && newUnits.length === 0)
        ? rows
        : textRows(oldUnits, newUnits),
      moves,
    );
  }
  const extraOld = textOf || before.text.length > 0 ? unitsOf(before.extra) : [];
  const extraNew = textOf || after.text.length > 0 ? unitsOf(after.extra) : [];
  const extra = layOut(extraOld, extraNew, textRows(extraOld, extraNew), moves);
  return [...heading, ...regroup(text), ...regroup(extra)];
}

function recipientsDiff(before: RecipientsBlock | undefined, after: RecipientsBlock): RecipientsBlock {
  if (!before) return markBlock(after, 'ins') as RecipientsBlock;
  const rows = compareTexts(before.recipients.map(normalizeText), after.recipients.map(normalizeText), 0.5);
  const recipients: string[] = [];
  const changes: (RunChange | undefined)[] = [];
  for (const { row, kind } of rows) {
    if (row.oldIndex !== undefined && (row.newIndex === undefined || kind === 'changed')) {
      recipients.push(before.recipients[row.oldIndex]!);
      changes.push('del');
    }
    if (row.newIndex !== undefined) {
      recipients.push(after.recipients[row.newIndex]!);
      changes.push(kind === 'same' ? undefined : 'ins');
    }
  }
  return { ...after, recipients, changes };
}
