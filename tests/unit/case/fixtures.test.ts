/** Every bad-input fixture: exact rule ids and positions of its errors and warnings. */
import { describe, expect, it } from 'vitest';
import { readCaseFile } from '../../../src/case/read.js';
import { brief, exempel, fixture, linkoping } from './helpers.js';

/** fixture → expected "rule@line:col" of fel/varning diagnostics (exactly these, in order), and whether a Case results. */
const cases: {
  file: string;
  expected: string[];
  ok?: boolean;
  exempel?: boolean;
  hint?: RegExp;
  message?: RegExp;
}[] = [
  { file: 'valid.md', expected: [], ok: true },
  { file: 'footnotes.md', expected: [], ok: true },
  { file: 'empty.md', expected: ['file-empty@1:1'] },
  { file: 'no-front-matter.md', expected: ['front-matter-missing@1:1'], hint: /---/ },
  { file: 'yaml-syntax.md', expected: ['yaml-syntax@9:9'], message: /kolon/ },
  { file: 'yaml-unclosed-quote.md', expected: ['yaml-syntax@9:9'], message: /citattecknet/ },
  { file: 'yaml-tab.md', expected: ['yaml-tab@6:1'], hint: /mellanslag/ },
  {
    file: 'number-for-string.md',
    expected: ['field-type@9:9'],
    message: /rubrik ska vara text, inte talet 2024/,
  },
  {
    file: 'string-for-list.md',
    expected: ['field-type@12:18'],
    message: /beslutsunderlag ska vara en lista/,
  },
  {
    // A schema problem no longer hides the content rules: the Dnr mismatch shows in the same run.
    file: 'several-problems.md',
    expected: ['dnr-format@3:6', 'field-type@12:18'],
    message: /^Diarienumret "SON 2024\/17" följer inte mönstret/,
  },
  {
    file: 'unknown-key.md',
    expected: ['unknown-key@8:3', 'unknown-key@9:1'],
    message: /Okänd nyckel "telefonnummer" i handläggare/,
  },
  {
    file: 'ascii-folded-key.md',
    expected: ['field-missing@2:1', 'field-missing@2:1', 'unknown-key@4:1', 'unknown-key@10:1'],
  },
  { file: 'duplicate-key.md', expected: ['yaml-duplicate-key@10:1'] },
  { file: 'binary.md', expected: ['binary@3:1'] },
  { file: 'latin1.md', expected: ['encoding@4:2'], message: /0xF6.*"ö"/, hint: /UTF-8/ },
  { file: 'bom.md', expected: [], ok: true },
  { file: 'crlf.md', expected: [], ok: true },
  { file: 'control-char.md', expected: ['control-char@39:21'], message: /U\+0007/ },
  {
    // YAML escapes put characters into a value that the file itself does not hold.
    file: 'yaml-escape-control.md',
    expected: ['control-char@9:9', 'control-char@25:11'],
    message: /Fältet rubrik innehåller styrtecknet U\+0007/,
  },
  {
    file: 'link-scheme.md',
    expected: [
      'link-scheme@16:11',
      'link-scheme@33:51',
      'link-scheme@34:1',
      'link-scheme@34:38',
      'link-scheme@35:1',
      'link-scheme@35:26',
      'link-scheme@35:52',
    ],
    message: /^Länken "javascript:alert\(document.cookie\)" använder javascript:/,
    hint: /https:\/\/.*mailto:/,
  },
  // Allowed links whose targets hold PDF syntax; tests/unit/archive/escaping.test.ts builds them.
  { file: 'crafted-links.md', expected: [], ok: true },
  { file: 'zero-width.md', expected: ['invisible-char@33:21'], ok: true, message: /U\+200B/ },
  {
    file: 'missing-section.md',
    expected: ['consequence-missing@14:1'],
    message: /"Samråd" saknas/,
    hint: /ej_relevant/,
  },
  {
    file: 'dnr-mismatch.md',
    expected: ['dnr-format@3:6'],
    message: /^Diarienumret "SON 2024\/17" följer inte mönstret för Social- och omsorgsnämnden\.$/,
    hint: /"SON 2020-281"/,
  },
  { file: 'unaddressed-board.md', expected: ['decision-unaddressed@13:3'], message: /Bildningsnämnden/ },
  { file: 'mbl-after-memo.md', expected: ['mbl-date-after-memo@21:3'] },
  {
    file: 'non-standalone-point.md',
    expected: ['decision-standalone@11:5'],
    ok: true,
    message: /i enlighet med förvaltningens förslag/,
  },
  { file: 'duplicate-headings.md', expected: ['section-duplicate@45:1'], message: /första gången på rad 37/ },
  { file: 'impossible-date.md', expected: ['date-invalid@2:8'], message: /2023-02-30 finns inte/ },
  { file: 'personnummer.md', expected: ['personnummer@39:17'], ok: true },
  { file: 'text-before-section.md', expected: ['text-before-section@31:1'] },
  { file: 'written-and-not-relevant.md', expected: ['consequence-conflict@19:5'], ok: true },
  {
    file: 'unknown-board.md',
    expected: ['unknown-board@8:8'],
    hint: /Menade du "Social- och omsorgsnämnden"\?/,
  },
  { file: 'joint.md', expected: [], ok: true },
  // Older ON style (dnr_äldre), mbl with enhet and with its own text.
  { file: 'joint-mbl-unit.md', expected: [], ok: true },
  {
    file: 'joint-dnr-one-board.md',
    expected: ['dnr-per-board@4:1'],
    message:
      /^Bildningsnämnden saknar diarienummer: inget av "ON 2017-000", "ON 2017-001" följer nämndens mönster\.$/,
    hint: /"BIN 2023-145"/,
  },
  {
    file: 'joint-mbl-missing.md',
    expected: ['mbl-per-department@33:3'],
    message: /Social- och omsorgsförvaltningen/,
  },
  { file: 'exempel-valid.md', expected: [], ok: true, exempel: true },
  {
    file: 'exempel-missing-barn.md',
    expected: ['consequence-missing@2:1'],
    exempel: true,
    hint: /Ärendet bedöms inte påverka barn\./,
  },
];

