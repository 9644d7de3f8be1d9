/** Names in the front matter must exist in the profile: nämnder, förvaltningar, consequence ids. */
import { asList, entryPath } from '../../case/build.js';
import { didYouMeanHint } from '../../util/did-you-mean.js';
import type { Finding, Rule, RuleContext } from '../rule.js';

const known = (name: string, names: readonly string[]) =>
  names.some((n) => n.toLocaleLowerCase('sv') === name.trim().toLocaleLowerCase('sv'));

function unknownName(
  ctx: RuleContext,
  name: string,
  path: (string | number)[],
  names: readonly string[],
  what: string,
): Finding[] {
  if (known(name, names)) return [];
  return [
    {
      message: `${what} "${name}" finns inte i kommunprofilen (${ctx.profile.municipality}).`,
      hint: didYouMeanHint(name, names) ?? `Kända namn: ${names.join(', ')}.`,
      position: ctx.locate(path),
      field: path.join('.'),
    },
  ];
}

export const unknownBoard: Rule = {
  severity: 'fel',
  description: 'Nämnden måste finnas i kommunprofilen.',
  check: (ctx) => {
    const data = ctx.data;
    if (!data?.nämnd) return [];
    const names = ctx.profile.boards.map((b) => b.name);
    return asList(data.nämnd).flatMap((n, i) =>
      unknownName(ctx, n, entryPath(data, 'nämnd', i), names, 'Nämnden'),
    );
  },
};

export const unknownDepartment: Rule = {
  severity: 'fel',
  description: 'Förvaltningar (i förvaltning, underskrifter och mbl) måste finnas i kommunprofilen.',
  check: (ctx) => {
    if (!ctx.data) return [];
    const data = ctx.data;
    const names = ctx.profile.departments.map((d) => d.name);
    const what = 'Förvaltningen';
    return [
      ...asList(data.förvaltning ?? []).flatMap((n, i) =>
        unknownName(ctx, n, entryPath(data, 'förvaltning', i), names, what),
      ),
      ...(data.underskrifter ?? []).flatMap((s, i) =>
        s.förvaltning
          ? unknownName(ctx, s.förvaltning, ['underskrifter', i, 'förvaltning'], names, what)
          : [],
      ),
      ...(Array.isArray(data.mbl) ? data.mbl : []).flatMap((m, i) =>
        unknownName(ctx, m.förvaltning, ['mbl', i, 'förvaltning'], names, what),
      ),
    ];
  },
};

export const unknownConsequence: Rule = {
  severity: 'fel',
  description: 'Nycklarna under konsekvenser måste vara konsekvensavsnitt i kommunprofilen.',
  check: (ctx) => {
    const given = ctx.data?.konsekvenser;
    if (!given) return [];
    const ids = ctx.profile.consequences.map((c) => c.id);
    return Object.keys(given)
      .filter((id) => !ids.includes(id))
      .map((id) => ({
        message: `Okänt konsekvensavsnitt "${id}" under konsekvenser.`,
        hint: didYouMeanHint(id, ids) ?? `Kända avsnitt: ${ids.join(', ')}.`,
        position: ctx.locate(['konsekvenser', id], true),
        field: `konsekvenser.${id}`,
      }));
  },
};
