/**
 * The one way data reaches PDF syntax (the PDF backend and the archive both write through here). Text
 * strings are UTF-16BE hex, so no character of the text can end the string; ASCII byte strings are
 * literal with `(`, `)`, `\` and every non-printable byte escaped; names are #-escaped UTF-8; a link
 * becomes a URI action only for an allowed target. pdf-lib's `PDFString.of` takes its argument as
 * already-escaped PDF syntax, so it is never called with data anywhere else.
 */
import { type PDFContext, type PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { linkUri } from '../../../doc/links.js';
import { xmlChars } from '../../../util/xml.js';

/**
 * A text string (/Title, /Contents, /UF, /Desc, bookmarks, /Lang). Characters XML 1.0 cannot hold are
 * dropped, as in the XMP, so Info and XMP of an archival PDF say the same.
 */
export function textString(text: string): PDFHexString {
  return PDFHexString.fromText(xmlChars(text));
}

/** A string of 7-bit ASCII bytes (/F, /URI, dates), written literally and escaped. */
export function asciiString(text: string): PDFString {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`Ingen 7-bitars ASCII-text: ${JSON.stringify(text)}`);
  const escaped = text
    .replace(/[\\()]/g, '\\$&')
    .replace(/[^\x20-\x7e]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return PDFString.of(escaped);
}

/**
 * A name from any text: its UTF-8 bytes, those outside the regular characters as #xx (pdf-lib), NUL
 * dropped. pdf-lib decodes #xx in its input first, so a literal "#" is handed over as "#23".
 */
export function nameOf(text: string): PDFName {
  const bytes = new TextEncoder().encode(text.replaceAll('\u0000', ''));
  return PDFName.of(
    Array.from(bytes, (b) => String.fromCharCode(b))
      .join('')
      .replaceAll('#', '#23'),
  );
}

/** The URI action of a link, or undefined when the target is not an allowed web or mail address. */
export function uriAction(context: PDFContext, href: string): PDFDict | undefined {
  const uri = linkUri(href);
  return uri === undefined ? undefined : context.obj({ Type: 'Action', S: 'URI', URI: asciiString(uri) });
}
