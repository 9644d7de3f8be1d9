/** `skrivelse ny` (alias `new`): writes a case-file skeleton pre-filled from the profile; never overwrites. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { availableKindsHint, kindNamed, kinds } from '../../kinds/index.js';
import { writeFileAtomic } from '../../util/atomic.js';
import { didYouMeanHint } from '../../util/did-you-mean.js';
import { parseCommandArgs, profileFrom } from '../args.js';
import type { Command } from '../io.js';

const usage = `Användning: skrivelse ny <fil> [--nämnd <namn> …] [--mall <typ>] [--profil <fil>]

Skapar en ny ärendefil med nycklar och avsnitt ifyllda från kommunprofilen: nämndens
diarienummerexempel, de obligatoriska konsekvensavsnitten och förslag på "ej relevant"-motiveringar.
Det du själv ska skriva är markerat FYLL I; \`skrivelse kontrollera\` visar var det står kvar.
Datumet tas från SOURCE_DATE_EPOCH om den är satt, annars står ÅÅÅÅ-MM-DD kvar att fylla i.
En befintlig fil skrivs aldrig över.

Flaggor:
  --nämnd <namn>   nämnden skrivelsen riktar sig till (standard: profilens första nämnd);
                   går också att skriva --namnd; ange flaggan en gång per nämnd
                   för en gemensam skrivelse till flera nämnder
  --mall <typ>     dokumenttyp (standard: tjänsteskrivelse):
${kinds.map((k) => `                     ${k.name.padEnd(18)}${k.description}`).join('\n')}
  --profil <fil>   kommunprofil (YAML); standard är Linköpings profil
  -h, --help       visa den här hjälpen
`;

export const newCase: Command = {
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { nämnd: { type: 'string', multiple: true }, mall: { type: 'string' } },
      'ny',
    );
    if (positionals.length !== 1) {
      throw new UsageError('Ange exakt en fil att skapa.', 'Exempel: skrivelse ny cases/mitt-arende.md');
    }
    const target = resolve(io.cwd, positionals[0]!);
    if (existsSync(target)) {
      throw new UsageError(
        `Filen "${positionals[0]}" finns redan; den skrivs inte över.`,
        'Välj ett annat filnamn.',
      );
    }
    if (!existsSync(dirname(target))) {
      throw new UsageError(
        `Mappen "${dirname(positionals[0]!)}" finns inte.`,
        'Skapa mappen först, eller kontrollera stavningen.',
      );
    }
    const profile = profileFrom(values, io);
    const boards = pickBoards(profile.boards, values.nämnd);
    const kind = kindNamed(typeof values.mall === 'string' ? values.mall : 'tjänsteskrivelse');
    if (!kind)
      throw new UsageError(
        `Det finns ingen mall "${values.mall}".`,
        `${availableKindsHint()} Standard är tjänsteskrivelse.`,
      );
    const text = kind.skeleton(profile, { boards, date: dateFromEpoch(io.env.SOURCE_DATE_EPOCH) });
    try {
      writeFileAtomic(target, text, { noOverwrite: true });
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') {
        throw new UsageError(`Filen "${positionals[0]}" finns redan; den skrivs inte över.`);
      }
      throw error;
    }
    const names = boards.map((b) => b.name);
    const to =
      names.length === 1
        ? names[0]
        : `${names.slice(0, -1).join(', ')} och ${names.at(-1)} (gemensam skrivelse)`;
    io.out(`Skapade ${positionals[0]} för ${to}. Fyll i det som är markerat FYLL I och kör sedan:\n`);
    io.out(`  skrivelse kontrollera ${positionals[0]}\n`);
    return ExitCode.ok;
  },
};

/** The nämnder of `--nämnd` (given once or more), in the order given; none given: the profile's first. */
function pickBoards<B extends { name: string }>(boards: readonly B[], wanted: unknown): B[] {
  const names = Array.isArray(wanted) ? wanted.map(String) : typeof wanted === 'string' ? [wanted] : [];
  if (names.length === 0) return [boards[0]!];
  const picked = names.map((name) => pickBoard(boards, name));
  const twice = picked.find((b, i) => picked.indexOf(b) !== i);
  if (twice)
    throw new UsageError(
      `Nämnden "${twice.name}" anges mer än en gång med --nämnd.`,
      'Ange varje nämnd en gång; en gemensam skrivelse får en --nämnd per nämnd.',
    );
  return picked;
}

function pickBoard<B extends { name: string }>(boards: readonly B[], wanted: string): B {
  const key = wanted.trim().toLocaleLowerCase('sv');
  const board = boards.find((b) => b.name.toLocaleLowerCase('sv') === key);
  if (board) return board;
  const names = boards.map((b) => b.name);
  throw new UsageError(
    `Nämnden "${wanted}" finns inte i kommunprofilen.`,
    didYouMeanHint(wanted, names) ?? `Kända nämnder: ${names.join(', ')}.`,
  );
}

/** SOURCE_DATE_EPOCH (seconds) as an ISO date, or undefined when unset or not a number. */
export function dateFromEpoch(epoch: string | undefined): string | undefined {
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
