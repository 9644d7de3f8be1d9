/**
 * `--format json`: a stable, documented shape (see src/diff/README.md and docs/sammantrade.md). `format`
 * and `version` let consumers check what they read: "skrivelse-diff" version 1 is the CaseDiff model in
 * src/diff/model.ts, "skrivelse-meeting-diff" version 1 the MeetingDiff model.
 */
import { escapeJsonControls } from '../util/control-chars.js';
import { meetingHasDifferences, meetingSummaryLine } from './meeting.js';
import type { CaseDiff, MeetingDiff } from './model.js';
import { hasDifferences, summaryLine } from './summary.js';

function serialize(document: object): string {
  return `${escapeJsonControls(JSON.stringify(document, null, 2))}\n`;
}

export function formatJson(diff: CaseDiff): string {
  return serialize({
    format: 'skrivelse-diff',
    version: 1,
    old: diff.oldLabel,
    new: diff.newLabel,
    identical: !hasDifferences(diff.summary),
    summary: { ...diff.summary, text: summaryLine(diff.summary) },
    metadata: diff.metadata,
    decisions: diff.decisions,
    sections: diff.sections,
  });
}

export function formatMeetingJson(diff: MeetingDiff): string {
  return serialize({
    format: 'skrivelse-meeting-diff',
    version: 1,
    old: diff.oldLabel,
    new: diff.newLabel,
    identical: !meetingHasDifferences(diff.summary),
    summary: { ...diff.summary, text: meetingSummaryLine(diff.summary) },
    meeting: diff.meeting,
    items: diff.items,
    protocol: diff.protocol,
  });
}
