/**
 * A small reader of tracked changes in document.xml, for tests: Word's "accept all" and "reject all"
 * as the words that remain, and the changed paragraphs' texts.
 */
import { tokenize } from '../../../src/diff/tokenize.js';

const unescapeXmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of an XML fragment as Word shows it (w:t, w:delText, non-breaking hyphens, breaks). */
export function textOf(xml: string, withDeleted = false): string {
  let text = '';
  const pattern = withDeleted
    ? /<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>|<w:noBreakHyphen\/>|<w:br\/>|<w:tab\/>/g
    : /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>|<w:br\/>|<w:tab\/>/g;
  for (const m of xml.matchAll(pattern)) {
    text += m[1] !== undefined ? unescapeXmlText(m[1]) : m[0] === '<w:noBreakHyphen/>' ? '-' : ' ';
  }
  return text;
}

/** Accept all: deleted content goes (w:del, w:moveFrom), inserted stays. */
export function acceptAll(xml: string): string {
  return textOf(xml.replace(/<w:(del|moveFrom)\b[^>/]*>[\s\S]*?<\/w:\1>/g, ''));
}

/** Reject all: inserted content goes (w:ins, w:moveTo), deleted comes back. */
export function rejectAll(xml: string): string {
  return textOf(xml.replace(/<w:(ins|moveTo)\b[^>/]*>[\s\S]*?<\/w:\1>/g, ''), true);
}

/** The words of a text (the diff's tokens, spacing ignored). */
export function words(text: string): string[] {
  return tokenize(text.replace(/\u2011/g, '-')).map((t) => t.text.replace(/\s+/gu, ' '));
}

export const paragraphsOf = (xml: string) => xml.match(/<w:p\b[^>]*\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];
