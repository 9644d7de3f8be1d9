/** `skrivelse new --nämnd A --nämnd B` writes the joint form; `check` flags what new left (placeholders, example Dnr). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaOf } from '../../../src/case/front-matter.js';
import { readCase } from '../../../src/case/read.js';
import { defaultKind } from '../../../src/kinds/index.js';
import { runCaptured } from '../../helpers/cli.js';
import { linkoping } from '../case/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'skrivelse-new-gemensam-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The front matter of a case file as plain data. */
const frontMatter = (text: string): unknown => parse(text.split(/^---$/m)[1]!);

const note = ' # exempel från kommunprofilen; byt till ärendets diarienummer';

async function newCase(name: string, boards: string[], env: Record<string, string> = {}) {
  const file = join(tmp, name);
  const r = await runCaptured(['new', file, ...boards.flatMap((b) => ['--nämnd', b])], { cwd: tmp, env });
  return { ...r, file, text: r.code === 0 ? readFileSync(file, 'utf8') : '' };
}

describe('skrivelse new with several nämnder', () => {
  it('writes the joint form, which passes the schema and lists both nämnder', async () => {
    const r = await newCase('gemensam.md', ['Omsorgsnämnden', 'bildningsnämnden']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('för Omsorgsnämnden och Bildningsnämnden (gemensam skrivelse)');
    const data = frontMatter(r.text);
    expect(schemaOf(defaultKind).safeParse(data).success).toBe(true);
    expect(data).toMatchObject({
      dnr: ['ON 2017-612', 'BIN 2023-145'],
      nämnd: ['Omsorgsnämnden', 'Bildningsnämnden'],
      förvaltning: ['Omsorgskontoret', 'Utbildningsförvaltningen'],
      förslag_till_beslut: { Omsorgsnämnden: ['FYLL I'], Bildningsnämnden: ['FYLL I'] },
      mbl: [
        { förvaltning: 'Omsorgskontoret', typ: 'information' },
        { förvaltning: 'Utbildningsförvaltningen', typ: 'information' },
      ],
      underskrifter: [
        { förvaltning: 'Omsorgskontoret', namn: 'FYLL I', titel: 'Omsorgsdirektör' },
        { förvaltning: 'Utbildningsförvaltningen', namn: 'FYLL I', titel: 'Utbildningsdirektör' },
      ],
    });
    expect(r.text).toContain('Av ovanstående skäl föreslås omsorgsnämnden och bildningsnämnden att FYLL I.');
  });

  it('fails check only on what new left: placeholders and the example Dnr, each at its place', async () => {
    const { text } = await newCase('kvar.md', ['Omsorgsnämnden', 'Bildningsnämnden']);
    const read = readCase(text, 'kvar.md', linkoping);
    expect(new Set(read.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule))).toEqual(
      new Set(['placeholder']),
    );
    const dnr = read.diagnostics.filter((d) => d.message.startsWith('Diarienumret'));
    expect(dnr.map((d) => [d.position, d.field, d.message])).toEqual([
      [
        { line: 5, column: 5 },
        'dnr.0',
        'Diarienumret "ON 2017-612" är kvar från skrivelse ny: det är kommunprofilens exempel för Omsorgsnämnden.',
      ],
      [
        { line: 6, column: 5 },
        'dnr.1',
        'Diarienumret "BIN 2023-145" är kvar från skrivelse ny: det är kommunprofilens exempel för Bildningsnämnden.',
      ],
    ]);
    expect(dnr[0]!.hint).toContain('Skriv ärendets eget diarienummer');
  });

  it('once filled in, the joint skeleton passes check', async () => {
    const { text, file } = await newCase('ifylld.md', ['Omsorgsnämnden', 'Bildningsnämnden'], {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    const filled = text
      .replaceAll('FYLL I', 'Text')
      .replace(`"ON 2017-612"${note}`, 'ON 2023-17')
      .replace(`"BIN 2023-145"${note}`, 'BIN 2023-201');
    writeFileSync(file, filled);
    const r = await runCaptured(['check', file], { cwd: tmp });
    expect(r.out).not.toMatch(/: fel /);
    expect(r.code).toBe(0);
  });

  it('the same nämnd twice is a usage error; one nämnd still gives the plain form', async () => {
    const twice = await newCase('två.md', ['Bildningsnämnden', 'bildningsnämnden']);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('Nämnden "Bildningsnämnden" anges mer än en gång med --nämnd.');
    const one = await newCase('en.md', ['Bildningsnämnden']);
    expect(one.text).toContain(`dnr: "BIN 2023-145"${note}\n`);
    expect(one.text).toContain('nämnd: Bildningsnämnden\n');
    expect(one.text).toContain('förslag_till_beslut:\n  - FYLL I\n');
    expect(one.text).toContain('mbl:\n  typ: information');
  });
});

describe('placeholder: leftovers anywhere in the file', () => {
  const valid = readFileSync('tests/fixtures/case/valid.md', 'utf8');

  it('a leftover ÅÅÅÅ-MM-DD in a section is flagged at its exact place', () => {
    const text = valid.replace(
      '## Bakgrund\n\n',
      '## Bakgrund\n\nBeslutet fattades ÅÅÅÅ-MM-DD av nämnden.\n\n',
    );
    const r = readCase(text, 'x.md', linkoping);
    const line = text.split('\n').findIndex((l) => l.includes('ÅÅÅÅ-MM-DD')) + 1;
    expect(
      r.diagnostics.filter((d) => d.severity === 'fel').map((d) => [d.rule, d.position, d.message, d.hint]),
    ).toEqual([
      [
        'placeholder',
        { line, column: 19 },
        'Platshållaren "ÅÅÅÅ-MM-DD" är kvar.',
        'Skriv det riktiga datumet, t.ex. 2024-03-01.',
      ],
    ]);
  });

  it('datum: ÅÅÅÅ-MM-DD is reported once, as the placeholder (not also as an invalid date)', () => {
    const r = readCase(valid.replace(/^datum: .*$/m, 'datum: ÅÅÅÅ-MM-DD'), 'x.md', linkoping);
    expect(
      r.diagnostics
        .filter((d) => d.severity === 'fel')
        .map((d) => `${d.rule}@${d.position?.line}:${d.position?.column}`),
    ).toEqual(['placeholder@2:8']);
  });

  it('a Dnr equal to the example is a real number once the note from new is gone', () => {
    const withNote = valid.replace(/^dnr: (.*)$/m, `dnr: "SON 2020-281"${note}`);
    expect(withNote).not.toBe(valid);
    const flagged = readCase(withNote, 'x.md', linkoping);
    expect(flagged.diagnostics.filter((d) => d.rule === 'placeholder').map((d) => d.position)).toEqual([
      { line: 3, column: 6 },
    ]);
    const real = readCase(valid.replace(/^dnr: (.*)$/m, 'dnr: SON 2020-281'), 'x.md', linkoping);
    expect(real.diagnostics.filter((d) => d.rule === 'placeholder')).toEqual([]);
  });
});
