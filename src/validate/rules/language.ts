/**
 * Klarspråk: language rules over the official's own text (body sections and decision points, never the
 * template's sentences). The analysis (src/language/analyze.ts) runs once per case and every rule takes
 * its own findings from it. Defaults are info or varning, so they never block a build; a profile can
 * raise them (`regler:`).
 */

import type { Severity } from '../../diagnostics.js';
import { analyzeLanguage, type LanguageAnalysis, type LanguageRuleId } from '../../language/analyze.js';
import type { Rule, RuleContext } from '../rule.js';

const analyses = new WeakMap<RuleContext, LanguageAnalysis>();

export function analysisOf(ctx: RuleContext): LanguageAnalysis {
  let analysis = analyses.get(ctx);
  if (!analysis) {
    analysis = analyzeLanguage({
      source: ctx.source,
      sections: ctx.sections,
      decisions: ctx.draft?.decisions ?? [],
      profile: ctx.profile,
    });
    analyses.set(ctx, analysis);
  }
  return analysis;
}

function languageRule(id: LanguageRuleId, severity: Exclude<Severity, 'fel'>, description: string): Rule {
  return {
    severity,
    description,
    check: (ctx) =>
      analysisOf(ctx)
        .findings.filter((f) => f.rule === id)
        .map((f) => ({
          message: f.message,
          hint: f.hint,
          ...(f.position ? { position: f.position } : {}),
        })),
  };
}

export const sentenceLong = languageRule(
  'sentence-long',
  'varning',
  'En mening har fler ord än profilens gräns (30 om inget annat anges).',
);
export const paragraphLong = languageRule(
  'paragraph-long',
  'info',
  'Ett stycke har fler ord än profilens gräns (120 om inget annat anges).',
);
export const readability = languageRule(
  'readability',
  'info',
  'Ett avsnitt eller hela skrivelsen är svårläst enligt LIX (över 50 svår, över 60 mycket svår).',
);
export const kanslisvenska = languageRule(
  'kanslisvenska',
  'info',
  'Ord och uttryck ur ordlistan templates/klarsprak.yaml som har enklare alternativ.',
);
export const nounStyle = languageRule(
  'noun-style',
  'info',
  'Kedjor av substantiv på -ing, -else, -het och -tion där ett verb vore tydligare.',
);
export const abbreviationUnexplained = languageRule(
  'abbreviation-unexplained',
  'info',
  'En förkortning med versaler (t.ex. IAF) används innan den förklaras, eller förklaras aldrig.',
);
export const decisionOneSentence = languageRule(
  'decision-one-sentence',
  'varning',
  'En beslutspunkt är en enda mening.',
);
export const decisionAtt = languageRule(
  'decision-att',
  'varning',
  'En beslutspunkt är en hel mening med nämnden som subjekt och börjar inte med "Att".',
);
