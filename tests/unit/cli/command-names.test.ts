/**
 * One language for command names: Swedish primary names, the English names (and `jamfor`) as aliases
 * that run the very same command, help and hints that name the Swedish command, and no user-facing text
 * that still tells the user to run `skrivelse build|check|new|diff`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommandNames, commands, findCommand } from '../../../src/cli/commands/index.js';
import { mainHelp } from '../../../src/cli/main.js';
import { type CliOptions, type CliRun, runCaptured } from '../../helpers/cli.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/case', name);

/** Primary name → the aliases that must behave exactly like it. */
const expectedNames: Record<string, string[]> = {
  kontrollera: ['check'],
  språk: ['sprak'],
  ny: ['new'],
  skapa: ['build'],
  jämför: ['diff', 'jamfor'],
  publicera: [],
  arkivera: [],
  verifiera: [],
  sammanträde: ['sammantrade'],
  protokollsutdrag: [],
};

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'skrivelse-names-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh, empty working folder, so that runs under different names cannot see each other's files. */
function freshDir(): string {
  return mkdtempSync(join(tmp, 'k-'));
}

/** Runs `args` once under every name of `primary` and expects identical exit code, stdout and stderr. */
async function sameUnderEveryName(
  primary: string,
  args: string[],
  options: () => CliOptions = () => ({}),
): Promise<CliRun> {
  const names = [primary, ...expectedNames[primary]!];
  const runs = [];
  for (const name of names) runs.push(await runCaptured([name, ...args], options()));
  for (const [i, run] of runs.entries()) expect(run, `${names[i]} ${args.join(' ')}`).toEqual(runs[0]);
  return runs[0]!;
}

describe('the command table', () => {
  it('has the Swedish primary names, in this order, with the old names as aliases', () => {
    expect(Object.keys(commands)).toEqual(Object.keys(expectedNames));
    for (const [name, aliases] of Object.entries(expectedNames))
      expect(commands[name]!.aliases ?? [], name).toEqual(aliases);
  });

  it('no name is taken twice, and every name finds its primary', () => {
    const names = allCommandNames();
    expect(new Set(names).size).toBe(names.length);
    for (const [primary, aliases] of Object.entries(expectedNames))
      for (const name of [primary, ...aliases]) expect(findCommand(name)?.name, name).toBe(primary);
    expect(findCommand('granska')).toBeUndefined();
    expect(findCommand('__proto__')).toBeUndefined();
  });

  it('finds jämför also when its ä arrives decomposed (NFD)', () => {
    expect(findCommand('jämför'.normalize('NFD'))?.name).toBe('jämför');
  });
});

