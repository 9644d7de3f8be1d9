/**
 * The Word styles of the memo, so an official who opens the DOCX edits real styles (Heading 1, Heading 2,
 * List Number, …) rather than direct formatting. Sizes, line heights and spacing are the shared table's
 * (src/doc/typography.ts), the same numbers the PDF is laid out with.
 *
 * Mapping from the Doc: title → Heading 1, heading level 2 → Heading 2, level 3 → Heading 3, so Word's
 * navigation pane shows the rubrik with the memo's sections below it, as the PDF's bookmarks do.
 * Built-in styles carry Word's internal names ("heading 1", "header", "List Number", "Signature"),
 * so a Swedish Word shows them as Rubrik 1, Sidhuvud, Listnumrering, Signatur. The memo's own styles
 * have Swedish names (Ledtext, Avdelare, Sändlista, …); their ids stay English like the code.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  type IBorderOptions,
  type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
  LeaderType,
  LineRuleType,
  OnOffElement,
  ParagraphProperties,
  RunProperties,
  StringValueElement,
  TableCellBorders,
  TableProperties,
  TabStopType,
  type XmlComponent,
} from 'docx';
import * as typo from '../../doc/typography.js';
import type { ListNumbering } from './numbering.js';
import { exactLine, fontFamily, spacingOf } from './typography.js';
import { ptToEighthPt, ptToHalfPt, ptToTwip } from './units.js';

/** Style ids used by the block and furniture writers. */
export const StyleId = {
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  label: 'Label',
  listNumber: 'ListNumber',
  listBullet: 'ListBullet',
  listContinue: 'ListContinue',
  rule: 'Rule',
  signature: 'Signature',
  recipients: 'Recipients',
  header: 'Header',
  footer: 'Footer',
  footerLabel: 'FooterLabel',
  wordmark: 'Wordmark',
  documentLabel: 'DocumentLabel',
  addressee: 'Addressee',
  shortHead: 'ShortHead',
  pageNumber: 'PageNumber',
  hyperlink: 'Hyperlink',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  quote: 'Quote',
  figure: 'Figure',
  tocHeading: 'TOCHeading',
  toc2: 'TOC2',
  toc3: 'TOC3',
  toc4: 'TOC4',
  /** The table style of data tables (style type table). */
  table: 'Skrivelsetabell',
} as const;

function run(language: string, extra: IRunStylePropertiesOptions = {}): IRunStylePropertiesOptions {
  return { font: fontFamily, language: { value: language }, ...extra };
}

const f = typo.furniture;

/** A furniture style: its size, set solid at the furniture's line height, no space after. */
const furnitureText = (sizePt: number, bold?: boolean) => ({
  run: { size: ptToHalfPt(sizePt), ...(bold && { bold }) },
  paragraph: { spacing: { after: 0, ...exactLine(sizePt, f.lineHeight) } },
});

const tableText = typo.table.text;
const tableTextSpacing = { before: 0, after: 0, ...exactLine(tableText.sizePt, tableText.lineHeight) };

/** Space between a list's paragraphs; the writer gives the list's last paragraph `list.afterPt`. */
const listSpacing = { after: ptToTwip(typo.list.itemGapPt) };

