/** Text that XML 1.0 can hold: Word refuses a document with characters outside XML's range. */

/** C0 controls other than tab, LF, CR; lone surrogates; U+FFFE and U+FFFF. */
const xmlInvalid =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(xmlInvalid, '');
}
