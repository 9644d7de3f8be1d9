/** At least one signature, and every förvaltning of a joint memo signs. */
import type { Rule } from '../rule.js';

export const signatureMissing: Rule = {
  severity: 'fel',
  description:
    'Skrivelsen har minst en underskrift, och varje förvaltning i en gemensam skrivelse skriver under.',
  check: (ctx) => {
    const signatures = ctx.draft?.signatures;
    if (!signatures) return [];
    if (signatures.length === 0) {
      return [
        {
          message: 'Skrivelsen har ingen underskrift.',
          hint: 'Lägg till minst en post under underskrifter: med förvaltning och namn.',
          position: ctx.locate(['underskrifter'], true),
          field: 'underskrifter',
        },
      ];
    }
    const signed = new Set(signatures.map((s) => s.department));
    return (ctx.draft?.departments ?? [])
      .filter((d) => !signed.has(d))
      .map((d) => ({
        message: `${d} har ingen underskrift.`,
        hint: `Lägg till en underskrift med "förvaltning: ${d}".`,
        position: ctx.locate(['underskrifter'], true),
        field: 'underskrifter',
      }));
  },
};

/** A signature placed under a section (`efter:`) needs that section, or it would not be printed. */
export const signatureSection: Rule = {
  severity: 'fel',
  description: 'En underskrift med efter: står under ett avsnitt som finns i texten.',
  check: (ctx) => {
    const headings = ctx.sections.map((s) => s.heading.trim().toLocaleLowerCase('sv'));
    return (ctx.draft?.signatures ?? []).flatMap((s, i) =>
      s.afterSection === undefined || headings.includes(s.afterSection.trim().toLocaleLowerCase('sv'))
        ? []
        : [
            {
              message: `Underskriften av ${s.name} ska stå efter avsnittet "${s.afterSection}", som inte finns.`,
              hint: `Skriv rubriken som den står i texten${ctx.sections[0] ? `, t.ex. "efter: ${ctx.sections[0].heading}"` : ''}.`,
              position: ctx.locate(['underskrifter', i, 'efter']),
              field: `underskrifter.${i}.efter`,
            },
          ],
    );
  },
};
