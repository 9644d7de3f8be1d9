/**
 * The page number "N (M)" as PAGE and NUMPAGES fields with cached values. Word and LibreOffice compute
 * both fields as they lay the document out; the cached values are what a reader that does not lay it out
 * shows (text extraction, search indexes, previews). A head serves several pages, so its PAGE caches the
 * first page it is on; NUMPAGES caches the page count the caller passes (the build passes the PDF
 * layout's, backends/docx/index.ts).
 */
import { type ParagraphChild, SimpleField, TextRun } from 'docx';

export interface CachedPageNumber {
  /** The first page the head is on. */
  page: number;
  /** How many pages the memo has. */
  pages: number;
}

/** "{n} ({m})" → literal text and PAGE / NUMPAGES fields, in order. */
export function pageNumberChildren(format: string, cached: CachedPageNumber): ParagraphChild[] {
  return format
    .split(/(\{n\}|\{m\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{n}'
        ? new SimpleField('PAGE', String(cached.page))
        : part === '{m}'
          ? new SimpleField('NUMPAGES', String(cached.pages))
          : new TextRun({ text: part }),
    );
}
