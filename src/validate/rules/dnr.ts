/**
 * Diarienummer against the profile's patterns (current style `dnr:` and older styles `dnr_äldre:` per nämnd):
 * every Dnr follows the pattern of one of the addressed nämnder (`dnr-format`), and every addressed nämnd has
 * a Dnr of its own (`dnr-per-board`): at least one, and not one that another nämnd needs, so "ON 2017-000" and
 * "ON 2017-001" on a memo to omsorgsnämnden and bildningsnämnden leave bildningsnämnden without one.
 */
import { asList, entryPath } from '../../case/build.js';
import { bareDnr } from '../../case/dnr.js';
import type { Board } from '../../profile/model.js';
import type { Finding, Rule, RuleContext } from '../rule.js';

/** True when `dnr` (bare, without "Dnr ") follows the nämnd's current or an older style. */
export function dnrOfBoard(board: Board, dnr: string): boolean {
  return board.dnrPattern.test(dnr) || (board.olderDnrPatterns ?? []).some((p) => p.test(dnr));
}

interface DnrCheck {
  boards: Board[];
  /** The Dnr as written, with their bare form. */
  dnrs: { written: string; bare: string; index: number }[];
}

/** The addressed nämnder (profile entries, in the case's order) and the Dnr; undefined when either is not valid. */
function gather(ctx: RuleContext): DnrCheck | undefined {
  const data = ctx.data;
  const addressed = ctx.draft?.boards;
  if (!data?.dnr || !addressed) return undefined;
  const boards = addressed.flatMap((name) => ctx.profile.boards.filter((b) => b.name === name));
  if (boards.length === 0) return undefined;
  const dnrs = asList(data.dnr).map((written, index) => ({ written, bare: bareDnr(written), index }));
  return { boards, dnrs };
}

/**
 * Gives each nämnd a Dnr of its own where possible (a maximum bipartite matching by augmenting paths; a
 * memo has a handful of each) and returns the nämnder left without one.
 */
export function boardsWithoutDnr(boards: readonly Board[], dnrs: readonly string[]): Board[] {
  const owner = new Array<number | undefined>(dnrs.length).fill(undefined);
  const assign = (b: number, seen: Set<number>): boolean => {
    for (let d = 0; d < dnrs.length; d++) {
      if (seen.has(d) || !dnrOfBoard(boards[b]!, dnrs[d]!)) continue;
      seen.add(d);
      if (owner[d] === undefined || assign(owner[d]!, seen)) {
        owner[d] = b;
        return true;
      }
    }
    return false;
  };
  return boards.filter((_, b) => !assign(b, new Set()));
}

const quoted = (items: readonly string[]) => items.map((s) => `"${s}"`);

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`;
}

export const dnrFormat: Rule = {
  severity: 'fel',
  description: 'Diarienumret följer mönstret för den nämnd skrivelsen riktar sig till.',
  check: (ctx) => {
    const given = gather(ctx);
    if (!given) return [];
    const { boards, dnrs } = given;
    return dnrs
      .filter((d) => !boards.some((b) => dnrOfBoard(b, d.bare)))
      .map((d) => {
        const path = entryPath(ctx.data!, 'dnr', d.index);
        return {
          message: `Diarienumret "${d.written}" följer inte mönstret för ${orList(boards.map((b) => b.name))}.`,
          hint: `Skriv det som i exemplet: ${orList(quoted(boards.map((b) => b.dnrExample)))}.`,
          position: ctx.locate(path),
          field: path.join('.'),
        };
      });
  },
};

export const dnrPerBoard: Rule = {
  severity: 'fel',
  description: 'Varje nämnd som skrivelsen riktar sig till har ett eget diarienummer enligt sitt mönster.',
  check: (ctx) => {
    const given = gather(ctx);
    if (!given) return [];
    const { boards, dnrs } = given;
    const missing = boardsWithoutDnr(
      boards,
      dnrs.map((d) => d.bare),
    );
    // A Dnr that follows no addressed nämnd's pattern is reported by dnr-format and is most likely the
    // missing nämnd's number misspelt: only nämnder beyond those are reported here.
    const misspelt = dnrs.filter((d) => !boards.some((b) => dnrOfBoard(b, d.bare))).length;
    if (missing.length <= misspelt) return [];
    const written = dnrs.map((d) => `"${d.written}"`).join(', ');
    return missing.map(
      (board): Finding => ({
        message: dnrs.some((d) => dnrOfBoard(board, d.bare))
          ? `${board.name} saknar ett eget diarienummer: de diarienummer som följer nämndens mönster (${written}) behövs redan för en annan nämnd.`
          : `${board.name} saknar diarienummer: ${dnrs.length === 1 ? `${written} följer inte` : `inget av ${written} följer`} nämndens mönster.`,
        hint: `En gemensam skrivelse har ett diarienummer per nämnd. Lägg till ${board.genitive.charAt(0).toLocaleLowerCase('sv') + board.genitive.slice(1)} diarienummer under dnr:, t.ex. "${board.dnrExample}".`,
        position: ctx.locate(['dnr'], true),
        field: 'dnr',
      }),
    );
  },
};
