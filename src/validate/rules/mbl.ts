/** A joint memo (several förvaltningar) has one MBL statement per förvaltning. */
import type { Finding, Rule } from '../rule.js';

export const mblPerDepartment: Rule = {
  severity: 'fel',
  description: 'En gemensam skrivelse har en MBL-uppgift per förvaltning.',
  check: (ctx) => {
    // Both förvaltning and mbl must be valid; a schema problem in either is reported already.
    const departments = ctx.draft?.departments;
    const statements = ctx.draft?.mbl;
    if (!departments || !statements) return [];
    const out: Finding[] = [];
    if (!Array.isArray(ctx.data?.mbl)) {
      if (departments.length > 1) {
        out.push({
          message: `Skrivelsen är gemensam för ${departments.length} förvaltningar men mbl gäller bara en.`,
          hint: 'Skriv mbl som en lista med en post per förvaltning: "- förvaltning: …", "typ: …", "datum: …".',
          position: ctx.locate(['mbl']),
          field: 'mbl',
        });
      }
      return out;
    }
    const seen = new Set<string>();
    statements.forEach((m, i) => {
      if (!departments.includes(m.department)) {
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
    for (const department of departments.filter((d) => !seen.has(d))) {
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