describe('fixtures in tests/fixtures/case', () => {
  for (const c of cases) {
    it(`${c.file}: ${c.expected.join(', ') || 'inga fel eller varningar'}`, () => {
      const result = readCaseFile(fixture(c.file), c.exempel ? exempel : linkoping);
      expect(brief(result.diagnostics)).toEqual(c.expected);
      expect(result.case !== undefined).toBe(c.ok ?? false);
      const first = result.diagnostics.find((d) => d.severity !== 'info');
      if (c.message) expect(first?.message).toMatch(c.message);
      if (c.hint) expect(first?.hint).toMatch(c.hint);
      for (const d of result.diagnostics) {
        expect(d.file).toBe(fixture(c.file));
        expect(d.message.length).toBeGreaterThan(0);
      }
    });
  }

  it('suggests the å/ä/ö spelling for ASCII-folded keys', () => {
    const hints = readCaseFile(fixture('ascii-folded-key.md'), linkoping)
      .diagnostics.filter((d) => d.rule === 'unknown-key')
      .map((d) => d.hint);
    expect(hints).toEqual(['Menade du "förvaltning"?', 'Menade du "förslag_till_beslut"?']);
  });

  it('the same fixture is valid under the other profile only when its names exist there', () => {
    // valid.md addresses a Linköping nämnd; under Exempelkommun the nämnd and förvaltning are unknown.
    const rules = readCaseFile(fixture('valid.md'), exempel).diagnostics.map((d) => d.rule);
    expect(rules).toContain('unknown-board');
    expect(rules).toContain('unknown-department');
  });

  it('exempel-valid.md fails under Linköping (its nämnd and required sections differ)', () => {
    const rules = readCaseFile(fixture('exempel-valid.md'), linkoping).diagnostics.map((d) => d.rule);
    expect(rules).toContain('unknown-department');
    expect(rules).toContain('consequence-missing');
  });
});
