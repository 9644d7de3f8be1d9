/**
 * Leftovers from `skrivelse ny`: the placeholder FYLL I and the placeholder date ÅÅÅÅ-MM-DD anywhere in the
 * file (front matter, comments, body), and a Dnr that is still the profile's example on the line `ny` wrote
 * it on (with its note). A Dnr that merely equals an example is a real number (SON 2020-281 is both).
 */
import { asList, entryPath } from '../../case/build.js';
import { bareDnr } from '../../case/dnr.js';
import { dnrExampleNote, placeholder, placeholderDate } from '../../case/skeleton.js';
import { availableKindsHint, kindNamed } from '../../kinds/index.js';
import { LineIndex } from '../../util/line-index.js';
import type { Finding, Rule, RuleContext } from '../rule.js';

function occurrences(source: string, text: string): number[] {
  const out: number[] = [];
  for (let at = source.indexOf(text); at !== -1; at = source.indexOf(text, at + text.length)) out.push(at);
  return out;
}

function exampleDnrs(ctx: RuleContext): Finding[] {
  const data = ctx.data;
  if (!data?.dnr) return [];
  const lines = ctx.source.split('\n');
  return asList(data.dnr).flatMap((written, i): Finding[] => {
    const board = ctx.profile.boards.find((b) => b.dnrExample === bareDnr(written));
    const path = entryPath(data, 'dnr', i);
    const position = ctx.locate(path);
    if (!board || !position || !lines[position.line - 1]?.includes(`# ${dnrExampleNote}`)) return [];
    return [
      {
        message: `Diarienumret "${written}" är kvar från skrivelse ny: det är kommunprofilens exempel för ${board.name}.`,
        hint: `Skriv ärendets eget diarienummer och ta bort kommentaren "# ${dnrExampleNote}".`,
        position,
        field: path.join('.'),
      },
    ];
  });
}

export const placeholderLeft: Rule = {
  severity: 'fel',
  description: `Platshållarna "${placeholder}" och "${placeholderDate}" och exempeldiarienumret från skrivelse ny är kvar.`,
  check: (ctx) => {
    const index = new LineIndex(ctx.source);
    const fill = occurrences(ctx.source, placeholder).map((at) => ({
      message: `Platshållaren "${placeholder}" är kvar.`,
      hint: 'Ersätt den med riktig text.',
      position: index.position(at),
    }));
    const dates = occurrences(ctx.source, placeholderDate).map((at) => ({
      message: `Platshållaren "${placeholderDate}" är kvar.`,
      hint: 'Skriv det riktiga datumet, t.ex. 2024-03-01.',
      position: index.position(at),
    }));
    return [...fill, ...dates, ...exampleDnrs(ctx)].sort(
      (a, b) => a.position!.line - b.position!.line || a.position!.column - b.position!.column,
    );
  },
};

/** `mall:` names a template kind (a folder under templates/), never a path: `../x`, `.` or `a/b` are unknown. */
export const templateUnknown: Rule = {
  severity: 'fel',
  locked: 'utan en känd mall kan skrivelsen inte skrivas ut',
  description: 'Mallen (mall:) måste finnas bland verktygets mallar.',
  check: (ctx) => {
    const kind = ctx.data?.mall;
    return kind !== undefined && !kindNamed(kind)
      ? [
          {
            message: `Det finns ingen mall "${kind}".`,
            hint: `${availableKindsHint()} Utelämna mall: för en vanlig tjänsteskrivelse.`,
            position: ctx.locate(['mall']),
            field: 'mall',
          },
        ]
      : [];
  },
};
