/** The real `skrivelse` binary (dist/cli/main.js): exit codes, Swedish output, no stack traces, JSON shape. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'dist/cli/main.js');
const exempelProfile = 'templates/profiler/exempelkommun.yaml';
let tmp: string;

beforeAll(() => {
  // Built by `npm test` (pretest). Not built here: tsc would write its own dist/cli/main.js over the
  // installed program (src/cli/launcher.mjs) while other test files run it.
  expect(existsSync(bin), 'dist/cli/main.js saknas: kör npm run build').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'skrivelse-cli-'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}, cwd = root) {
  const { SKRIVELSE_DEBUG: _debug, SOURCE_DATE_EPOCH: _epoch, ...base } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  const all = `${r.stdout}${r.stderr}`;
  expect(all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // never a stack trace
  return { code: r.status, out: r.stdout, err: r.stderr, all };
}

describe('skrivelse (global)', () => {
  it('ends quietly when the reader closes the pipe early (skrivelse … | head)', async () => {
    const child = spawn(process.execPath, [bin, 'check', 'cases/', 'tests/fixtures/case/'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code === 0 || code === 1).toBe(true);
  });

  it('--help is Swedish and lists the commands', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Användning:');
    expect(r.out).toMatch(/^\s+kontrollera\s+läs ärendefiler.*\(även: check\)$/m);
    expect(r.out).toMatch(/^\s+ny\s+påbörja en ny ärendefil.*\(även: new\)$/m);
  });

  it('--version prints the version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^skrivelse \d+\.\d+\.\d+\n$/);
  });

  it('exits 2 without a command and for an unknown command', () => {
    expect(run([]).code).toBe(2);
    const r = run(['granska']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Okänt kommando "granska"');
  });

  it('each command has Swedish --help', () => {
    for (const [command, primary] of [
      ['check', 'kontrollera'],
      ['new', 'ny'],
    ]) {
      const r = run([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Användning: skrivelse ${primary} `);
    }
  });
});

describe('skrivelse check', () => {
  it('exits 0 for a valid case and says so in Swedish', () => {
    const r = run(['check', 'tests/fixtures/case/valid.md']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('inga problem i 1 fil\n');
  });

  it('prints file:line:column, severity, rule, message and hint; exit 1', () => {
    const r = run(['check', 'tests/fixtures/case/dnr-mismatch.md']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      'tests/fixtures/case/dnr-mismatch.md:3:6: fel [dnr-format] Diarienumret "SON 2024/17" följer inte mönstret för Social- och omsorgsnämnden.\n' +
        '    tips: Skriv det som i exemplet: "SON 2020-281".\n' +
        '1 fel i 1 fil\n',
    );
  });

  it('warnings alone keep exit 0', () => {
    const r = run(['check', 'tests/fixtures/case/non-standalone-point.md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('varning [decision-standalone]');
    // The point's "i enlighet med" is also kanslisvenska (info).
    expect(r.out).toMatch(/1 varning, 1 info i 1 fil\n$/);
  });

  it('checks every case in cases/ without errors', () => {
    const r = run(['check', 'cases/']);
    expect(r.out).not.toMatch(/: fel /);
    expect(r.code).toBe(0);
    const count = readdirSync(join(root, 'cases')).filter((f) => f.endsWith('.md')).length;
    expect(r.out).toMatch(new RegExp(`i ${count} ${count === 1 ? 'fil' : 'filer'}\\n$`));
  });

  it('expands folders and reports all files, exit 1', () => {
    const r = run(['check', 'tests/fixtures/case', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const mdFiles = readdirSync(join(root, 'tests/fixtures/case')).filter((f) => f.endsWith('.md'));
    expect(json.files).toBe(mdFiles.length);
  });

  it('--format json has a stable shape', () => {
    const r = run([
      'check',
      'tests/fixtures/case/dnr-mismatch.md',
      'tests/fixtures/case/valid.md',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      files: 2,
      counts: { fel: 1, varning: 0, info: 0 },
      diagnostics: [
        {
          severity: 'fel',
          rule: 'dnr-format',
          message: 'Diarienumret "SON 2024/17" följer inte mönstret för Social- och omsorgsnämnden.',
          hint: 'Skriv det som i exemplet: "SON 2020-281".',
          file: 'tests/fixtures/case/dnr-mismatch.md',
          position: { line: 3, column: 6 },
          field: 'dnr',
        },
      ],
    });
  });

  it('usage errors exit 2 with a Swedish message', () => {
    const cases: [string[], RegExp][] = [
      [['check'], /Ange minst en ärendefil eller mapp/],
      [['check', 'finns/inte.md'], /Sökvägen "finns\/inte.md" finns inte/],
      [['check', 'cases/', '--format', 'xml'], /Okänt värde "xml" för --format/],
      [['check', 'cases/', '--format'], /--format behöver ett värde/],
      [['check', 'cases/', '--snabb'], /Okänd flagga --snabb/],
      [['check', 'cases/', '--profil', 'finns-inte.yaml'], /Kan inte läsa kommunprofilen/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('--profil selects the municipality, as a command or a global flag', () => {
    const file = 'tests/fixtures/case/exempel-valid.md';
    expect(run(['check', file]).code).toBe(1);
    expect(run(['check', file, '--profil', exempelProfile]).code).toBe(0);
    expect(run(['--profil', exempelProfile, 'check', file]).code).toBe(0);
    const missing = run(['check', 'tests/fixtures/case/exempel-missing-barn.md', '--profil', exempelProfile]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(
      '[consequence-missing] Det obligatoriska avsnittet "Barnkonsekvensanalys" saknas.',
    );
  });

  it('a broken profile is a usage error with file:line:column', () => {
    const bad = join(tmp, 'trasig.yaml');
    writeFileSync(bad, readFileSync(join(root, exempelProfile), 'utf8').replace('krävs: true', 'krävs: ja'));
    const r = run(['check', 'cases/', '--profil', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/trasig\.yaml:\d+:\d+: konsekvenser\.0\.krävs ska vara true eller false/);
  });
});

describe('skrivelse new', () => {
  it('writes a skeleton that check reports only placeholders for', () => {
    const file = join(tmp, 'ny.md');
    const r = run(['new', file, '--nämnd', 'bildningsnämnden']);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('dnr: "BIN 2023-145"');
    expect(text).toContain('nämnd: Bildningsnämnden');
    expect(text).toContain('förvaltning: Utbildningsförvaltningen\n');
    expect(text).toContain('titel: Utbildningsdirektör');
    expect(text).toContain('datum: ÅÅÅÅ-MM-DD');
    expect(text).toContain('## Jämställdhet');
    expect(text).toContain('Jämställdhetsanalys har bedömts inte vara relevant i detta ärende.');
    const checked = run(['check', file, '--format', 'json']);
    expect(checked.code).toBe(1);
    const rules = new Set(JSON.parse(checked.out).diagnostics.map((d: { rule: string }) => d.rule));
    // The placeholder date and the example Dnr are leftovers too, reported by the same rule.
    expect([...rules].sort()).toEqual(['placeholder']);
  });

  it('once the placeholders are filled in, the skeleton passes check (both profiles)', () => {
    for (const [name, profile, board] of [
      ['ifylld-lkp.md', [], 'Kultur- och fritidsnämnden'],
      ['ifylld-ex.md', ['--profil', exempelProfile], 'Socialnämnden'],
    ] as const) {
      const file = join(tmp, name);
      expect(run(['new', file, '--nämnd', board, ...profile], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(
        0,
      );
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('datum: 2023-11-14');
      // Filled in: the placeholders replaced, the example Dnr kept as the real one (its note removed).
      writeFileSync(
        file,
        text.replaceAll('FYLL I', 'Text').replace(/ # exempel från kommunprofilen;.*$/m, ''),
      );
      const r = run(['check', file, ...profile]);
      expect(r.out).not.toMatch(/: fel /);
      expect(r.code).toBe(0);
    }
    expect(readFileSync(join(tmp, 'ifylld-ex.md'), 'utf8')).toContain('## Barnkonsekvensanalys');
  });

  it('is deterministic and never overwrites (exit 2, file unchanged)', () => {
    const a = join(tmp, 'a.md');
    const b = join(tmp, 'b.md');
    expect(run(['new', a]).code).toBe(0);
    expect(run(['new', b]).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    writeFileSync(a, 'mitt arbete');
    const r = run(['new', a]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('finns redan');
    expect(readFileSync(a, 'utf8')).toBe('mitt arbete');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('usage errors: unknown nämnd (with did-you-mean), unknown mall, missing folder, no file', () => {
    const bad = run(['new', join(tmp, 'x.md'), '--nämnd', 'Bildningsnamnden']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Menade du "Bildningsnämnden"?');
    expect(run(['new', join(tmp, 'y.md'), '--mall', 'protokoll']).code).toBe(2);
    expect(run(['new', join(tmp, 'saknas', 'z.md')]).code).toBe(2);
    expect(run(['new']).code).toBe(2);
    expect(existsSync(join(tmp, 'x.md'))).toBe(false);
  });
});
