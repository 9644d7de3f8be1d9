/** Inputs that would make the parsers slow are refused before parsing (rule too-complex); output stays bounded. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { maxFindingsPerRule } from '../../../src/validate/index.js';
import { brief, fixture, linkoping } from './helpers.js';

const valid = readFileSync(fixture('valid.md'), 'utf8');
const validLines = valid.split('\n').length; // valid.md ends with a newline, so appended text starts on this line
const count = (pattern: RegExp) => (valid.match(pattern) ?? []).length;

describe('complexity limits', () => {
  const shapes: [string, string, string][] = [
    ['a 20 000 character line', 'a'.repeat(20_000), `too-complex@${validLines}:1`],
    [
      'deeply nested lists',
      Array.from({ length: 20 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
      `too-complex@${validLines + 13}:1`,
    ],
    ['deeply nested quotes', '> > > > > > x', `too-complex@${validLines}:1`],
    ['thousands of list items', '- x\n'.repeat(3_000), `too-complex@${validLines + 2_000 - 4}:1`],
    [
      'thousands of brackets',
      '[\n'.repeat(20_000),
      `too-complex@${validLines + 10_000 - count(/[[\]*_`<]/g)}:1`,
    ],
    [
      'thousands of headings',
      '## a\n'.repeat(1_000),
      `too-complex@${validLines + 500 - count(/^#{1,6} /gm)}:1`,
    ],
  ];
  for (const [name, body, expected] of shapes) {
    it(`refuses ${name}`, () => {
      const result = readCase(valid + body, 'x.md', linkoping);
      expect(brief(result.diagnostics)).toEqual([expected]);
      expect(result.diagnostics[0]!.hint).toBeDefined();
    });
  }

  it('accepts code blocks with deep indentation', () => {
    const code = `\`\`\`\n${' '.repeat(40)}indraget\n\`\`\`\n`;
    expect(
      readCase(valid.replace('Nuvarande riktlinjer antogs 2015.', code), 'x.md', linkoping).case,
    ).toBeDefined();
  });

  it('caps YAML errors at 10', () => {
    const result = readCase(`---\nx: ${'['.repeat(5_000)}\n---\n\n## Ärende\n\nText.\n`, 'x.md', linkoping);
    expect(result.diagnostics.filter((d) => d.rule === 'yaml-syntax').length).toBeLessThanOrEqual(10);
  });

  it('refuses an alias bomb in the front matter without an internal error', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => {
      const prev = i ? `b${i - 1}` : 'a';
      return `b${i}: &b${i} [*${prev}, *${prev}, *${prev}]`;
    }).join('\n');
    const result = readCase(
      `---\na: &a [x, x, x]\n${aliases}\n---\n\n## Ärende\n\nText.\n`,
      'x.md',
      linkoping,
    );
    expect(brief(result.diagnostics)).toContain('yaml-syntax@2:1');
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('internal');
  });

  it('summarises a rule after the first findings', () => {
    const many = 'Sökande 121212-1212 svarade.\n\n'.repeat(50);
    const result = readCase(valid.replace('Nuvarande riktlinjer antogs 2015.', many), 'x.md', linkoping);
    const found = result.diagnostics.filter((d) => d.rule === 'personnummer');
    expect(found.length).toBe(maxFindingsPerRule + 1);
    expect(found.filter((d) => d.message === '… och 30 förekomster till som inte visas.').length).toBe(1);
  });
});
