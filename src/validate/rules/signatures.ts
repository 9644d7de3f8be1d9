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
