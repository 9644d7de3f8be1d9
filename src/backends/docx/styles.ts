/**
 * The Word styles of the memo, so an official who opens the DOCX edits real styles (Title, Heading 1,
 * Heading 2, List Number, …) rather than direct formatting.
 *
 * Mapping from the Doc: title → Title, heading level 2 → Heading 1, heading level 3 → Heading 2.
 * Word's Heading 1 is the top level of its navigation pane, which is what the memo's sections are.
 * Built-in styles carry Word's internal names ("heading 1", "header", "List Number", "Signature"),
 * so a Swedish Word shows them as Rubrik 1, Sidhuvud, Listnumrering, Signatur. The memo's own styles
 * have Swedish names (Ledtext, Avdelare, Sändlista, …); their ids stay English like the code.
 */
import {
  type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
  LineRuleType,
} from 'docx';
import type { ListNumbering } from './numbering.js';
import { fontFamily, lineSpacing240, sizePt, spacingPt } from './typography.js';
import { ptToHalfPt, ptToTwip } from './units.js';

/** Style ids used by the block and furniture writers. */
export const StyleId = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
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
  hyperlink: 'Hyperlink',
} as const;

function run(language: string, extra: IRunStylePropertiesOptions = {}): IRunStylePropertiesOptions {
  return { font: fontFamily, language: { value: language }, ...extra };
}

function paragraphStyles(language: string, lists: ListNumbering['styleRefs']): IParagraphStyleOptions[] {
  const bodyStyle = (id: string, name: string, extra: Omit<IParagraphStyleOptions, 'id' | 'name'>) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    ...extra,
    run: run(language, extra.run),
  });
  return [
    bodyStyle(StyleId.label, 'Ledtext', {
      run: { bold: true },
      paragraph: { keepNext: true, spacing: { after: ptToTwip(2) } },
    }),
    bodyStyle(StyleId.listNumber, 'List Number', {
      paragraph: lists.ordered ? { numbering: { ...lists.ordered, level: 0 } } : {},
    }),
    bodyStyle(StyleId.listBullet, 'List Bullet', {
      paragraph: {
        contextualSpacing: true,
        ...(lists.bullet && { numbering: { ...lists.bullet, level: 0 } }),
      },
    }),
    bodyStyle(StyleId.listContinue, 'List Continue', {}),
    bodyStyle(StyleId.rule, 'Avdelare', {
      paragraph: { keepNext: true, spacing: { before: ptToTwip(spacingPt.paragraphAfter) } },
    }),
    bodyStyle(StyleId.signature, 'Signature', {
      paragraph: { keepNext: true, keepLines: true, spacing: { after: 0 } },
    }),
    bodyStyle(StyleId.recipients, 'Sändlista', {
      paragraph: { keepLines: true, spacing: { after: 0 } },
    }),
    bodyStyle(StyleId.header, 'header', {
      run: { size: ptToHalfPt(sizePt.furniture) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    }),
    bodyStyle(StyleId.footer, 'footer', {
      run: { size: ptToHalfPt(sizePt.footer) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    }),
    bodyStyle(StyleId.footerLabel, 'Sidfot ledtext', {
      basedOn: StyleId.footer,
      run: { bold: true, size: ptToHalfPt(sizePt.footer) },
    }),
    bodyStyle(StyleId.wordmark, 'Kommunnamn', {
      basedOn: StyleId.header,
      run: { bold: true, size: ptToHalfPt(sizePt.wordmark) },
    }),
  ];
}

/**
 * Paragraph defaults. Widow and orphan control is on, as in Word's own Normal template (docx's
 * types only offer it on paragraphs, but its defaults writer takes it).
 */
const paragraphDefaults: IParagraphStylePropertiesOptions & { widowControl: boolean } = {
  spacing: { after: ptToTwip(spacingPt.paragraphAfter), line: lineSpacing240, lineRule: LineRuleType.AUTO },
  widowControl: true,
};

export function buildStyles(language: string, lists: ListNumbering['styleRefs']): IStylesOptions {
  const heading = (sizeInPt: number, outlineLevel: number) => ({
    // Word's own (lower-case) name, so Word treats it as its built-in heading and translates it.
    name: `heading ${outlineLevel + 1}`,
    run: run(language, { bold: true, size: ptToHalfPt(sizeInPt), color: '000000' }),
    paragraph: {
      keepNext: true,
      keepLines: true,
      outlineLevel,
      spacing: { before: ptToTwip(spacingPt.headingBefore), after: ptToTwip(spacingPt.headingAfter) },
    },
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
  });
  return {
    default: {
      document: {
        run: run(language, { size: ptToHalfPt(sizePt.body) }),
        paragraph: paragraphDefaults,
      },
      title: {
        run: run(language, { bold: true, size: ptToHalfPt(sizePt.title), color: '000000' }),
        paragraph: { keepNext: true, keepLines: true, spacing: { after: ptToTwip(spacingPt.titleAfter) } },
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
      },
      heading1: heading(sizePt.heading1, 0),
      heading2: heading(sizePt.heading2, 1),
      // Not used by the Doc, but shaped like the others for an official who adds a deeper level.
      heading3: heading(sizePt.heading2, 2),
      hyperlink: { run: run(language, { color: '0563C1', underline: { type: 'single' } }) },
    },
    paragraphStyles: paragraphStyles(language, lists),
  };
}
