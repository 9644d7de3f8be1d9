/**
 * Tracked changes of a diff document (Doc.revision set): every inserted or deleted run and paragraph mark
 * becomes a Word revision (w:ins, w:del) through docx's own revision components, with the Doc's author
 * and date and ids unique in the document. Set for the duration of one synchronous document build.
 *
 * A moved paragraph (a decision point or a section that changed place) is a Word move: its text in
 * w:moveFrom at the old place and w:moveTo at the new one, each place inside a move range
 * (w:moveFromRangeStart … w:moveFromRangeEnd, the same for moveTo) whose shared name pairs the two, so
 * Word shows "Flyttad" and accepts or rejects the move as one. docx has no move components; they are
 * built from its generic element (BuilderElement) and run properties, as the schema has them. The
 * paragraph marks of a move are tracked as deleted and inserted, which Word accepts and rejects the same way.
 */
import {
  BuilderElement,
  type NoBreakHyphen,
  type ParagraphChild,
  RunProperties,
  TextRun,
  type XmlComponent,
} from 'docx';
import type { Block, BlockChange, Doc, ListItemBlock, Revision, RunChange } from '../../doc/model.js';

/** A paragraph of the Doc that can be one end of a move: it carries its block change and move number. */
export interface MoveCarrier {
  change?: BlockChange;
  move?: number;
}

type MoveKind = 'moveFrom' | 'moveTo';

interface RangeMarks {
  /** Range opened before this paragraph's text: its id and the move's name. */
  start?: { id: number; name: string };
  /** Range closed after this paragraph's text. */
  end?: { id: number };
}

interface Revisions {
  revision: Revision;
  next: number;
  /** The paragraphs that open or close a move range. */
  ranges: Map<MoveCarrier, RangeMarks>;
  /** The places ("moveFrom 3") written as moves. */
  moves: Set<string>;
}

let current: Revisions | undefined;

/** Revision ids start above anything else the package numbers (bookmarks, footnotes). */
const firstId = 10_000;

/** Runs `build` with the Doc's revision as the author and date of every tracked change it writes. */
export function withRevisions<T>(doc: Doc, build: () => T): T {
  const outer = current;
  current = doc.revision
    ? { revision: doc.revision, next: firstId, ranges: new Map(), moves: new Set() }
    : undefined;
  if (current) planMoves(doc.blocks, current);
  try {
    return build();
  } finally {
    current = outer;
  }
}

/** The attributes of one new revision (w:id, w:author, w:date), or none outside a diff document. */
export function revisionAttributes(): { id: number; author: string; date: string } | undefined {
  if (!current) return undefined;
  return { id: current.next++, ...current.revision };
}

/** A run change as Word has it: a moved block's old place is deleted, its new place inserted. */
export function runChangeOf(change: BlockChange | undefined): RunChange | undefined {
  if (change === 'del' || change === 'moveFrom') return 'del';
  if (change === 'ins' || change === 'moveTo') return 'ins';
  return undefined;
}

/** Paragraph options marking the paragraph mark itself inserted or deleted (spread into `new Paragraph`). */
export function paragraphMark(change: BlockChange | undefined): {
  run?: {
    insertion?: ReturnType<typeof revisionAttributes>;
    deletion?: ReturnType<typeof revisionAttributes>;
  };
} {
  const run = runChangeOf(change);
  const attributes = run && revisionAttributes();
  if (!attributes) return {};
  return { run: run === 'ins' ? { insertion: attributes } : { deletion: attributes } };
}

// ---------------------------------------------------------------------------------------------------
// Moves

/** The paragraphs of the Doc in writing order, as the DOCX backend sets them (lists and quotes inside). */
function* paragraphsOf(blocks: readonly (Block | ListItemBlock)[]): Generator<MoveCarrier> {
  for (const block of blocks) {
    if (block.type === 'title' || block.type === 'heading' || block.type === 'paragraph') yield block;
    else if (block.type === 'list') for (const item of block.items) yield* paragraphsOf(item.blocks);
    else if (block.type === 'quote') yield* paragraphsOf(block.blocks);
  }
}

/**
 * Each move's two places: a range from its first paragraph to its last, on both sides. A move with
 * paragraphs on one side only (a moved table) stays a deletion and an insertion.
 */
function planMoves(blocks: readonly Block[], revisions: Revisions): void {
  const places = new Map<number, Record<MoveKind, MoveCarrier[]>>();
  for (const p of paragraphsOf(blocks)) {
    if ((p.change !== 'moveFrom' && p.change !== 'moveTo') || p.move === undefined) continue;
    const place = places.get(p.move) ?? { moveFrom: [], moveTo: [] };
    place[p.change].push(p);
    places.set(p.move, place);
  }
  for (const [move, place] of places) {
    if (place.moveFrom.length === 0 || place.moveTo.length === 0) continue;
    for (const [kind, side] of Object.entries(place)) {
      revisions.moves.add(`${kind} ${move}`);
      const id = revisions.next++;
      const mark = (p: MoveCarrier) => revisions.ranges.get(p) ?? revisions.ranges.set(p, {}).get(p)!;
      mark(side[0]!).start = { id, name: `move${move}` };
      mark(side.at(-1)!).end = { id };
    }
  }
}

/** Whether `p` is one place of a move with a range (its text is then written as moved, not changed). */
export function moveOf(p: MoveCarrier | undefined): MoveKind | undefined {
  if (!p || !current || (p.change !== 'moveFrom' && p.change !== 'moveTo')) return undefined;
  return current.moves.has(`${p.change} ${p.move}`) ? p.change : undefined;
}

const attributes = (values: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { key: `w:${key}`, value }]));

/** The paragraph's children inside the move range marks it opens or closes (none: as they are). */
export function inMoveRange(p: MoveCarrier | undefined, children: ParagraphChild[]): ParagraphChild[] {
  const marks = p && current?.ranges.get(p);
  const kind = moveOf(p);
  if (!marks || !kind || !current) return children;
  const { author, date } = current.revision;
  const element = (name: string, values: Record<string, string | number>) =>
    new BuilderElement({ name, attributes: attributes(values) }) as unknown as ParagraphChild;
  return [
    ...(marks.start
      ? [element(`w:${kind}RangeStart`, { id: marks.start.id, name: marks.start.name, author, date })]
      : []),
    ...children,
    ...(marks.end ? [element(`w:${kind}RangeEnd`, { id: marks.end.id })] : []),
  ];
}

export interface RunOptions {
  children: (string | NoBreakHyphen)[];
  bold?: boolean;
  italics?: boolean;
  style?: string;
}

/**
 * A run of moved text: in w:moveTo a plain run, in w:moveFrom a run whose text is w:delText (it is no
 * longer there once the move is accepted), as in w:ins and w:del.
 */
export function movedRun(kind: MoveKind, options: RunOptions): ParagraphChild {
  const revision = revisionAttributes()!;
  const run =
    kind === 'moveTo'
      ? new TextRun(options)
      : new BuilderElement({
          name: 'w:r',
          children: [
            new RunProperties(options),
            ...options.children.map(
              (child): XmlComponent =>
                typeof child === 'string'
                  ? new BuilderElement({
                      name: 'w:delText',
                      attributes: { space: { key: 'xml:space', value: 'preserve' } },
                      // A text node: XmlComponent children may be strings.
                      children: [child as unknown as XmlComponent],
                    })
                  : child,
            ),
          ],
        });
  return new BuilderElement({
    name: `w:${kind}`,
    attributes: attributes(revision),
    children: [run],
  }) as unknown as ParagraphChild;
}
