/**
 * Our own preflight of the main PDF/A-3 and PDF/UA-1 rules. Not a full validator (see
 * docs/arkivering.md): each rule has a stable id, the clause of the standard it checks and a Swedish
 * message. Rules read the file with pdf-lib (objects) and pdf.js (marked content), so a rule never
 * trusts what our own writer meant to do.
 */
import { PDFDocument } from 'pdf-lib';
import { pdfaRules } from './rules-pdfa.js';
import { pdfuaRules } from './rules-pdfua.js';
import { readXmpFromCatalog, type XmpProperties } from './xmp.js';

export interface Finding {
  rule: string;
  /** Clause of the standard, e.g. "ISO 19005-3 6.6.2.1". */
  clause: string;
  /** Swedish message. */
  message: string;
}

export interface PreflightContext {
  bytes: Uint8Array;
  pdf: PDFDocument;
  /** Properties of the catalog's XMP packet, if it has one. */
  xmp?: XmpProperties;
  /** Raw XMP packet text. */
  xmpText?: string;
  /** MD5 hex the caller expects for each embedded source, by name (from the manifest), if known. */
  expectedSourceSha256?: Record<string, string>;
}

export interface Rule {
  id: string;
  clause: string;
  /** Returns one Swedish message per violation; empty when the rule holds. */
  check(ctx: PreflightContext): string[] | Promise<string[]>;
}

export const rules: readonly Rule[] = [...pdfaRules, ...pdfuaRules];

/** Reported when the file cannot be read at all, before any rule runs. */
const unreadableRule = 'pdf-unreadable';

/** Every id the preflight can report. */
export const preflightRuleIds: readonly string[] = [unreadableRule, ...rules.map((r) => r.id)];

/**
 * ISO 32000-1 7.5.5: a PDF ends with `startxref`, the offset of its cross-reference table (or stream),
 * and `%%EOF`. pdf-lib reads a file without one by scanning for objects, so this is checked first:
 * a truncated file or one without a cross-reference table is unreadable, not clean.
 */
function crossReferenceProblem(bytes: Uint8Array): string | undefined {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d{1,12})\s+%%EOF[\s\S]{0,64}$/.exec(tail);
  if (!match)
    return 'Filen slutar inte med startxref och %%EOF: den är avkortad eller saknar korsreferenstabell.';
  const offset = Number(match[1]);
  const at = Buffer.from(bytes.subarray(offset, offset + 1024)).toString('latin1');
  const table = /^xref\s/.test(at);
  const stream = /^\d+\s+\d+\s+obj\s*<<[\s\S]*?\/Type\s*\/XRef\b/.test(at);
  return table || stream
    ? undefined
    : `startxref pekar på byte ${offset}, där ingen korsreferenstabell börjar: filen är skadad.`;
}

export async function preflightPdf(
  bytes: Uint8Array,
  expectedSourceSha256?: Record<string, string>,
): Promise<Finding[]> {
  const unreadable = (message: string): Finding[] => [
    { rule: unreadableRule, clause: 'ISO 32000-1 7.5', message },
  ];
  const xref = crossReferenceProblem(bytes);
  if (xref) return unreadable(xref);
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return unreadable('Filen kan inte läsas som PDF: den är skadad eller avkortad.');
  }
  const ctx: PreflightContext = { bytes, pdf, expectedSourceSha256, ...readXmpFromCatalog(pdf) };
  const findings: Finding[] = [];
  for (const rule of rules) {
    let messages: string[];
    try {
      messages = await rule.check(ctx);
    } catch (error) {
      messages = [
        `Regeln kunde inte kontrolleras: ${error instanceof Error ? error.message : String(error)}`,
      ];
    }
    for (const message of messages) findings.push({ rule: rule.id, clause: rule.clause, message });
  }
  return findings;
}
