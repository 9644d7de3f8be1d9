/**
 * Every node type the case parser can produce is either printed or refused by check (markdown-coverage.ts):
 * the table is held to the node types @types/mdast defines, so a new type cannot slip through, and a case
 * using each refused construct gets exactly one markdown-unsupported fel at the construct's line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { markdownCoverage } from '../../../src/case/markdown-coverage.js';
import { readCase } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { linkoping } from './helpers.js';

const require = createRequire(import.meta.url);
const typesOf = (pkg: string) =>
  [...readFileSync(require.resolve(`${pkg}/index.d.ts`), 'utf8').matchAll(/type: "([A-Za-z]+)"/g)].map(
    (m) => m[1]!,
  );

const source = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');

const caseWith = (markdown: string) =>
  readCase(source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`), 'prov.md', linkoping);
const bodyLine = source.slice(0, source.indexOf('## Ärende')).split('\n').length;

describe('Markdown coverage', () => {
  it('checks the address of a link definition like a link', () => {
    const found = caseWith('Se [här][x].\n\n[x]: javascript:alert(1)').diagnostics.filter(
      (d) => d.rule === 'link-scheme',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.position!.line).toBe(bodyLine + 4);
  });

  it('decides every node type of mdast (and the directive types the template uses)', () => {
    const types = new Set([
      ...typesOf('@types/mdast'),
      'containerDirective',
      'leafDirective',
      'textDirective',
    ]);
    expect(Object.keys(markdownCoverage).sort()).toEqual([...types].sort());
  });

  it.each([
    ['image reference', '![Karta][k]\n\n[k]: karta.png'],
    ['strikethrough', 'Det här ~~stryks~~ över.'],
    ['task list', '- [ ] att göra'],
    ['task item in a nested list', '1. punkt\n   - [x] klart'],
  ])('%s is refused at its line', (_, markdown) => {
    const found = caseWith(markdown).diagnostics.filter((d) => d.rule === 'markdown-unsupported');
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe('fel');
      expect(d.position!.line).toBeGreaterThanOrEqual(bodyLine);
      expect(d.hint).toBeTruthy();
    }
  });

  it('what is printed passes and reaches the Doc word for word', () => {
    const markdown = [
      'Ett stycke med **fet**, *kursiv*, `kod` och [länk](https://www.linkoping.se) och www.linkoping.se.',
      '### Underrubrik',
      '> Ett citat.',
      '- en punkt\n- en till',
      '1. första\n2. andra',
      '- yttre\n  1. mellersta\n     - innersta\n\n  stycke efter listan',
      '```\nkodblock\n```',
      '| År | Kostnad |\n| --- | ---: |\n| 2025 | **1 200** tkr |',
      '> citerat\n>\n> > inre citat',
      'Se [kommunens webbplats][lkpg].\n\n[lkpg]: https://www.linkoping.se/',
    ].join('\n\n');
    const read = caseWith(markdown);
    expect(read.diagnostics.filter((d) => d.severity === 'fel').map((d) => `${d.rule} ${d.message}`)).toEqual(
      [],
    );
    const doc = renderDoc(read.case!, linkoping);
    const text = JSON.stringify(doc.blocks);
    for (const word of [
      'fet',
      'kursiv',
      'kod',
      'länk',
      'www.linkoping.se',
      'Underrubrik',
      'citat',
      'punkt',
      'andra',
      'yttre',
      'mellersta',
      'innersta',
      'stycke efter listan',
      'kodblock',
      'Kostnad',
      '2025',
      'tkr',
      'inre citat',
      'kommunens webbplats',
    ])
      expect(text).toContain(word);
    expect(text).toContain('"text":"kommunens webbplats","href":"https://www.linkoping.se/"');
  });

  /**
   * Every construct in every container: either check refuses the case with a fel, or every word of the
   * construct is in the Doc. A container that cannot hold a construct must say so, never drop it.
   */
  describe('each construct in each container', () => {
    const contents: Record<string, [string, string[]]> = {
      paragraph: ['Ordett i ett stycke.', ['Ordett']],
      heading: ['### Ordtva rubrik', ['Ordtva']],
      code: ['```\nOrdtre kod\n```', ['Ordtre']],
      table: ['| Ordfyra |\n| --- |\n| Ordfem |', ['Ordfyra', 'Ordfem']],
      quote: ['> Ordsex citat', ['Ordsex']],
      list: ['- Ordsju punkt', ['Ordsju']],
      html: ['<div>Ordatta</div>', ['Ordatta']],
      image: ['![Ordnio bild](tests/fixtures/images/pdf-rgb.png)', ['Ordnio']],
    };
    const indent = (text: string, by: number) =>
      text
        .split('\n')
        .map((l) => (l ? ' '.repeat(by) + l : l))
        .join('\n');
    const containers: Record<string, (content: string) => string> = {
      section: (c) => c,
      'list item': (c) => `- Punkt.\n\n${indent(c, 2)}`,
      'block quote': (c) =>
        c
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      footnote: (c) => `Se noten.[^n]\n\n[^n]: Inledning.\n\n${indent(c, 4)}`,
      'quote in a list item': (c) =>
        `- Punkt.\n\n${indent(
          c
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n'),
          2,
        )}`,
    };
    const printed: string[] = [];
    for (const [where, wrap] of Object.entries(containers))
      for (const [what, [markdown, markers]] of Object.entries(contents))
        it(`${what} in a ${where}`, () => {
          const read = caseWith(wrap(markdown));
          const errors = read.diagnostics.filter((d) => d.severity === 'fel');
          if (errors.length > 0) {
            // Refused where it stands, with a hint.
            for (const d of errors)
              expect(d.position?.line, `${d.rule} ${d.message}`).toBeGreaterThan(bodyLine);
            return;
          }
          const text = JSON.stringify(renderDoc(read.case!, linkoping).blocks);
          for (const word of markers) expect(text, word).toContain(word);
          printed.push(`${what} in a ${where}`);
        });
    it('tables and images are printed in the body and in block quotes', () => {
      for (const what of ['table', 'image', 'quote', 'list', 'code'])
        for (const where of ['section', 'block quote']) expect(printed).toContain(`${what} in a ${where}`);
      expect(printed).toContain('quote in a list item');
    });
  });
});
