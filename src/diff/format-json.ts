/**
 * `--format json`: a stable, documented shape (see src/diff/README.md). `format` and `version` let
 * consumers check what they read; version 1 is the CaseDiff model in src/diff/model.ts.
 */
import { escapeJsonControls } from '../util/control-chars.js';
import type { CaseDiff } from './model.js';
import { hasDifferences, summaryLine } from './summary.js';

export function formatJson(diff: CaseDiff): string {
  const document = {
    format: 'skrivelse-diff',
    version: 1,
    old: diff.oldLabel,
    new: diff.newLabel,
    identical: !hasDifferences(diff.summary),
    summary: { ...diff.summary, text: summaryLine(diff.summary) },
    metadata: diff.metadata,
    decisions: diff.decisions,
    sections: diff.sections,
  };
  return `${escapeJsonControls(JSON.stringify(document, null, 2))}\n`;
}
