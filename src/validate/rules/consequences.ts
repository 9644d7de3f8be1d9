/** Consequence sections: required ones are written or explained as not relevant, never both. */
import { hasContent } from '../../case/body.js';
import { notRelevantSentence } from '../../profile/consequence-text.js';
import type { Rule, RuleContext } from '../rule.js';

function written(ctx: RuleContext, id: string) {
  return ctx.sections.find((s) => s.role === 'consequence' && s.consequenceId === id);
}

export const consequenceMissing: Rule = {
  severity: 'fel',
  description: 'Obligatoriska konsekvensavsnitt har text, en länk, eller ej_relevant med en motivering.',
  check: (ctx) => {
    // Without valid konsekvenser (absent data, or a schema problem there) we cannot tell what is explained.
    const given = ctx.data?.konsekvenser;
    if (!given) return [];
    return ctx.profile.consequences
      .filter((spec) => spec.required)
      .filter((spec) => {
        const section = written(ctx, spec.id);
        const extra = given[spec.id];
        return !(section && hasContent(section)) && !extra?.ej_relevant && !extra?.länk;
      })
      .map((spec) => {
        const section = written(ctx, spec.id);
        const suggestion = notRelevantSentence(spec);
        return {
          message: section
            ? `Avsnittet "${spec.heading}" är tomt och har ingen motivering under konsekvenser.`
            : `Det obligatoriska avsnittet "${spec.heading}" saknas.`,
          hint: `Skriv avsnittet "## ${spec.heading}", eller ange i huvudet: konsekvenser: ${spec.id}: ej_relevant: "${suggestion}"`,
          position: section?.position ?? ctx.locate(['konsekvenser'], true) ?? ctx.sections.at(-1)?.position,
          field: `konsekvenser.${spec.id}`,
        };
      });
  },
};

export const consequenceConflict: Rule = {
  severity: 'varning',
  description: 'Ett konsekvensavsnitt är både skrivet och markerat som ej relevant.',
  check: (ctx) => {
    const given = ctx.data?.konsekvenser;
    if (!given) return [];
    return Object.entries(given)
      .filter(([id, extra]) => {
        const section = written(ctx, id);
        return extra.ej_relevant !== undefined && section !== undefined && hasContent(section);
      })
      .map(([id]) => ({
        message: `Avsnittet "${written(ctx, id)!.heading}" har text men är också markerat ej_relevant.`,
        hint: 'Ta bort ej_relevant om avsnittet är relevant, annars texten under rubriken.',
        position: ctx.locate(['konsekvenser', id, 'ej_relevant'], true),
        field: `konsekvenser.${id}.ej_relevant`,
      }));
  },
};

export const consequenceEmpty: Rule = {
  severity: 'varning',
  description: 'Ett frivilligt konsekvensavsnitt har rubrik men ingen text.',
  check: (ctx) => {
    // konsekvenser with a schema problem may hold the ej_relevant; its own diagnostic comes first.
    if (ctx.data && !ctx.data.konsekvenser) return [];
    return ctx.sections
      .filter((s) => s.role === 'consequence' && !hasContent(s))
      .filter((s) => !ctx.profile.consequences.find((c) => c.id === s.consequenceId)?.required)
      .filter((s) => !ctx.data?.konsekvenser?.[s.consequenceId!]?.ej_relevant)
      .map((s) => ({
        message: `Avsnittet "${s.heading}" är tomt.`,
        hint: 'Skriv text under rubriken, ange ej_relevant under konsekvenser, eller ta bort rubriken.',
        position: s.position,
      }));
  },
};
