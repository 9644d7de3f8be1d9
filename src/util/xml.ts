/**
 * The one XML escaper for every file we write ourselves or through docx: XMP, METS, PREMIS, Dublin Core
 * and the DOCX parts. Characters XML 1.0 cannot hold never reach a file: `skrivelse check` reports them,
 * and here they are dropped as a second line of defence.
 */

/** C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const xmlForbidden =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids (for libraries such as docx that escape themselves). */
export function xmlChars(text: string): string {
  return text.replace(xmlForbidden, '');
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for element content or a quoted attribute value. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Inverse of escapeXml (and character references), for values read back from XML we or others wrote. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A copy of plain data (objects, arrays, strings) with xmlChars applied to every string in it. Binary data
 * (an image's bytes) has no strings and is kept as it is, not copied into a plain object.
 */
export function xmlCharsIn<T>(value: T): T {
  if (typeof value === 'string') return xmlChars(value) as T;
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(xmlCharsIn) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlCharsIn(v)])) as T;
  return value;
}
