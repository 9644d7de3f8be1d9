/** Each Dnr of a joint memo against its own nämnd's pattern (rules dnr-format and dnr-per-board, dnr_äldre). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { UsageError } from '../../../src/errors.js';
import { parseProfile } from '../../../src/profile/load.js';
import { boardsWithoutDnr } from '../../../src/validate/rules/dnr.js';
import { brief, fixture, linkoping } from '../case/helpers.js';

const joint = readFileSync(fixture('joint.md'), 'utf8');
const linkopingText = readFileSync(
  fileURLToPath(new URL('../../../templates/profiler/linkoping.yaml', import.meta.url)),
  'utf8',
);

/** joint.md (Bildningsnämnden + Social- och omsorgsnämnden) with other Dnr and, optionally, other nämnder. */
function jointWith(dnr: string[], boards?: string[], profile = linkoping) {
  let text = joint.replace(
    'dnr:\n  - BIN 2024-88\n  - SON 2024-301\n',
    `dnr:\n${dnr.map((d) => `  - ${d}\n`).join('')}`,
  );
  if (boards) {
    text = text
      .replace(
        'nämnd:\n  - Bildningsnämnden\n  - Social- och omsorgsnämnden\n',
        `nämnd:\n${boards.map((b) => `  - ${b}\n`).join('')}`,
      )
      .replace('  Social- och omsorgsnämnden:\n', `  ${boards[1]}:\n`)
      .replace('  Bildningsnämnden:\n', `  ${boards[0]}:\n`);
  }
  return readCase(text, 'gemensam.md', profile);
}

describe('dnr-per-board', () => {
  it('the joint fixture has one Dnr per nämnd and passes', () => {
    expect(brief(jointWith(['BIN 2024-88', 'SON 2024-301']).diagnostics)).toEqual([]);
  });

  it('ON 2017-000 + ON 2017-001 on an ON + BIN memo is refused, naming Bildningsnämnden', () => {
    const r = jointWith(['ON 2017-000', 'ON 2017-001'], ['Omsorgsnämnden', 'Bildningsnämnden']);
    expect(brief(r.diagnostics)).toEqual(['dnr-per-board@3:1']);
    const d = r.diagnostics[0]!;
    expect(d.message).toBe(
      'Bildningsnämnden saknar diarienummer: inget av "ON 2017-000", "ON 2017-001" följer nämndens mönster.',
    );
    expect(d.hint).toContain('bildningsnämndens diarienummer under dnr:, t.ex. "BIN 2023-145"');
    expect(d.field).toBe('dnr');
    expect(d.severity).toBe('fel');
  });

  it('two Dnr of one nämnd on a joint memo: the other nämnd is named whichever order they stand in', () => {
    const r = jointWith(['SON 2024-1', 'SON 2024-2']);
    expect(brief(r.diagnostics)).toEqual(['dnr-per-board@3:1']);
    expect(r.diagnostics[0]!.message).toMatch(/^Bildningsnämnden saknar diarienummer/);
  });

  it('a single Dnr on a joint memo names the nämnd without one', () => {
    const r = jointWith(['BIN 2024-88']);
    expect(r.diagnostics.filter((d) => d.rule === 'dnr-per-board').map((d) => d.message)).toEqual([
      'Social- och omsorgsnämnden saknar diarienummer: "BIN 2024-88" följer inte nämndens mönster.',
    ]);
  });

  it('a misspelt Dnr is reported once, by dnr-format, not again as a nämnd without a Dnr', () => {
    const r = jointWith(['BIN 2024/88', 'SON 2024-301']);
    expect(brief(r.diagnostics)).toEqual(['dnr-format@4:5']);
  });

  it('an older style allowed by the profile (dnr_äldre) passes, and counts for its nämnd', () => {
    const r = jointWith(['2017-612', 'BIN 2017-9'], ['Omsorgsnämnden', 'Bildningsnämnden']);
    expect(brief(r.diagnostics)).toEqual([]);
    // Without dnr_äldre in the profile the same number is refused.
    const strict = parseProfile(linkopingText.replace(/^ {4}dnr_äldre: .*\n/m, ''), 'strikt.yaml');
    const refused = jointWith(['2017-612', 'BIN 2017-9'], ['Omsorgsnämnden', 'Bildningsnämnden'], strict);
    expect(brief(refused.diagnostics)).toEqual(['dnr-format@4:5']);
  });

  it('one number cannot serve two nämnder whose patterns both match it', () => {
    const shared = parseProfile(
      linkopingText.replace(
        'dnr: "^BIN \\\\d{4}-\\\\d{1,5}$"',
        'dnr: "^BIN \\\\d{4}-\\\\d{1,5}$"\n    dnr_äldre: ["^\\\\d{4}-\\\\d{1,5}$"]',
      ),
      'delad.yaml',
    );
    const bin = shared.boards.find((b) => b.name === 'Bildningsnämnden')!;
    const on = shared.boards.find((b) => b.name === 'Omsorgsnämnden')!;
    expect(boardsWithoutDnr([on, bin], ['2017-612'])).toHaveLength(1);
    // The matching moves the shared number to the nämnd that has no other: both are served.
    expect(boardsWithoutDnr([bin, on], ['2017-612', 'ON 2017-1'])).toEqual([]);
    const r = jointWith(['2017-612'], ['Omsorgsnämnden', 'Bildningsnämnden'], shared);
    expect(r.diagnostics.filter((d) => d.rule === 'dnr-per-board').map((d) => d.message)).toEqual([
      'Bildningsnämnden saknar ett eget diarienummer: de diarienummer som följer nämndens mönster ("2017-612") behövs redan för en annan nämnd.',
    ]);
  });
});

describe('dnr_äldre in the profile', () => {
  it('each older pattern goes through the safe regex layer, with its position', () => {
    const broken = linkopingText.replace(
      'dnr_äldre: ["^\\\\d{4}-\\\\d{1,5}$"]',
      'dnr_äldre: ["^\\\\d{4}$", "^(\\\\d)\\\\1$"]',
    );
    expect(broken).not.toBe(linkopingText);
    let message = '';
    try {
      parseProfile(broken, 'p.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/p\.yaml:\d+:\d+: nämnder\.3\.dnr_äldre\.1 använder en bakåtreferens/);
  });

  it('must be a list', () => {
    expect(() =>
      parseProfile(
        linkopingText.replace('dnr_äldre: ["^\\\\d{4}-\\\\d{1,5}$"]', 'dnr_äldre: "^x$"'),
        'p.yaml',
      ),
    ).toThrow(/nämnder\.3\.dnr_äldre ska vara en lista, inte text/);
  });
});
