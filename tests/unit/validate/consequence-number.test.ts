/** The suggested "ej relevant" sentence agrees in number with its heading (hint of consequence-missing, skeleton). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { caseSkeleton } from '../../../src/case/skeleton.js';
import { isPluralHeading, notRelevantSentence } from '../../../src/profile/consequence-text.js';
import { parseProfile } from '../../../src/profile/load.js';
import { fixture, linkoping } from '../case/helpers.js';

const valid = readFileSync(fixture('valid.md'), 'utf8');
const linkopingText = readFileSync(
  fileURLToPath(new URL('../../../templates/profiler/linkoping.yaml', import.meta.url)),
  'utf8',
);

function hintFor(heading: string, profile = linkoping) {
  const section = new RegExp(`## ${heading}\\n\\n[^#]*`).exec(valid)![0];
  const r = readCase(valid.replace(section, ''), 'x.md', profile);
  const missing = r.diagnostics.filter((d) => d.rule === 'consequence-missing');
  expect(missing).toHaveLength(1);
  return missing[0]!.hint!;
}

describe('"ej relevant" suggestions agree in number', () => {
  it('a plural heading gets "relevanta", a singular one "relevant"', () => {
    expect(hintFor('Ekonomiska konsekvenser')).toContain(
      '"Ekonomiska konsekvenser har bedömts inte vara relevanta i detta ärende."',
    );
    expect(hintFor('Samråd')).toContain('"Samråd har bedömts inte vara relevant i detta ärende."');
    expect(hintFor('Uppföljning och utvärdering')).toContain(
      '"Uppföljning och utvärdering har bedömts inte vara relevant i detta ärende."',
    );
  });

  it('the profile decides where the heading misleads (plural:), and its own wording wins', () => {
    expect(isPluralHeading({ heading: 'Kommunala mål' })).toBe(false);
    expect(linkoping.consequences.find((c) => c.id === 'kommunala_mål')?.plural).toBe(true);
    const singular = parseProfile(
      linkopingText.replace(
        '    rubrik: Ekonomiska konsekvenser\n    krävs: true\n',
        '    rubrik: Ekonomiska konsekvenser\n    krävs: true\n    plural: false\n',
      ),
      'p.yaml',
    );
    expect(hintFor('Ekonomiska konsekvenser', singular)).toContain('har bedömts inte vara relevant i');
    const jämställdhet = linkoping.consequences.find((c) => c.id === 'jämställdhet')!;
    expect(notRelevantSentence(jämställdhet)).toBe(
      'Jämställdhetsanalys har bedömts inte vara relevant i detta ärende.',
    );
    expect(() =>
      parseProfile(linkopingText.replace('    plural: true\n', '    plural: ja\n'), 'p.yaml'),
    ).toThrow(/konsekvenser\.1\.plural ska vara true eller false, inte text/);
  });

  it('the skeleton suggests the same agreeing sentences', () => {
    const text = caseSkeleton(linkoping, { boards: [linkoping.boards[0]!], kind: 'tjänsteskrivelse' });
    expect(text).toContain(
      'ej_relevant: "Ekonomiska konsekvenser har bedömts inte vara relevanta i detta ärende."',
    );
    expect(text).toContain('ej_relevant: "Samråd har bedömts inte vara relevant i detta ärende."');
    expect(text).not.toContain('konsekvenser har bedömts inte vara relevant ');
  });
});
