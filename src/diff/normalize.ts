/**
 * Text normalisation before comparing: differences that a reader cannot see are not differences.
 * NFC (so "ä" typed as a + U+0308 equals "ä"), CRLF/CR → LF, and whitespace collapsed within a paragraph,
 * so re-wrapped lines, trailing spaces and no-break spaces compare equal.
 */

/** NFC, all whitespace runs (incl. line breaks and U+00A0) to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A case-insensitive key for headings and names (matching, not display). */
export function normalizeKey(text: string): string {
  return normalizeText(text).toLocaleLowerCase('sv');
}

const listItemStart = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+/u;
const tableRow = /^\s*\|/u;

/**
 * Splits a section's Markdown into normalised paragraphs: blocks separated by blank lines, and inside a
 * block each list item or table row on its own (so a list item reflowed over two lines stays one unit).
 */
export function splitParagraphs(markdown: string): string[] {
  const lines = markdown.normalize('NFC').replace(/\r\n?/gu, '\n').split('\n');
  const units: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = normalizeText(current.join(' '));
    if (text !== '') units.push(text);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
    } else if (listItemStart.test(line) || tableRow.test(line)) {
      flush();
      current.push(line);
    } else {
      current.push(line);
    }
  }
  flush();
  return units;
}