function paragraphStyles(
  language: string,
  lists: ListNumbering['styleRefs'],
  textWidthTwip: number,
): IParagraphStyleOptions[] {
  const bodyStyle = (id: string, name: string, extra: Omit<IParagraphStyleOptions, 'id' | 'name'>) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    ...extra,
    run: run(language, extra.run),
  });
  const { rule } = typo;
  return [
    bodyStyle(StyleId.label, 'Ledtext', {
      run: { bold: true },
      paragraph: { keepNext: true, spacing: spacingOf(typo.text.label) },
    }),
    bodyStyle(StyleId.listNumber, 'List Number', {
      paragraph: {
        spacing: listSpacing,
        ...(lists.ordered && { numbering: { ...lists.ordered, level: 0 } }),
      },
    }),
    bodyStyle(StyleId.listBullet, 'List Bullet', {
      paragraph: {
        spacing: listSpacing,
        ...(lists.bullet && { numbering: { ...lists.bullet, level: 0 } }),
      },
    }),
    bodyStyle(StyleId.listContinue, 'List Continue', { paragraph: { spacing: listSpacing } }),
    // An empty paragraph half the rule's block high with the line as its bottom border, so the line sits
    // where the PDF draws it; as long as the rule, from the left margin.
    bodyStyle(StyleId.rule, 'Avdelare', {
      paragraph: {
        keepNext: true,
        spacing: {
          before: ptToTwip(rule.beforePt),
          after: ptToTwip(rule.afterPt + rule.heightPt / 2),
          line: ptToTwip(rule.heightPt / 2),
          lineRule: LineRuleType.EXACT,
        },
        border: {
          bottom: {
            style: BorderStyle.SINGLE,
            size: ptToEighthPt(rule.thicknessPt),
            color: typo.colours.rule,
            space: 0,
          },
        },
        indent: { right: Math.max(0, textWidthTwip - ptToTwip(rule.widthPt)) },
      },
    }),
    bodyStyle(StyleId.signature, 'Signature', {
      paragraph: { keepNext: true, keepLines: true, spacing: { after: 0 } },
    }),
    bodyStyle(StyleId.recipients, 'Sändlista', {
      paragraph: { keepLines: true, spacing: { after: 0 } },
    }),
    // A block quote's paragraphs; a quote inside a quote adds the indent again on the paragraph.
    bodyStyle(StyleId.quote, 'Quote', {
      paragraph: { indent: { left: ptToTwip(typo.quote.indentPt) } },
    }),
    // Auto line height: an exact one, as body text has, would cut the picture to one line of text.
    bodyStyle(StyleId.figure, 'Bild', {
      paragraph: {
        keepLines: true,
        spacing: {
          before: ptToTwip(typo.figure.beforePt),
          after: ptToTwip(typo.figure.afterPt),
          line: 240,
          lineRule: LineRuleType.AUTO,
        },
      },
    }),
    // Cell text: the table's size, set solid (the cells' margins give the rows their air).
    bodyStyle(StyleId.tableText, 'Tabelltext', {
      next: StyleId.tableText,
      run: { size: ptToHalfPt(tableText.sizePt) },
      paragraph: { spacing: tableTextSpacing },
    }),
    bodyStyle(StyleId.tableHeading, 'Tabellrubrik', {
      basedOn: StyleId.tableText,
      next: StyleId.tableText,
      run: { bold: true },
      paragraph: { keepNext: true },
    }),
    // The toc's title looks like a section heading but has no outline level: not in the toc, nor in
    // Word's navigation pane (Word's own "TOC Heading", Innehållsförteckningsrubrik in a Swedish Word).
    bodyStyle(StyleId.tocHeading, 'TOC Heading', {
      run: {
        bold: typo.text.heading2.bold,
        size: ptToHalfPt(typo.text.heading2.sizePt),
        color: typo.colours.text,
      },
      paragraph: { keepNext: true, keepLines: true, spacing: spacingOf(typo.text.heading2) },
    }),
    ...tocEntryStyles(textWidthTwip).map((style) => bodyStyle(style.id, style.name, style)),
    bodyStyle(StyleId.header, 'header', furnitureText(f.headSizePt)),
    bodyStyle(StyleId.footer, 'footer', furnitureText(f.footerValueSizePt)),
    bodyStyle(StyleId.footerLabel, 'Sidfot ledtext', {
      basedOn: StyleId.footer,
      ...furnitureText(f.footerLabelSizePt, true),
    }),
    bodyStyle(StyleId.wordmark, 'Kommunnamn', {
      basedOn: StyleId.header,
      ...furnitureText(f.wordmarkSizePt, true),
    }),
    bodyStyle(StyleId.documentLabel, 'Dokumenttyp', {
      basedOn: StyleId.header,
      ...furnitureText(f.labelSizePt, true),
    }),
    bodyStyle(StyleId.addressee, 'Mottagare', {
      basedOn: StyleId.header,
      ...furnitureText(f.addresseeSizePt),
    }),
    bodyStyle(StyleId.shortHead, 'Sidhuvud senare sidor', {
      basedOn: StyleId.header,
      ...furnitureText(f.shortHeadSizePt),
    }),
    bodyStyle(StyleId.pageNumber, 'Sidnummer', {
      basedOn: StyleId.header,
      run: furnitureText(f.pageNumberSizePt).run,
      paragraph: { ...furnitureText(f.pageNumberSizePt).paragraph, alignment: AlignmentType.RIGHT },
    }),
  ];
}

/**
 * The toc's entries: Word's built-in "toc 2" to "toc 4" (Innehåll 2–4 in a Swedish Word), which Word gives
 * the entries it writes when it updates the field, so its update keeps this look. Each level one
 * `levelIndentPt` further in, the number at a right tab with dot leader at the text's right edge. No right
 * indent keeps a long entry's text out of the number's column, as in the PDF: LibreOffice (7.4) does not
 * set a tab stop past the right indent and would lose the numbers; so a long entry wraps at the margin and
 * its number follows its last line (on a line of its own if the text reaches the tab).
 */
