/** Structural diff of two cases: metadata, förslag till beslut and body sections, then words within. */
import type { Case } from '../case/model.js';
import { diffDecisions } from './decisions.js';
import { diffMetadata } from './metadata.js';
import type { CaseDiff } from './model.js';
import { diffSections } from './sections.js';
import { summarize } from './summary.js';

export type * from './model.js';
export { hasDifferences, summaryLine } from './summary.js';

export function diffCases(oldCase: Case, newCase: Case, labels?: { old?: string; new?: string }): CaseDiff {
  const parts = {
    oldLabel: labels?.old ?? oldCase.file,
    newLabel: labels?.new ?? newCase.file,
    metadata: diffMetadata(oldCase, newCase),
    decisions: diffDecisions(oldCase, newCase),
    sections: diffSections(oldCase, newCase),
  };
  return { ...parts, summary: summarize(parts) };
}
