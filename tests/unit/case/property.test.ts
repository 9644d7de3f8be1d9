/** readCase is total: for arbitrary front matter and Markdown it returns diagnostics or a case, never throws. */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readCase } from '../../../src/case/read.js';
import { exempel, fixture, linkoping } from './helpers.js';

const keys = fc.constantFrom(
  'mall',
  'datum',
  'dnr',
  'förvaltning',
  'handläggare',
  'nämnd',
  'rubrik',
  'förslag_till_beslut',
  'beslutsunderlag',
  'konsekvenser',
  'mbl',
  'underskrifter',
  'beslutet_skickas_til',
  'sekretess',
  'typ',
  'namn',
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(keys, fc.string()), tie('node'), { maxKeys: 4 }),
  ),
})).node;

const markdown = fc.array(
  fc.oneof(
    fc.constantFrom(
      '## Ärende',
      '## Bakgrund',
      '## Samråd',
      '### Under',
      '# Topp',
      '<!-- not -->',
      '---',
      '```',
      '- punkt',
      '',
    ),
    fc.string(),
    fc.string({ unit: 'binary' }),
  ),
  { maxLength: 12 },
);

function check(input: string | Uint8Array) {
  for (const profile of [linkoping, exempel]) {
    const result = readCase(input, 'prop.md', profile);
    expect(Array.isArray(result.diagnostics)).toBe(true);
    const hasFel = result.diagnostics.some((d) => d.severity === 'fel');
    // A case exactly when there is no 'fel'.
    expect(result.case !== undefined).toBe(!hasFel);
    expect(result.diagnostics.every((d) => d.rule !== 'internal')).toBe(true);
  }
}

describe('readCase never throws', () => {
  it('for generated front matter objects and Markdown', () => {
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 10 }), markdown, (front, body) => {
        let yaml: string;
        try {
          yaml = stringify(front);
        } catch {
          yaml = String(front);
        }
        check(`---\n${yaml}---\n${body.join('\n')}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('for arbitrary text and bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `---\n${s}`),
        ),
        (text) => check(text),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => check(bytes)),
      { numRuns: 300 },
    );
  });

  it('for a valid case with arbitrary lines inserted anywhere', () => {
    const lines = readFileSync(fixture('valid.md'), 'utf8').split('\n');
    fc.assert(
      fc.property(
        fc.nat(lines.length),
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom('## Ärende', '---', 'nämnd: x', '  - y', '\t'),
        ),
        (at, inserted) => check([...lines.slice(0, at), inserted, ...lines.slice(at)].join('\n')),
      ),
      { numRuns: 300 },
    );
  });
});
