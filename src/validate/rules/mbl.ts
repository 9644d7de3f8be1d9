/** A joint memo (several förvaltningar) has one MBL statement per förvaltning. */
import type { Finding, Rule } from '../rule.js';

export const mblPerDepartment: Rule = {
  severity: 'fel',
  description: 'En gemensam skrivelse har en MBL-uppgift per förvaltning.',
  check: (ctx) => {
    const { data, draft } = ctx;
    if (!data || !draft) return [];
    const out: Finding[] = [];
    if (!Array.isArray(data.mbl)) {
      if (draft.departments.length > 1) {
        out.push({
          message: `Skrivelsen är gemensam för ${draft.departments.length} förvaltningar men mbl gäller bara en.`,
          hint: 'Skriv mbl som en lista med en post per förvaltning: "- förvaltning: …", "typ: …", "datum: …".',
          position: ctx.locate(['mbl']),
          field: 'mbl',
        });
      }
      return out;
    }
    const seen = new Set<string>();
    draft.mbl.forEach((m, i) => {
      if (!draft.departments.includes(m.department)) {
        out.push({
          message: `mbl[${i + 1}] gäller ${m.department}, som inte står under förvaltning:.`,
          position: ctx.locate(['mbl', i, 'förvaltning']),
          field: `mbl.${i}.förvaltning`,
        });
      } else if (seen.has(m.department)) {
        out.push({
          message: `${m.department} har mer än en MBL-uppgift.`,
          position: ctx.locate(['mbl', i, 'förvaltning']),
          field: `mbl.${i}.förvaltning`,
        });
      }
      seen.add(m.department);
    });
    for (const department of draft.departments.filter((d) => !seen.has(d))) {
      out.push({
        message: `MBL-uppgift saknas för ${department}.`,
        hint: `Lägg till en post i mbl med "förvaltning: ${department}".`,
        position: ctx.locate(['mbl']),
        field: 'mbl',
      });
    }
    return out;
  },
};