function tocEntryStyles(textWidthTwip: number) {
  const { toc } = typo;
  return ([2, 3, 4] as const).map((level) => ({
    id: { 2: StyleId.toc2, 3: StyleId.toc3, 4: StyleId.toc4 }[level],
    name: `toc ${level}`,
    paragraph: {
      spacing: {
        ...spacingOf(toc.entry),
        before: ptToTwip(level === 2 ? toc.sectionBeforePt : toc.entry.beforePt),
      },
      indent: { left: ptToTwip((level - 2) * toc.levelIndentPt) },
      tabStops: [
        {
          type: TabStopType.RIGHT,
          position: textWidthTwip,
          leader: toc.leader === 'dot' ? LeaderType.DOT : LeaderType.NONE,
        },
      ],
    },
  }));
}

/**
 * Paragraph defaults: body text. Widow and orphan control is on, as in Word's own Normal template (docx's
 * types only offer it on paragraphs, but its defaults writer takes it).
 */
const paragraphDefaults: IParagraphStylePropertiesOptions & { widowControl: boolean } = {
  spacing: spacingOf(typo.text.body),
  widowControl: true,
};

export function buildStyles(
  language: string,
  lists: ListNumbering['styleRefs'],
  textWidthTwip: number,
): IStylesOptions {
  const heading = (style: typo.TextStyle, outlineLevel: number) => ({
    // Word's own (lower-case) name, so Word treats it as its built-in heading and translates it.
    name: `heading ${outlineLevel + 1}`,
    run: run(language, {
      bold: style.bold,
      ...(style.italic && { italics: true }),
      size: ptToHalfPt(style.sizePt),
      color: typo.colours.text,
    }),
    paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: spacingOf(style) },
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
  });
  return {
    default: {
      document: {
        run: run(language, { size: ptToHalfPt(typo.text.body.sizePt) }),
        paragraph: paragraphDefaults,
      },
      heading1: heading(typo.text.title, 0),
      heading2: heading(typo.text.heading2, 1),
      heading3: heading(typo.text.heading3, 2),
      heading4: heading(typo.text.heading4, 3),
      hyperlink: { run: run(language, { color: typo.colours.link, underline: { type: 'single' } }) },
      footnoteText: {
        run: run(language, { size: ptToHalfPt(typo.notes.text.sizePt) }),
        paragraph: { spacing: spacingOf(typo.notes.text) },
      },
      // The character style Word links to it; docx's default would be 10 pt.
      footnoteTextChar: { run: run(language, { size: ptToHalfPt(typo.notes.text.sizePt) }) },
    },
    paragraphStyles: paragraphStyles(language, lists, textWidthTwip),
  };
}

/** A rule of the data tables, `thicknessPt` thick; `none` for the sides that have no line. */
export function tableRule(thicknessPt: number): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: ptToEighthPt(thicknessPt), color: typo.colours.rule, space: 0 };
}
const noRule: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** The data tables' borders: a thin rule under every row, none above the header, no vertical lines. */
export const tableBorders = {
  top: noRule,
  left: noRule,
  right: noRule,
  insideVertical: noRule,
  bottom: tableRule(typo.table.rowRuleThicknessPt),
  insideHorizontal: tableRule(typo.table.rowRuleThicknessPt),
} as const;

/** Space around a cell's text: `cellPaddingPt` on the sides, `rowPaddingPt` above and below. */
export const tableCellMargins = {
  top: ptToTwip(typo.table.rowPaddingPt),
  bottom: ptToTwip(typo.table.rowPaddingPt),
  left: ptToTwip(typo.table.cellPaddingPt),
  right: ptToTwip(typo.table.cellPaddingPt),
} as const;

const attribute = (key: string, value: string) => ({ key, value });

/**
 * The table style Skrivelsetabell (docx has no options for table styles, so it is built from docx's
 * elements): the rules, the cell margins and the cell text, and for the header row (Word's "Rubrikrad")
 * bold text over a heavier rule. The tables also say the header's look directly (table.ts), for readers
 * that leave out a style's conditional formats; a table the official adds in Word with the style looks
 * the same.
 */
export function tableStyle(language: string): XmlComponent {
  return new BuilderElement({
    name: 'w:style',
    attributes: {
      type: attribute('w:type', 'table'),
      styleId: attribute('w:styleId', StyleId.table),
    },
    children: [
      new StringValueElement('w:name', 'Skrivelsetabell'),
      new StringValueElement('w:basedOn', 'TableNormal'),
      new OnOffElement('w:qFormat'),
      new ParagraphProperties({ spacing: tableTextSpacing }),
      new RunProperties({
        ...run(language),
        size: ptToHalfPt(tableText.sizePt),
      }),
      new TableProperties({ borders: tableBorders, cellMargin: tableCellMargins }),
      new BuilderElement({
        name: 'w:tblStylePr',
        attributes: { type: attribute('w:type', 'firstRow') },
        children: [
          new RunProperties({ bold: true }),
          new BuilderElement({
            name: 'w:tcPr',
            children: [new TableCellBorders({ bottom: tableRule(typo.table.headerRuleThicknessPt) })],
          }),
        ],
      }),
    ],
  });
}
