/** MBL statements: one per förvaltning in a joint memo, and an `enhet:` that is printed. */
import { fillMblSentence } from '../../render/data.js';
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

/** An `enhet:` that would not be printed: `text:` replaces the sentence, or the profile's sentence has no {{enhet}}. */
export const mblUnitUnused: Rule = {
  severity: 'fel',
  description: 'En enhet under mbl skrivs ut i MBL-meningen.',
  check: (ctx) => {
    const statements = ctx.draft?.mbl;
    if (!statements) return [];
    const path = (i: number) => (Array.isArray(ctx.data?.mbl) ? ['mbl', i, 'enhet'] : ['mbl', 'enhet']);
    return statements.flatMap((m, i): Finding[] => {
      if (m.unit === undefined) return [];
      const where = { position: ctx.locate(path(i)), field: path(i).join('.') };
      if (m.text !== undefined)
        return [
          {
            message: `Enheten "${m.unit}" skrivs inte ut: text: ersätter hela MBL-meningen.`,
            hint: 'Skriv enheten i text: och ta bort enhet:, eller ta bort text: så att profilens mening används.',
            ...where,
          },
        ];
      const sentence = ctx.profile.mbl.sentences[m.kind];
      const data = { datum: m.date, förvaltning: m.department };
      if (fillMblSentence(sentence, { ...data, enhet: m.unit }) !== fillMblSentence(sentence, data))
        return [];
      return [
        {
          message: `Enheten "${m.unit}" skrivs inte ut: kommunprofilens mening för typ ${m.kind} nämner ingen enhet.`,
          hint: 'Ta bort enhet:, eller skriv hela meningen med egna ord under text:.',
          ...where,
        },
      ];
    });
  },
};
