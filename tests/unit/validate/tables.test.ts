/** table-too-wide: a table whose longest words cannot all fit side by side on the profile's text width. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import type { Profile } from '../../../src/profile/model.js';
import { brief, fixture, linkoping } from '../case/helpers.js';

const valid = readFileSync(fixture('valid.md'), 'utf8');
const anchor = 'Riktlinjerna för hemtjänst behöver uppdateras.\n';

/** valid.md with `markdown` inserted in Ärende, after its first paragraph (two lines further down). */
function withTable(markdown: string, profile: Profile = linkoping) {
  expect(valid).toContain(anchor);
  return readCase(valid.replace(anchor, `${anchor}\n${markdown}\n`), 'x.md', profile);
}

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;

function markdownTable(header: string[], rows: string[][]): string {
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const anchorLine = valid.slice(0, valid.indexOf(anchor)).split('\n').length;

describe('table-too-wide', () => {
  it('warns at the table for twelve columns of long words, naming the column count', () => {
    const header = Array.from({ length: 12 }, (_, i) => `Kolumn${i + 1}`);
    const row = header.map(() => 'Verksamhetsområdesansvarig');
    const r = withTable(markdownTable(header, [row, row]));
    const found = r.diagnostics.filter((d) => d.rule === 'table-too-wide');
    expect(brief(found)).toEqual([`table-too-wide@${anchorLine + 2}:1`]);
    expect(found[0]!.severity).toBe('varning');
    expect(found[0]!.message).toContain('(12 kolumner)');
    expect(found[0]!.message).toContain('långa ord delas mitt i');
    expect(found[0]!.hint).toMatch(/kolumner/);
  });

  it('is silent for an ordinary table, also one with long text that simply wraps', () => {
    const r = withTable(
      markdownTable(
        ['Verksamhet', 'Beskrivning', 'Kostnad (tkr)'],
        [
          [
            'Hemtjänst',
            'Insatser i hemmet för äldre och personer med funktionsnedsättning, dygnet runt',
            '1 200',
          ],
          ['Boendestöd', 'Stöd i vardagen', '350'],
        ],
      ),
    );
    expect(r.diagnostics.map((d) => d.rule)).not.toContain('table-too-wide');
    expect(brief(r.diagnostics)).toEqual([]);
  });

  it('measures on the profile’s text width: wide margins make the same table too wide', () => {
    const table = markdownTable(
      ['Verksamhetsområde', 'Ansvarsfördelning', 'Uppföljningsansvar'],
      [['Äldreomsorgsnämnden', 'Socialförvaltningen', 'Kvalitetsavdelningen']],
    );
    expect(withTable(table).diagnostics.map((d) => d.rule)).not.toContain('table-too-wide');
    const narrow: Profile = { ...linkoping, marginsMm: { ...linkoping.marginsMm, left: 75, right: 75 } };
    expect(withTable(table, narrow).diagnostics.map((d) => d.rule)).toContain('table-too-wide');
  });
});
