/**
 * Inline content → runs. Runs sharing an allowed href (web or mail address, src/doc/links.ts) become one
 * Word hyperlink to its ASCII URI; any other target is written as plain text (its words kept).
 * The text is the Doc's, no-break spaces included; the Doc's no-break hyphen (U+2011, doc/nobreak.ts) is
 * written as Word's, w:noBreakHyphen: the hyphen-minus that is not a line break.
 */
import {
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  NoBreakHyphen,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { linkUri } from '../../doc/links.js';
import type { TextRun as DocTextRun, Inline } from '../../doc/model.js';
import { noBreakHyphen } from '../../doc/nobreak.js';
import { inMoveRange, type MoveCarrier, movedRun, moveOf, revisionAttributes } from './revisions.js';
import { StyleId } from './styles.js';

/** A run's content: its text, with Word's non-breaking hyphen where the Doc has one. */
export function runText(text: string): (string | NoBreakHyphen)[] {
  if (!text.includes(noBreakHyphen)) return [text];
  return text
    .split(noBreakHyphen)
    .flatMap((part, i) => (i === 0 ? [part] : [new NoBreakHyphen(), part]))
    .filter((part) => part !== '');
}

/**
 * A text run; an inserted or deleted one (in a diff document) as Word's tracked insertion or deletion,
 * or as a move where its paragraph is one place of a move (`moved`).
 */
function textRun(run: DocTextRun, style?: string, moved?: ReturnType<typeof moveOf>): ParagraphChild {
  const options = {
    children: runText(run.text),
    bold: run.bold || undefined,
    italics: run.italic || undefined,
    style,
  };
  if (run.change && moved) return movedRun(moved, options);
  const revision = run.change && revisionAttributes();
  if (!revision) return new TextRun(options);
  return run.change === 'ins'
    ? new InsertedTextRun({ ...options, ...revision })
    : new DeletedTextRun({ ...options, ...revision });
}

/**
 * A footnote mark: the first reference to a note is Word's footnote reference (the note's id is its
 * number, and Word numbers notes by first reference as the Doc does); a later one repeats the number
 * in the same character style, as Word cannot point two marks at one footnote.
 */
function toRun(inline: Inline, style?: string, moved?: ReturnType<typeof moveOf>): ParagraphChild {
  if (inline.type === 'break') return new TextRun({ break: 1 });
  if (inline.type === 'noteRef')
    return inline.first
      ? new FootnoteReferenceRun(inline.number)
      : new TextRun({ text: String(inline.number), style: StyleId.footnoteReference });
  return textRun(inline, style, moved);
}

/** A paragraph's runs; `paragraph` (in a diff document) is the block they belong to, when it may be moved. */
export function inlinesToChildren(inlines: readonly Inline[], paragraph?: MoveCarrier): ParagraphChild[] {
  const moved = moveOf(paragraph);
  const children: ParagraphChild[] = [];
  let i = 0;
  while (i < inlines.length) {
    const inline = inlines[i]!;
    const href = inline.type === 'text' ? inline.href : undefined;
    const uri = linkUri(href);
    if (uri === undefined) {
      children.push(toRun(inline, undefined, moved));
      i++;
      continue;
    }
    const group: Inline[] = [];
    while (i < inlines.length) {
      const next = inlines[i]!;
      if (next.type !== 'text' || next.href !== href) break;
      group.push(next);
      i++;
    }
    children.push(
      new ExternalHyperlink({
        link: uri,
        children: group.map((g) => toRun(g, StyleId.hyperlink, moved)),
      }),
    );
  }
  return inMoveRange(paragraph, children);
}