describe('every name of a command runs the same command', () => {
  it('--help: same text and exit 0, with the Swedish name in its usage lines', async () => {
    for (const primary of Object.keys(expectedNames)) {
      const r = await sameUnderEveryName(primary, ['--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Användning: skrivelse ${primary} `));
      // Every usage line (also continuation lines like `skrivelse jämför --git …`) names the primary.
      for (const line of r.out.split('\n').filter((l) => /^\s*(Användning: )?skrivelse \S/.test(l)))
        expect(line, primary).toMatch(new RegExp(`skrivelse ${primary}\\b`));
    }
  });

  it('kontrollera/check: a valid case (0), a faulty case (1), JSON output', async () => {
    const ok = await sameUnderEveryName('kontrollera', [fixture('valid.md')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('inga problem i 1 fil\n');
    const bad = await sameUnderEveryName('kontrollera', [fixture('dnr-mismatch.md')]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('fel [dnr-format]');
    const json = await sameUnderEveryName('kontrollera', [
      fixture('several-problems.md'),
      '--format',
      'json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).files).toBe(1);
  });

  it('usage errors are the same and their hints name the Swedish command', async () => {
    const flag = await sameUnderEveryName('kontrollera', [fixture('valid.md'), '--snabb']);
    expect(flag.code).toBe(2);
    expect(flag.err).toBe('fel: Okänd flagga --snabb.\n  tips: Se `skrivelse kontrollera --help`.\n');
    const none = await sameUnderEveryName('skapa', []);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Exempel: skrivelse kontrollera cases/');
    const one = await sameUnderEveryName('jämför', [fixture('valid.md')]);
    expect(one.code).toBe(2);
    expect(one.err).toContain('Se `skrivelse jämför --help`.');
    const ny = await sameUnderEveryName('ny', []);
    expect(ny.code).toBe(2);
    expect(ny.err).toContain('Exempel: skrivelse ny cases/mitt-arende.md');
  });

  it('skapa/build: the same files, byte for byte, and the same report', async () => {
    const dirs: string[] = [];
    const r = await sameUnderEveryName('skapa', [fixture('valid.md'), '--ut', 'ut'], () => {
      dirs.push(freshDir());
      return { cwd: dirs.at(-1)! };
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^skrev ut\/.+\.pdf\nskrev ut\/.+\.docx\ninga problem i 1 fil\n$/);
    const listing = (dir: string) => readdirSync(join(dir, 'ut')).sort();
    expect(listing(dirs[1]!)).toEqual(listing(dirs[0]!));
    for (const file of listing(dirs[0]!).filter((f) => /\.(pdf|docx)$/.test(f)))
      expect(readFileSync(join(dirs[1]!, 'ut', file)), file).toEqual(
        readFileSync(join(dirs[0]!, 'ut', file)),
      );
  });

  it('jämför/diff/jamfor: differences exit 1 with the same text; json the same', async () => {
    const text = await sameUnderEveryName('jämför', [
      fixture('valid.md'),
      fixture('non-standalone-point.md'),
    ]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('Förslag till beslut');
    const invalid = await sameUnderEveryName('jämför', [fixture('valid.md'), fixture('dnr-mismatch.md')]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('Jämförelsen kunde inte göras');
    const same = await sameUnderEveryName('jämför', [fixture('valid.md'), fixture('valid.md')]);
    expect(same.code).toBe(0);
    const json = await sameUnderEveryName('jämför', [
      fixture('valid.md'),
      fixture('non-standalone-point.md'),
      '--format',
      'json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).format).toBe('skrivelse-diff');
  });

  it('ny/new: the same skeleton and the same next step (which names kontrollera)', async () => {
    const dirs: string[] = [];
    const r = await sameUnderEveryName('ny', ['ärende.md', '--nämnd', 'bildningsnämnden'], () => {
      dirs.push(freshDir());
      return { cwd: dirs.at(-1)!, env: { SOURCE_DATE_EPOCH: '1700000000' } };
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('  skrivelse kontrollera ärende.md\n');
    expect(readFileSync(join(dirs[1]!, 'ärende.md'), 'utf8')).toBe(
      readFileSync(join(dirs[0]!, 'ärende.md'), 'utf8'),
    );
  });

  it('--nämnd can be written --namnd (also as --namnd=…) with the same result', async () => {
    const texts: string[] = [];
    for (const args of [
      ['--nämnd', 'bildningsnämnden'],
      ['--namnd', 'bildningsnämnden'],
      ['--namnd=bildningsnämnden'],
      ['--nämnd'.normalize('NFD'), 'bildningsnämnden'],
    ]) {
      const cwd = freshDir();
      const r = await runCaptured(['ny', 'a.md', ...args], { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect(r.code, args.join(' ')).toBe(0);
      texts.push(readFileSync(join(cwd, 'a.md'), 'utf8'));
    }
    expect(texts[0]).toContain('nämnd: Bildningsnämnden');
    for (const text of texts) expect(text).toBe(texts[0]);
  });

  it('global flags before the command work the same under every name', async () => {
    const profile = join(root, 'templates/profiler/exempelkommun.yaml');
    const r = await sameUnderEveryName('kontrollera', [fixture('exempel-valid.md')], () => ({}));
    expect(r.code).toBe(1);
    const runs = await Promise.all(
      ['kontrollera', 'check'].map((n) => runCaptured(['--profil', profile, n, fixture('exempel-valid.md')])),
    );
    expect(runs[0]!.code).toBe(0);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('skrivelse --help', () => {
  it('lists the Swedish names with their aliases as "(även: …)"', async () => {
    const r = await runCaptured(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(mainHelp());
    expect(r.out).toMatch(/^ {2}kontrollera +läs ärendefiler.* \(även: check\)$/m);
    expect(r.out).toMatch(/^ {2}språk +klarspråksrapport.* \(även: sprak\)$/m);
    expect(r.out).toMatch(/^ {2}ny +.*ny ärendefil.* \(även: new\)$/m);
    expect(r.out).toMatch(/^ {2}skapa +.*PDF och DOCX \(även: build\)$/m);
    expect(r.out).toMatch(/^ {2}jämför +.*två versioner.* \(även: diff, jamfor\)$/m);
    expect(r.out).toMatch(/^ {2}arkivera +.*arkivexemplar/m);
    expect(r.out).toMatch(/^ {2}verifiera +kontrollera arkiverade/m);
    expect(r.out).not.toMatch(/^ {2}(arkivera|verifiera) .*även:/m);
    // The Swedish names come first, in the table's order.
    const listed = [...r.out.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]);
    expect(listed.slice(0, Object.keys(expectedNames).length)).toEqual(Object.keys(expectedNames));
  });
});

describe('an unknown command', () => {
  const cases: [string, string][] = [
    ['kontrolera', 'Menade du "kontrollera"?'],
    ['kontroll', 'Menade du "kontrollera"?'],
    ['arkiv', 'Menade du "arkivera"?'],
    ['jam', 'Menade du "jämför"?'],
    ['chek', 'Menade du "check" (samma som kontrollera)?'],
    ['bulid', 'Menade du "build" (samma som skapa)?'],
    ['jamför', 'Menade du "jämför"?'],
    ['Jämför', 'Menade du "jämför"?'],
    ['jamfr', 'Menade du "jämför"?'],
    ['dif', 'Menade du "diff" (samma som jämför)?'],
    ['skpa', 'Menade du "skapa"?'],
    ['arkivra', 'Menade du "arkivera"?'],
    ['verifera', 'Menade du "verifiera"?'],
    ['nytt', 'Menade du "ny"?'],
    ['samanträde', 'Menade du "sammanträde"?'],
  ];
  it.each(cases)('"%s" suggests the nearest name', async (typed, hint) => {
    const r = await runCaptured([typed, 'x.md']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`fel: Okänt kommando "${typed}".`);
    expect(r.err).toContain(hint);
    expect(r.err).toContain(
      'Kända kommandon: kontrollera, språk, ny, skapa, jämför, publicera, arkivera, verifiera, sammanträde, protokollsutdrag.',
    );
  });

  it('without a near name lists the known commands only', async () => {
    const r = await runCaptured(['granska']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'fel: Okänt kommando "granska".\n  tips: Kända kommandon: kontrollera, språk, ny, skapa, jämför, publicera, arkivera, verifiera, sammanträde, protokollsutdrag.\n',
    );
  });
});

describe('the real binary and the npm scripts', () => {
  it('dist/cli/main.js runs an alias and its Swedish name alike', () => {
    const bin = join(root, 'dist/cli/main.js');
    const run = (args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }),
        };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    expect(run(['jamfor', '--help'])).toEqual(run(['jämför', '--help']));
    const check = run(['check', 'tests/fixtures/case/dnr-mismatch.md']);
    expect(check.code).toBe(1);
    expect(run(['kontrollera', 'tests/fixtures/case/dnr-mismatch.md'])).toEqual(check);
  });

  it('npm start and npm run check call the Swedish names (start still renders cases/ to output/)', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.start).toBe('node dist/cli/main.js skapa cases/ --ut output/');
    expect(scripts.check).toBe('node dist/cli/main.js kontrollera cases/');
  });
});

describe('no user-facing text tells the user to run an English command name', () => {
  const oldCommand = /\bskrivelse(?:\s+--profil\s+\S+)?\s+(build|check|new|diff)\b/;

  function filesUnder(dir: string, ending: RegExp): string[] {
    return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && ending.test(e.name))
      .map((e) => relative(root, join(e.parentPath, e.name)));
  }

  /** Every string literal and template-literal piece in a TypeScript file, with its line. */
  function stringsIn(file: string): { line: number; text: string }[] {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(root, file), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const found: { line: number; text: string }[] = [];
    const visit = (node: ts.Node) => {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)
      ) {
        found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('finds such text when it is there (the check itself works)', () => {
    expect(oldCommand.test('kör sedan:\n  skrivelse check ')).toBe(true);
    expect(oldCommand.test('Se `skrivelse diff --help`.')).toBe(true);
    expect(oldCommand.test('skrivelse --profil x.yaml build cases/')).toBe(true);
    expect(oldCommand.test('Se `skrivelse jämför --help`.')).toBe(false);
    expect(oldCommand.test('en ny skrivelse newline')).toBe(false);
  });

  it('in the string literals of src/**/*.ts', () => {
    const files = filesUnder('src', /\.ts$/);
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) =>
      stringsIn(file)
        .filter((s) => oldCommand.test(s.text))
        .map((s) => `${file}:${s.line}: ${s.text.trim().slice(0, 80)}`),
    );
    expect(offending).toEqual([]);
  });

  it('in README.md, docs/*.md and the templates', () => {
    const files = [
      'README.md',
      ...filesUnder('docs', /\.md$/),
      ...filesUnder('templates', /\.(ya?ml|hbs|md)$/),
    ];
    const offending = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (oldCommand.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('the docs have the table of Swedish names and aliases', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const doc = readFileSync(join(root, 'docs/kommandon.md'), 'utf8');
    for (const [primary, aliases] of Object.entries(expectedNames)) {
      const also = aliases.length === 0 ? ' ' : ` ${aliases.map((a) => `\`${a}\``).join(', ')} `;
      expect(doc, primary).toMatch(new RegExp(`^\\| \`skrivelse ${primary}\` \\|${also}\\|`, 'm'));
      // README cells hold the arguments too, with | written \| inside the code span.
      expect(readme, primary).toMatch(
        new RegExp(`^\\| \`skrivelse ${primary}(?:[^|\`]|\\\\\\|)*\` \\|${also}\\|`, 'm'),
      );
    }
    expect(readme).toContain('docs/kommandon.md');
  });
});
