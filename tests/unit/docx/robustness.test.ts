/**
 * Real and random input: the repository's case files rendered through src/render, and Docs made by
 * fast-check with hostile text, all give DOCX files the Open XML SDK validator accepts (it also
 * rejects XML that is not well-formed).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import type { Block, Doc, Inline } from '../../../src/doc/model.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';
import { paragraphItem } from '../../fixtures/doc/lists.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';

const casesDir = join(import.meta.dirname, '../../../cases');

async function validationErrors(bytes: Uint8Array): Promise<string[]> {
  const errors = await validate(bytes, 'docx', 'Office2007');
  return errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description.slice(0, 160)}`);
}

describe('the repository’s case files', () => {
  const profile = loadProfile();
  const files = readdirSync(casesDir).filter((f) => f.endsWith('.md'));

  test.each(files)('%s renders to a valid DOCX', async (file) => {
    const result = readCaseFile(join(casesDir, file), profile);
    expect(result.case, JSON.stringify(result.diagnostics)).toBeDefined();
    const bytes = await renderDocx(renderDoc(result.case!, profile));
    expect(await validationErrors(bytes)).toEqual([]);
  });
});

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<script>x</script>',
    '{{x}}',
    '&amp;',
    ']]>',
    '2024-10-09',
    '1 200 000 kr',
    '\t',
    '',
    'x\uFFFFy\u0000',
    'lone \uD800 surrogate',
  ),
);
const href = fc.constantFrom(
  undefined,
  '#',
  'mal.html',
  'https://example.org/?a=1&b=<2>',
  'mailto:someone@example.se',
  ' https://example.org/space ',
  'javascript:alert(1)',
);
const inline: fc.Arbitrary<Inline> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('text' as const),
      text,
      bold: fc.boolean(),
      italic: fc.boolean(),
      href,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'break' as const }) },
);
const inlines = fc.array(inline, { maxLength: 4 });
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('title' as const), inlines }),
  fc.record({
    type: fc.constant('heading' as const),
    level: fc.constantFrom(2 as const, 3 as const),
    inlines,
  }),
  fc.record({
    type: fc.constant('paragraph' as const),
    inlines,
    role: fc.constantFrom(undefined, 'body' as const, 'label' as const),
  }),
  fc.record({
    type: fc.constant('list' as const),
    ordered: fc.boolean(),
    start: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constant(Number.NaN), fc.constant(1.5)),
    items: fc.array(
      fc.array(inlines, { maxLength: 3 }).map((paragraphs) => paragraphItem(...paragraphs)),
      { maxLength: 3 },
    ),
  }),
  fc.constant({ type: 'rule' as const }),
  fc.record({
    type: fc.constant('signatures' as const),
    signatures: fc.array(
      fc.record({ department: text, name: text, title: fc.option(text, { nil: undefined }) }),
      { maxLength: 3 },
    ),
  }),
  fc.record({
    type: fc.constant('recipients' as const),
    label: text,
    recipients: fc.array(text, { maxLength: 3 }),
  }),
);

const randomDoc: fc.Arbitrary<Doc> = fc
  .record({
    blocks: fc.array(block, { maxLength: 12 }),
    municipality: text,
    lines: fc.array(text, { maxLength: 3 }),
    footer: fc.array(fc.record({ label: text, value: text }), { maxLength: 5 }),
    pageNumberFormat: fc.oneof(
      fc.constant('{n} ({m})'),
      text,
      text.map((t) => `${t}{n}${t}{m}{n}`),
    ),
    title: fc.oneof(text, fc.constant('titel \uFFFF med \u0001 tecken')),
  })
  .map((r) => {
    const doc = seed001Doc();
    doc.blocks = r.blocks;
    doc.meta.title = r.title;
    Object.assign(doc.furniture, {
      municipality: r.municipality,
      senderLines: r.lines,
      dnrLines: r.lines,
      addressees: r.lines,
      shortHead: r.lines,
      footer: r.footer,
      pageNumberFormat: r.pageNumberFormat,
    });
    return doc;
  });

describe('random Docs', () => {
  test('always give a DOCX the validator accepts', async () => {
    await fc.assert(
      fc.asyncProperty(randomDoc, async (doc) => {
        const bytes = await renderDocx(doc);
        expect(await validationErrors(bytes)).toEqual([]);
      }),
      { numRuns: 25, seed: 4711 },
    );
  });
});
