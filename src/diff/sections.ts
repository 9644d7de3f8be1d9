/**
 * Body sections: matched by heading wherever they stand (a moved section is "flyttat", reported apart from
 * content changes), then by content for renamed headings; paragraphs inside matched by similarity.
 */
import type { Case, Section } from '../case/model.js';
import { alignRows, matchItems } from './match.js';
import type { ParagraphDiff, SectionDiff } from './model.js';
import { normalizeKey, normalizeText, splitParagraphs } from './normalize.js';
import { compareTexts } from './texts.js';

interface Prepared {
  heading: string;
  paragraphs: string[];
}

const prepare = (s: Section): Prepared => ({
  heading: normalizeText(s.heading),
  paragraphs: splitParagraphs(s.markdown),
});

export function diffSections(a: Case, b: Case): SectionDiff[] {
  const oldSections = a.sections.map(prepare);
  const newSections = b.sections.map(prepare);
  const matching = matchItems(oldSections, newSections, {
    key: (s) => normalizeKey(s.heading),
    text: (s) => s.paragraphs.join('\n'),
    threshold: 0.6,
  });
  return alignRows(matching, newSections.length).map((row) => {
    const before = row.oldIndex === undefined ? undefined : oldSections[row.oldIndex];
    const after = row.newIndex === undefined ? undefined : newSections[row.newIndex];
    const paragraphs = diffParagraphs(before?.paragraphs ?? [], after?.paragraphs ?? []);
    const headingChanged = before && after && before.heading !== after.heading;
    const kind = !before
      ? 'added'
      : !after
        ? 'removed'
        : headingChanged || paragraphs.some((p) => p.kind !== 'same' || p.moved)
          ? 'changed'
          : 'same';
    return {
      heading: (after ?? before)!.heading,
      ...(headingChanged ? { oldHeading: before.heading } : {}),
      kind,
      moved: row.moved,
      ...(row.oldIndex === undefined ? {} : { oldIndex: row.oldIndex + 1 }),
      ...(row.newIndex === undefined ? {} : { newIndex: row.newIndex + 1 }),
      paragraphs,
    };
  });
}

function diffParagraphs(oldParagraphs: string[], newParagraphs: string[]): ParagraphDiff[] {
  return compareTexts(oldParagraphs, newParagraphs, 0.5).map(({ row: _row, ...text }) => text);
}
