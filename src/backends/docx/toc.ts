/**
 * The table of contents as Word writes its own: a TOC field (`TOC \o "2-<depth>" \h \z \u`) whose cached
 * result is the entries, one paragraph each in style TOC2–TOC4, each a hyperlink to a bookmark on its
 * heading with the page as a PAGEREF field. Word and LibreOffice can update the field, but show the cached
 * entries as they are, with the PDF layout's page numbers (index.ts), without updating.
 *
 * docx's TableOfContents can cache entries, but writes each as plain text (no PAGEREF field, so Word's
 * "update page numbers only" has nothing to update) with tab stops for a fixed 9025-twip measure rather than
 * the memo's, and would bookmark the headings itself with ids from a process-wide counter; so the field is
 * built here from docx's components: runs with w:fldChar and w:instrText, InternalHyperlink, SimpleField,
 * BookmarkStart/End.
 *
 * Bookmarks are `_Toc1`, `_Toc2`, … in the order of the listed headings (hidden, as Word's own `_Toc`
 * bookmarks are), their ids the same numbers, so two renders of one Doc are the same bytes.
 */
import {
  BookmarkEnd,
  BookmarkStart,
  BuilderElement,
  InternalHyperlink,
  NextAttributeComponent,
  Paragraph,
  type ParagraphChild,
  SimpleField,
  Tab,
  TextRun,
  XmlComponent,
} from 'docx';
import type { TocBlock } from '../../doc/model.js';
import type { TocEntry } from '../../doc/toc.js';
import { runText } from './inlines.js';
import { StyleId } from './styles.js';

/** A heading's bookmark: its name and id. */
export interface HeadingBookmark {
  name: string;
  id: number;
}

/** The bookmarks of the listed headings (`listedHeadings`), by block index. */
export function headingBookmarks(listed: readonly number[]): Map<number, HeadingBookmark> {
  return new Map(listed.map((block, i) => [block, { name: `_Toc${i + 1}`, id: i + 1 }]));
}

/** The heading paragraph's content inside its bookmark. */
export function bookmarked(
  children: ParagraphChild[],
  bookmark: HeadingBookmark | undefined,
): ParagraphChild[] {
  if (!bookmark) return children;
  // docx's Paragraph writes any component among its children; BookmarkStart/End are not in its type.
  const start = new BookmarkStart(bookmark.name, bookmark.id) as unknown as ParagraphChild;
  const end = new BookmarkEnd(bookmark.id) as unknown as ParagraphChild;
  return [start, ...children, end];
}

type FieldCharType = 'begin' | 'separate' | 'end';

function fieldChar(type: FieldCharType): TextRun {
  return new TextRun({
    children: [
      new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } }),
    ],
  });
}

/** w:instrText with its spaces kept. */
class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

/** The field's instruction: outline levels 2 to `depth`, as hyperlinks, no page numbers in web view. */
export function tocInstruction(depth: TocBlock['depth']): string {
  return ` TOC \\o "2-${depth}" \\h \\z \\u `;
}

const entryStyle = { 2: StyleId.toc2, 3: StyleId.toc3, 4: StyleId.toc4 } as const;

export interface CachedTocEntry extends TocEntry {
  bookmark: HeadingBookmark;
  /** The page the heading is on, from 1. */
  page: number;
}

/**
 * The title paragraph, then the entries with the field around them: it begins in the first entry's paragraph
 * and ends in the last's. Without entries the field stands alone in an empty paragraph, for Word to fill in.
 */
export function tocParagraphs(block: TocBlock, entries: readonly CachedTocEntry[]): Paragraph[] {
  const begin = [
    fieldChar('begin'),
    new TextRun({ children: [new FieldInstruction(tocInstruction(block.depth))] }),
    fieldChar('separate'),
  ];
  const title =
    block.title.trim() === ''
      ? []
      : [
          new Paragraph({
            style: StyleId.tocHeading,
            children: [new TextRun({ children: runText(block.title) })],
          }),
        ];
  if (entries.length === 0)
    return [...title, new Paragraph({ style: StyleId.toc2, children: [...begin, fieldChar('end')] })];
  return [
    ...title,
    ...entries.map(
      (entry, i) =>
        new Paragraph({
          style: entryStyle[entry.level],
          children: [
            ...(i === 0 ? begin : []),
            new InternalHyperlink({
              anchor: entry.bookmark.name,
              children: [
                new TextRun({ children: runText(entry.text) }),
                new TextRun({ children: [new Tab()] }),
                new SimpleField(`PAGEREF ${entry.bookmark.name} \\h`, String(entry.page)),
              ],
            }),
            ...(i === entries.length - 1 ? [fieldChar('end')] : []),
          ],
        }),
    ),
  ];
}
