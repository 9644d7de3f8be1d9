/** Every Dnr must follow the pattern of an addressed nämnd (patterns live in the profile). */
import { asList, entryPath } from '../../case/build.js';
import { bareDnr } from '../../case/dnr.js';
import type { Rule } from '../rule.js';

export const dnrFormat: Rule = {
  severity: 'fel',
  description: 'Diarienumret följer mönstret för den nämnd skrivelsen riktar sig till.',
  check: (ctx) => {
    const data = ctx.data;
    const addressed = ctx.draft?.boards;
    if (!data?.dnr || !addressed) return [];
    const boards = ctx.profile.boards.filter((b) => addressed.includes(b.name));
    if (boards.length === 0) return [];
    return asList(data.dnr).flatMap((dnr, i) => {
      const value = bareDnr(dnr);
      if (boards.some((b) => b.dnrPattern.test(value))) return [];
      const path = entryPath(data, 'dnr', i);
      return [
        {
          message: `Diarienumret "${dnr}" följer inte mönstret för ${boards.map((b) => b.name).join(' eller ')}.`,
          hint: `Skriv det som i exemplet: ${boards.map((b) => `"${b.dnrExample}"`).join(' eller ')}.`,
          position: ctx.locate(path),
          field: path.join('.'),
        },
      ];
    });
  },
};
