/**
 * What every document of a meeting shares (kallelse, protokollsutdrag, tillkännagivande): a memo's
 * furniture (kommun, label, the nämnd as sender, the meeting date), the profile's page and footer, and
 * the metadata, so every backend renders them as it renders a memo.
 */
import type { Block, Doc } from '../doc/model.js';
import { keepNumbersTogetherIn } from '../doc/nobreak.js';
import { defaultKind } from '../kinds/index.js';
import type { Profile } from '../profile/model.js';
import { pageSetup } from '../render/furniture.js';
import { loadTemplate } from '../render/template.js';
import { toolName } from '../util/package-info.js';
import type { Meeting } from './model.js';

export interface MeetingDocParts {
  title: string;
  /** The head's label: "KALLELSE", "PROTOKOLLSUTDRAG" … */
  label: string;
  subject: string;
  keywords: string[];
  senderLines: string[];
  /** "Dnr KFN 2025-41" lines (none for a document of the whole meeting). */
  dnrLines?: string[];
  addressees: string[];
  /** The document's date (head and metadata); absent: the meeting's date. */
  date?: string;
  blocks: Block[];
}

/** "Dnr " + Dnr, as the memo's head writes it (the memo template's prefix). */
export function dnrLine(dnr: string): string {
  return `${loadTemplate(defaultKind.name).settings.dnrPrefix}${dnr}`;
}

export function meetingDoc(m: Meeting, profile: Profile, parts: MeetingDocParts): Doc {
  const settings = loadTemplate(defaultKind.name).settings;
  const dnrLines = parts.dnrLines ?? [];
  const date = parts.date ?? m.date;
  // Numbers kept whole at line ends, as in a memo.
  return keepNumbersTogetherIn({
    meta: {
      title: parts.title,
      author: m.secretary,
      subject: parts.subject,
      keywords: parts.keywords,
      language: 'sv-SE',
      date,
      creator: toolName,
    },
    page: pageSetup(profile),
    furniture: {
      municipality: profile.municipality,
      label: parts.label,
      senderLines: parts.senderLines,
      date,
      dnrLines,
      addressees: parts.addressees,
      shortHead: [profile.municipality, date, ...(dnrLines.length > 0 ? dnrLines : [parts.title])],
      footer: profile.footer,
      pageNumberFormat: settings.pageNumberFormat,
    },
    blocks: parts.blocks,
  });
}

/** "Kultur- och fritidsnämndens" → "kultur- och fritidsnämndens", for the nämnd inside a sentence. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('sv-SE') + s.slice(1);
}
