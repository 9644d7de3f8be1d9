/** Profile loading: both shipped profiles load; broken profiles give every problem with file:line:column. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { defaultProfilePath, loadProfile, parseProfile } from '../../../src/profile/load.js';

const exempelPath = fileURLToPath(new URL('../../../templates/profiler/exempelkommun.yaml', import.meta.url));
const exempelText = readFileSync(exempelPath, 'utf8');

function problems(text: string): string[] {
  try {
    parseProfile(text, 'p.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('profilen borde ha underkänts');
}

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
