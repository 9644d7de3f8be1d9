/**
 * Inline content → runs. Runs sharing an external href become one Word hyperlink. A "#" or relative
 * href has no target outside the case's web page, so it is written as plain text (its words kept).
 * Numbers are kept whole at line ends (see nobreak.ts).
 */
import { ExternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import type { TextRun as DocTextRun, Inline } from '../../doc/model.js';
import { keepNumbersTogether } from './nobreak.js';
import { StyleId } from './styles.js';

/** Whether Word can open the href as a link of its own (web or e-mail address). */
export function isExternalHref(href: string | undefined): href is string {
  return href !== undefined && /^(https?:\/\/|mailto:)\S+$/i.test(href.trim());
}

function textRun(run: DocTextRun, style?: string): TextRun {
  return new TextRun({
    text: keepNumbersTogether(run.text),
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
    if (!isExternalHref(href)) {
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
      new ExternalHyperlink({ link: href.trim(), children: group.map((g) => toRun(g, StyleId.hyperlink)) }),
    );
  }
  return children;
}
