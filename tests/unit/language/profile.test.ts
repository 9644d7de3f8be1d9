/** The kommun's choices: `regler:` (severity per rule) and `klarspråk:` (thresholds, word list), validated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { rapport } from '../../../src/kinds/rapport.js';
import { defaultProfilePath, parseProfile } from '../../../src/profile/load.js';
import { ruleSetting } from '../../../src/validate/index.js';
import { profileProblems } from '../../helpers/profile.js';
import { at, language, memoText } from './helpers.js';

const base = readFileSync(defaultProfilePath(), 'utf8');
const baseLines = base.split('\n').length;
const withYaml = (yaml: string) => parseProfile(`${base}\n${yaml}`, 'p.yaml');

const problems = (yaml: string) => profileProblems(`${base}\n${yaml}`);

describe('regler:', () => {
  it('turns a rule off', () => {
    const profile = withYaml('regler:\n  kanslisvenska: av\n  decision-standalone: av\n');
    expect(at(language('Vi skriver samt här.', undefined, profile), 'kanslisvenska')).toEqual([]);
    expect(at(language('Vi skriver samt här.'), 'kanslisvenska')).toEqual(['kanslisvenska@33:12']);
  });

  it('raises a language rule to fel, which then stops the case', () => {
    const profile = withYaml('regler:\n  kanslisvenska: fel\n');
    const r = readCase(memoText('Vi skriver samt här.'), 'x.md', profile);
    expect(r.diagnostics.filter((d) => d.rule === 'kanslisvenska').map((d) => d.severity)).toEqual(['fel']);
    expect(r.case).toBeUndefined();
  });

  it('sets an existing rule too (arende-conclusion info → varning)', () => {
    const profile = withYaml('regler:\n  arende-conclusion: varning\n');
    const r = readCase(
      memoText('Text.').replace('Av ovanstående skäl föreslås', 'Därför föreslås'),
      'x.md',
      profile,
    );
    expect(r.diagnostics.find((d) => d.rule === 'arende-conclusion')?.severity).toBe('varning');
  });

  it('an unknown rule id is a profile error at its key, with a did-you-mean', () => {
    expect(problems('regler:\n  kanslisvenksa: fel\n')).toEqual([
      `p.yaml:${baseLines + 2}:3: regler.kanslisvenksa okänd regel "kanslisvenksa"; menade du "kanslisvenska"? (reglerna står i docs/ärendeformat.md)`,
    ]);
  });

  it('a wrong level and a locked rule are profile errors', () => {
    expect(problems('regler:\n  sentence-long: hög\n')).toEqual([
      `p.yaml:${baseLines + 2}:18: regler.sentence-long ska vara ett av: av, info, varning, fel`,
    ]);
    expect(problems('regler:\n  glyph-missing: av\n')).toEqual([
      `p.yaml:${baseLines + 2}:18: regler.glyph-missing kan inte ändras: tecken som typsnittet saknar skrivs ut som tomma rutor och bryter PDF/A`,
    ]);
  });

  it('the profile wins over the kind’s severity; a kind’s av (rule does not apply) wins over the profile', () => {
    const profile = withYaml('regler:\n  sentence-long: fel\n  decision-missing: varning\n');
    const kind = { ...rapport, rules: { 'sentence-long': 'info' as const } };
    expect(ruleSetting('sentence-long', { profile, kind })).toBe('fel');
    expect(ruleSetting('sentence-long', { profile: withYaml(''), kind })).toBe('info');
    expect(ruleSetting('decision-missing', { profile, kind: rapport })).toBe('av');
    expect(ruleSetting('sentence-long', { profile: withYaml('') })).toBe('varning');
  });
});

describe('klarspråk:', () => {
  it('thresholds: a shorter sentence limit', () => {
    const profile = withYaml('klarspråk:\n  max_ord_per_mening: 10\n');
    const d = language('Vi går till parken och ser på fåglarna i dag igen.', undefined, profile);
    expect(d.filter((x) => x.rule === 'sentence-long').map((x) => x.message)).toEqual([
      'Meningen har 11 ord; gränsen är 10.',
    ]);
  });

  it('the word list: removes an entry, adds one with forms', () => {
    const profile = withYaml(
      'klarspråk:\n  ordlista:\n    ta_bort: [samt]\n    lägg_till:\n      - ord: nyttjandegrad\n        former: [nyttjandegraden: användningen]\n        förslag: [användning]\n',
    );
    const d = language('Vi ser samt följer nyttjandegraden.', undefined, profile);
    expect(d.filter((x) => x.rule === 'kanslisvenska').map((x) => x.message)).toEqual([
      '"nyttjandegraden" är kanslisvenska; skriv hellre "användningen".',
    ]);
  });

  it('known abbreviations from the profile', () => {
    const profile = withYaml('klarspråk:\n  kända_förkortningar: [LSS]\n');
    expect(at(language('Det gäller enligt LSS.', undefined, profile), 'abbreviation-unexplained')).toEqual(
      [],
    );
  });

  it('validates: an unknown word to remove, LIX limits out of order, a bad abbreviation', () => {
    expect(
      problems(
        'klarspråk:\n  lix:\n    svår: 60\n    mycket_svår: 55\n  ordlista:\n    ta_bort: [sammt]\n  kända_förkortningar: [Lss]\n',
      ),
    ).toEqual([
      `p.yaml:${baseLines + 4}:18: klarspråk.lix.mycket_svår mycket_svår (55) ska vara högre än svår (60)`,
      `p.yaml:${baseLines + 6}:15: klarspråk.ordlista.ta_bort.0 "sammt" finns inte i ordlistan templates/klarsprak.yaml; menade du "samt"?`,
      `p.yaml:${baseLines + 7}:25: klarspråk.kända_förkortningar.0 ska vara en förkortning med versaler, t.ex. LSS`,
    ]);
  });
});
