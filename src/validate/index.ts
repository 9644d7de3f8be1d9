/** All validation rules in one table: rule id → check. Adding a rule = one function + one line here. */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Rule, RuleContext } from './rule.js';
import { controlChar, invisibleChar, personnummer } from './rules/characters.js';
import { consequenceConflict, consequenceEmpty, consequenceMissing } from './rules/consequences.js';
import { dateInvalid, mblDateAfterMemo } from './rules/dates.js';
import { decisionMissing, decisionStandalone, decisionUnaddressed } from './rules/decisions.js';
import { dnrFormat, dnrPerBoard } from './rules/dnr.js';
import { glyphMissing } from './rules/glyphs.js';
import {
  abbreviationUnexplained,
  decisionAtt,
  decisionOneSentence,
  kanslisvenska,
  nounStyle,
  paragraphLong,
  readability,
  sentenceLong,
} from './rules/language.js';
import { linkScheme } from './rules/links.js';
import { mblPerDepartment, mblUnitUnused } from './rules/mbl.js';
import { unknownBoard, unknownConsequence, unknownDepartment } from './rules/names.js';
import { placeholderLeft, templateUnknown } from './rules/placeholders.js';
import {
  arendeConclusion,
  arendeMissing,
  secrecySection,
  sectionDuplicate,
  sectionEmpty,
  sectionUnknown,
} from './rules/sections.js';
import { signatureMissing, signatureSection } from './rules/signatures.js';
import { tableTooWide } from './rules/tables.js';

export type { Finding, Rule, RuleContext } from './rule.js';

export const rules: Record<string, Rule> = {
  'control-char': controlChar,
  'invisible-char': invisibleChar,
  personnummer,
  'glyph-missing': glyphMissing,
  placeholder: placeholderLeft,
  'template-unknown': templateUnknown,
  'date-invalid': dateInvalid,
  'unknown-board': unknownBoard,
  'unknown-department': unknownDepartment,
  'unknown-consequence': unknownConsequence,
  'dnr-format': dnrFormat,
  'dnr-per-board': dnrPerBoard,
  'decision-missing': decisionMissing,
  'decision-unaddressed': decisionUnaddressed,
  'decision-standalone': decisionStandalone,
  'mbl-date-after-memo': mblDateAfterMemo,
  'mbl-per-department': mblPerDepartment,
  'mbl-unit-unused': mblUnitUnused,
  'signature-missing': signatureMissing,
  'signature-section': signatureSection,
  'arende-missing': arendeMissing,
  'arende-conclusion': arendeConclusion,
  'section-duplicate': sectionDuplicate,
  'section-unknown': sectionUnknown,
  'section-empty': sectionEmpty,
  'secrecy-section': secrecySection,
  'link-scheme': linkScheme,
  'table-too-wide': tableTooWide,
  'consequence-missing': consequenceMissing,
  'consequence-conflict': consequenceConflict,
  'consequence-empty': consequenceEmpty,
  'sentence-long': sentenceLong,
  'paragraph-long': paragraphLong,
  readability,
  kanslisvenska,
  'noun-style': nounStyle,
  'abbreviation-unexplained': abbreviationUnexplained,
  'decision-one-sentence': decisionOneSentence,
  'decision-att': decisionAtt,
};

/**
 * The severity a rule runs with, or `av`. A kind's `av` means the rule does not apply to that kind (a
 * rapport has no decision points) and always wins; otherwise the profile's `regler:` setting wins over
 * the kind's severity, which wins over the rule's own.
 */
export function ruleSetting(id: string, ctx: Pick<RuleContext, 'kind' | 'profile'>): Severity | 'av' {
  const kindSetting = ctx.kind?.rules[id];
  if (kindSetting === 'av') return 'av';
  return ctx.profile.rules?.[id] ?? kindSetting ?? rules[id]?.severity ?? 'fel';
}

/** More findings of one rule in one file are summarised in one line. */
export const maxFindingsPerRule = 20;

/** Runs every rule; a rule that crashes becomes an internal-error diagnostic instead of stopping the run. */
export function runRules(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, rule] of Object.entries(rules)) {
    const severity = ruleSetting(id, ctx);
    if (severity === 'av') continue;
    let findings: ReturnType<Rule['check']>;
    try {
      findings = rule.check(ctx);
    } catch (error) {
      out.push({
        severity: 'fel',
        rule: 'internal',
        message: `Internt fel i kontrollen ${id}: ${error instanceof Error ? error.message : String(error)}`,
        file: ctx.file,
      });
      continue;
    }
    for (const f of findings.slice(0, maxFindingsPerRule)) {
      out.push({
        severity,
        rule: id,
        message: f.message,
        file: ctx.file,
        ...(f.hint !== undefined ? { hint: f.hint } : {}),
        ...(f.position !== undefined ? { position: f.position } : {}),
        ...(f.field !== undefined ? { field: f.field } : {}),
      });
    }
    if (findings.length > maxFindingsPerRule) {
      out.push({
        severity,
        rule: id,
        message: `… och ${findings.length - maxFindingsPerRule} förekomster till som inte visas.`,
        file: ctx.file,
      });
    }
  }
  return out;
}
