/** Profile loading: both shipped profiles load; broken profiles give every problem with file:line:column. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDnrPattern } from '../../../src/profile/dnr-pattern.js';
import { defaultProfilePath, loadProfile } from '../../../src/profile/load.js';
import { profileProblems } from '../../helpers/profile.js';

const exempelPath = fileURLToPath(new URL('../../../templates/profiler/exempelkommun.yaml', import.meta.url));
const exempelText = readFileSync(exempelPath, 'utf8');

const problems = profileProblems;

describe('loadProfile', () => {
  it('loads the default profile from the package, whatever the cwd', () => {
    expect(defaultProfilePath()).toMatch(/templates\/profiler\/linkoping\.yaml$/);
    const p = loadProfile();
    expect(p.municipality).toBe('Linköpings kommun');
    expect(
      p.boards.find((b) => b.name === 'Social- och omsorgsnämnden')!.dnrPattern.test('SON 2020-281'),
    ).toBe(true);
    expect(p.consequences.filter((c) => c.required).map((c) => c.id)).toContain('jämställdhet');
  });

  it('loads Exempelkommun with barnkonsekvensanalys required', () => {
    const p = loadProfile(exempelPath);
    expect(p.consequences.find((c) => c.id === 'barnkonsekvensanalys')).toMatchObject({
      required: true,
      notRelevantSuggestion: 'Ärendet bedöms inte påverka barn.',
    });
    expect(p.source).toBe(exempelText);
  });

  it('a missing file is a UsageError in Swedish', () => {
    expect(() => loadProfile('/finns/inte.yaml')).toThrow(/Kan inte läsa kommunprofilen/);
  });

  it('lists every problem with its position, in file order', () => {
    const broken = exempelText
      .replace('krävs: true', 'krävs: ja')
      .replace('kortnamn: Exempelkommun', 'kortnamn: Exempelkommun\nfärg: blå');
    expect(problems(broken)).toEqual([
      'p.yaml:5:1: färg okänd nyckel "färg"',
      'p.yaml:47:12: konsekvenser.0.krävs ska vara true eller false, inte text',
    ]);
  });

  it('checks that each Dnr example matches its own pattern, and that names are unique', () => {
    const text = exempelText
      .replace('dnr_exempel: KS 2024/123', 'dnr_exempel: KS 2024-123')
      .replace('  - namn: Socialförvaltningen', '  - namn: Kommunledningskontoret');
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: nämnder\.0\.dnr_exempel följer inte nämndens eget dnr-mönster/,
      ),
      expect.stringMatching(/^p\.yaml:\d+:\d+: nämnder\.1\.förvaltning "Socialförvaltningen" finns inte/),
      expect.stringMatching(/^p\.yaml:\d+:\d+: förvaltningar\.1\.namn förekommer två gånger$/),
    ]);
  });

  it('checks that the förvaltning named for a nämnd exists', () => {
    const text = exempelText.replace('förvaltning: Socialförvaltningen', 'förvaltning: Socialkontoret');
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: nämnder\.1\.förvaltning "Socialkontoret" finns inte bland profilens förvaltningar$/,
      ),
    ]);
    expect(loadProfile(exempelPath).boards.find((b) => b.name === 'Socialnämnden')?.department).toBe(
      'Socialförvaltningen',
    );
  });

  it('reports YAML syntax errors and bad regular expressions', () => {
    expect(problems('kommun: [\n')[0]).toMatch(/^p\.yaml:\d+:\d+: ogiltig YAML/);
    expect(problems(exempelText.replace('"^KS \\\\d{4}/\\\\d{1,4}$"', '"^KS ("')).join('\n')).toMatch(
      /nämnder\.0\.dnr är inget giltigt reguljärt uttryck/,
    );
  });
});

describe('Dnr patterns run in linear time (re2js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-redos-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ks = '"^KS \\\\d{4}/\\\\d{1,4}$"';
  const withKs = (pattern: string, example = 'KS 2024/123') =>
    exempelText
      .replace(ks, JSON.stringify(pattern))
      .replace('dnr_exempel: KS 2024/123', `dnr_exempel: "${example}"`);

  it('the shipped patterns still match what they should', () => {
    expect(exempelText).toContain(ks);
    const p = loadProfile(exempelPath);
    expect(p.boards[0]!.dnrPattern.test('KS 2024/123')).toBe(true);
    expect(p.boards[0]!.dnrPattern.test('KS 2024-123')).toBe(false);
    expect(p.boards[0]!.dnrPattern.test('xKS 2024/123')).toBe(false);
    const linkoping = loadProfile();
    const on = linkoping.boards.find((b) => b.name.startsWith('Omsorgsnämnden'))!;
    expect(on.dnrPattern.test('ON 2017-612')).toBe(true);
    // The style without the nämnd's abbreviation is an older one (dnr_äldre), still accepted.
    expect(on.dnrPattern.test('2017-612')).toBe(false);
    expect(on.olderDnrPatterns?.some((p) => p.test('2017-612'))).toBe(true);
  });

  it('JavaScript syntax is accepted: \\u escapes, \\p{Lu}, (?:…), named groups', () => {
    for (const [pattern, text] of [
      ['^\\u00c5R \\d+$', 'ÅR 12'],
      ['^\\p{Lu}{2,3} \\d{4}-\\d+$', 'ÄN 2024-1'],
      ['^(?:KS|KF) \\d+$', 'KF 7'],
      ['^(?<nämnd>[A-Z]+) \\d+$'.replace('nämnd', 'namn'), 'KS 1'],
    ] as const) {
      const compiled = compileDnrPattern(pattern);
      expect('error' in compiled ? compiled.error : compiled.test(text), pattern).toBe(true);
    }
  });

  it('constructs RE2 cannot run in linear time are profile errors with file:line and a Swedish reason', () => {
    expect(problems(withKs('^KS (\\d)\\1$', 'KS 11'))).toEqual([
      'p.yaml:21:10: nämnder.0.dnr använder en bakåtreferens (\\1), som inte stöds; skriv ut det som ska upprepas',
    ]);
    expect(problems(withKs('^KS (?=\\d)\\d+$', 'KS 1'))).toEqual([
      expect.stringMatching(
        /^p\.yaml:21:10: nämnder\.0\.dnr använder lookahead eller lookbehind .*som inte stöds/,
      ),
    ]);
    const file = join(dir, 'profil.yaml');
    writeFileSync(file, withKs('^KS (?<!x)\\d+$', 'KS 1'));
    expect(() => loadProfile(file)).toThrow(
      new RegExp(
        `^Kommunprofilen ${file} är felaktig:\\n  ${file}:21:10: nämnder\\.0\\.dnr använder lookahead`,
      ),
    );
  });

  it('a pattern that would backtrack exponentially in V8 checks a hostile Dnr at once (real binary, timeout)', () => {
    const bin = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
    const profile = join(dir, 'redos.yaml');
    writeFileSync(profile, withKs('^(a+)+$', 'aaaa'));
    const valid = readFileSync('tests/fixtures/case/exempel-valid.md', 'utf8');
    expect(valid).toMatch(/^dnr: .+$/m);
    // 2^40 paths for a backtracking engine; linear for RE2.
    writeFileSync(join(dir, 'a.md'), valid.replace(/^dnr: .+$/m, `dnr: ${'a'.repeat(40)}!`));
    const r = spawnSync(process.execPath, [bin, '--profil', profile, 'check', 'a.md'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.signal, 'check hung on the Dnr pattern').toBeNull();
    expect(r.stdout).toMatch(/a\.md:\d+:\d+: fel \[dnr-format\]/);
    expect(r.status).toBe(1);
  });
});
