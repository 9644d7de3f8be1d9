/**
 * The body parser leaves out the GFM syntaxes a body has not the characters for (body-parser.ts): the
 * tree, positions included, must be the one the parser with every syntax gives, for the example cases,
 * the fixtures, written bodies with each syntax, and generated ones.
 */
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, test } from 'vitest';
import { needsOf, parseBodyMarkdown } from '../../../src/case/body-parser.js';
import { exampleAndFixtureMarkdown } from '../../helpers/markdown-files.js';

const all = { email: true, table: true, footnote: true };

function expectSameTree(body: string): void {
  expect(parseBodyMarkdown(body)).toEqual(parseBodyMarkdown(body, all));
}

const types = (node: Nodes): string[] => [
  node.type,
  ...('children' in node ? node.children.flatMap((c) => types(c as Nodes)) : []),
];

describe('the body parser', () => {
  test('the example cases and every fixture: the same tree as with all of GFM', () => {
    const files = exampleAndFixtureMarkdown();
    expect(files.length).toBeGreaterThan(20);
    for (const { text } of files) expectSameTree(text);
  });

  test.each([
    ['www.linkoping.se och https://www.linkoping.se/kommun/ utan e-post', 'link'],
    ['Skriv till registrator@linkoping.se eller mailto:a@b.se.', 'link'],
    ['| Insats | Kostnad |\n|---|--:|\n| A | 1 |\n', 'table'],
    ['Text med not.[^1]\n\n[^1]: Noten.\n', 'footnoteReference'],
    ['~~struken~~ text\n\n- [ ] att göra\n- [x] klart\n', 'delete'],
    ['a | b\n-|-\nc | d\n', 'table'],
  ])('%s', (body, type) => {
    expectSameTree(body);
    expect(types(parseBodyMarkdown(body))).toContain(type);
  });

  test('a body without the characters gets the lighter parser, one with them the whole', () => {
    expect(needsOf('Vanlig text, www.linkoping.se.')).toEqual({
      email: false,
      table: false,
      footnote: false,
    });
    expect(needsOf('a@b.se | x [^1]')).toEqual(all);
    // With the e-mail syntax left out, an address would still become a link, but only after parsing and
    // without a position: which is why a body with "@" must have the syntax.
    const body = 'Skriv till registrator@linkoping.se.';
    const without = parseBodyMarkdown(body, { ...all, email: false });
    const link = (tree: Nodes) =>
      tree.type === 'root' && tree.children[0]?.type === 'paragraph'
        ? tree.children[0].children[1]
        : undefined;
    expect(link(without)?.position).toBeUndefined();
    expect(link(parseBodyMarkdown(body))?.position).toBeDefined();
  });

  test('generated bodies: the same tree as with all of GFM', () => {
    const piece = fc.constantFrom(
      'a',
      'ord ',
      ' ',
      '\n',
      '\n\n',
      '@',
      'x@y.se',
      '|',
      '| a | b |\n|---|---|\n',
      '[^1]',
      '[^1]: not\n',
      '[',
      ']',
      '^',
      '~~',
      '- ',
      '1. ',
      '> ',
      '`',
      '*',
      '_',
      'www.',
      'https://a.se/',
      'mailto:',
      ':',
      '-',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => expectSameTree(pieces.join(''))),
      { numRuns: 400 },
    );
  });
});
