/**
 * Inline content → runs. Runs sharing an allowed href (web or mail address, src/doc/links.ts) become one
 * Word hyperlink to its ASCII URI; any other target is written as plain text (its words kept).
 * The text is the Doc's, character for character (no-break spaces included, doc/nobreak.ts).
 */
import { ExternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import { linkUri } from '../../doc/links.js';
import type { TextRun as DocTextRun, Inline } from '../../doc/model.js';
import { StyleId } from './styles.js';

function textRun(run: DocTextRun, style?: string): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold || undefined,
    italics: run.italic || undefined,
    style,
  });
}

function toRun(inline: Inline, style?: string): TextRun {
  return inline.type === 'break' ? new TextRun({ break: 1 }) : textRun(inline, style);
}

export function inlinesToChildren(inlines: readonly Inline[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let i = 0;
  while (i < inlines.length) {
    const inline = inlines[i]!;
    const href = inline.type === 'text' ? inline.href : undefined;
    const uri = linkUri(href);
    if (uri === undefined) {
      children.push(toRun(inline));
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
      new ExternalHyperlink({ link: uri, children: group.map((g) => toRun(g, StyleId.hyperlink)) }),
    );
  }
  return children;
}
