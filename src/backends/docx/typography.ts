/**
 * The shared typography table (src/doc/typography.ts) in Word's units. Noto Sans is the family the PDF
 * backend embeds, so both outputs look alike; the DOCX embeds it too (font-embedding.ts).
 */
import { LineRuleType } from 'docx';
import type { TextStyle } from '../../doc/typography.js';
import { ptToTwip } from './units.js';

export { fontFamily } from '../../doc/typography.js';

/**
 * How Word finds a stand-in should it not use the embedded faces: the font table tells it the family
 * is a proportional sans-serif (PANOSE from the OS/2 table of NotoSans-Regular.ttf).
 */
export const fontTableEntry = { panose: '020B0502040504020204', family: 'swiss', pitch: 'variable' } as const;

/**
 * An exact line height of `lineHeight` × `sizePt`, as the PDF sets its lines. "Auto" spacing would not do:
 * Word measures single spacing by winAscent + winDescent (1.52 em for Noto Sans), LibreOffice by the
 * typographic metrics (1.36 em), so the same DOCX would have two different line heights.
 */
export function exactLine(sizePt: number, lineHeight: number) {
  return { line: ptToTwip(sizePt * lineHeight), lineRule: LineRuleType.EXACT };
}

/** A text style's spacing: space before and after, and its exact line height. */
export function spacingOf(style: TextStyle) {
  return {
    before: ptToTwip(style.beforePt),
    after: ptToTwip(style.afterPt),
    ...exactLine(style.sizePt, style.lineHeight),
  };
}
