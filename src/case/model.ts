/**
 * The validated case: the single typed input of rendering, archiving and diffing.
 * Produced by `readCase` (src/case/read.ts); nothing downstream re-reads the case file.
 * Names of nämnder and förvaltningar are the profile's canonical spelling.
 */

import type { Root, RootContent } from 'mdast';
import type { Position } from '../diagnostics.js';
import type { ImageAsset } from '../doc/model.js';

export type MblKind = 'information' | 'förhandling' | 'samverkan' | 'ej_aktuellt';

export interface Officer {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

export interface DecisionBlock {
  /** Canonical name of the nämnd (profile spelling), e.g. "Social- och omsorgsnämnden". */
  board: string;
  points: { text: string; position?: Position }[];
}

export interface MblStatement {
  /** Förvaltning the statement is for; set for joint memos, otherwise the case's only förvaltning. */
  department: string;
  kind: MblKind;
  /** ISO date, absent for `ej_aktuellt`. */
  date?: string;
  /** The unit that was informed or negotiated with, when it is not the förvaltning itself (`enhet:`). */
  unit?: string;
  /** The official's own sentence (`text:`), printed instead of the profile's sentence. */
  text?: string;
  position?: Position;
}

export interface Signature {
  /** Empty when the signature names no förvaltning (a rapport's convener). */
  department: string;
  name: string;
  title?: string;
  /** Heading of the section the signature stands under (a rapport); absent: at the end (a memo). */
  afterSection?: string;
}

export interface Author {
  name: string;
  title?: string;
}

export interface SecrecyMark {
  /** Heading of the section the mark applies to. */
  section: string;
  /** Reference to offentlighets- och sekretesslagen, e.g. "26 kap. 1 § OSL". */
  osl: string;
}

/** Where a body section came from in the template's order. */
export type SectionRole = 'ärende' | 'bakgrund' | 'free' | 'consequence';

export interface Section {
  heading: string;
  role: SectionRole;
  /** Profile id of a consequence section (`jämställdhet`), absent for other roles. */
  consequenceId?: string;
  /** The Markdown under the heading, exactly as written (sans the heading line). */
  markdown: string;
  /** The mdast nodes under the heading, with positions into the case file. */
  nodes: RootContent[];
  position?: Position;
}

export interface ConsequenceExtra {
  /** Reason the section is not relevant; rendered as its text. */
  notRelevant?: string;
  /** Optional link (used by Kommunala mål). */
  link?: { url: string; text: string };
}

export interface Case {
  /** Path of the case file as given by the user. */
  file: string;
  /** Template kind, default `tjänsteskrivelse`. */
  kind: string;
  /** ISO date of the memo; empty for a rapport written without one. */
  date: string;
  dnr: string[];
  departments: string[];
  /** Null when the kind does without (a rapport has authors instead). */
  officer: Officer | null;
  /** A rapport's authors, shown in its head; empty for a memo. */
  authors: Author[];
  /** Print a table of contents after the title (a rapport's `innehållsförteckning:`). */
  toc: boolean;
  /** Addressed nämnder in order (canonical names). */
  boards: string[];
  title: string;
  decisions: DecisionBlock[];
  decisionBasis: string[];
  /** Body sections in the order written. */
  sections: Section[];
  /** Per consequence id: reason not relevant and/or link, from the front matter. */
  consequences: Record<string, ConsequenceExtra>;
  mbl: MblStatement[];
  signatures: Signature[];
  recipients: string[];
  secrecy: SecrecyMark[];
  /** The images the body shows, by the address written in the case, read from the case's folder. */
  images: ReadonlyMap<string, ImageAsset>;
  /** The full mdast of the body, for tools that need it. */
  body: Root;
  /** The exact source text (after BOM removal and CRLF normalisation). */
  source: string;
}
