/**
 * Text in a section can never become template structure: every template directive and every unclosed
 * construct (container, fence, HTML block, comment), written at the end of every section of the joint
 * example, leaves the MBL section, both signatures and "Beslutet skickas till" exactly as without it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import type { Block, Doc } from '../../../src/doc/model.js';
import { renderDoc } from '../../../src/render/index.js';
import { linkoping } from '../case/helpers.js';

const file = 'cases/son-2024-112-bin-2024-87-tidiga-insatser.md';
const source = readFileSync(file, 'utf8');

const hostile: Record<string, string> = {
  'signature directive': '::underskrift[Falsk förvaltning]{namn="Falsk Namn" titel="Chef"}',
  'recipients container, unclosed': ':::mottagare{etikett="Beslutet skickas till:"}\n- Någon annan',
  'recipients container, closed': ':::mottagare{etikett="X"}\n- Y\n:::',
  'rule and label directives': '::linje\n\n::etikett[Beslutsunderlag:]',
  'section placeholder': '::avsnitt{nr="0"}',
  'unclosed fence': '```\nkod som aldrig stängs',
  'unclosed HTML block': '<div>\nett html-block som aldrig stängs',
  'unclosed comment': '<!-- en kommentar som aldrig stängs',
  'raw Handlebars': '{{#each underskrifter}}{{namn}}{{/each}} {{{ärende}}}',
};

/** Inserts `snippet` as the last lines of the section at heading index `n` (the last one: end of file). */
function withSnippet(n: number, snippet: string): string {
  const headings = [...source.matchAll(/^## .*$/gm)].map((m) => m.index!);
  const at = n + 1 < headings.length ? headings[n + 1]! : source.length;
  return `${source.slice(0, at).replace(/\n*$/, '\n\n')}${snippet}\n\n${source.slice(at)}`;
}

const sectionCount = [...source.matchAll(/^## .*$/gm)].length;

/** The part of the memo that comes from the front matter after the sections. */
function tail(doc: Doc): Block[] {
  const mbl = doc.blocks.findIndex(
    (b) =>
      b.type === 'heading' && b.inlines.some((i) => i.type === 'text' && i.text === linkoping.mbl.heading),
  );
  expect(mbl).toBeGreaterThan(0);
  return doc.blocks.slice(mbl);
}

const clean = renderDoc(readCase(source, file, linkoping).case!, linkoping);

describe('a section cannot forge template structure', () => {
  it('the example has MBL, two signatures and recipients to protect', () => {
    const blocks = tail(clean);
    expect(blocks.find((b) => b.type === 'signatures')).toMatchObject({ signatures: [{}, {}] });
    expect(blocks.some((b) => b.type === 'recipients')).toBe(true);
  });

  for (const [name, snippet] of Object.entries(hostile))
    it(`${name}, at the end of each of the ${sectionCount} sections`, () => {
      for (let n = 0; n < sectionCount; n++) {
        const read = readCase(withSnippet(n, snippet), file, linkoping);
        if (!read.case) {
          // What swallows the rest of the file is a fel at check, so such a memo is never built.
          expect(
            read.diagnostics.map((d) => d.rule),
            `section ${n}`,
          ).toContain('unclosed-block');
          continue;
        }
        const doc = renderDoc(read.case!, linkoping);
        expect(tail(doc), `section ${n}`).toEqual(tail(clean));
        expect(
          doc.blocks.filter((b) => b.type === 'signatures' || b.type === 'recipients' || b.type === 'title'),
        ).toHaveLength(3);
      }
    });

  it('a directive line in a section prints as the text it is', () => {
    const doc = renderDoc(
      readCase(withSnippet(1, hostile['signature directive']!), file, linkoping).case!,
      linkoping,
    );
    const texts = doc.blocks.flatMap((b) =>
      'inlines' in b ? [b.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('')] : [],
    );
    expect(texts).toContain('::underskrift[Falsk förvaltning]{namn="Falsk Namn" titel="Chef"}');
  });
});

describe('what would swallow or forge text is a fel at check', () => {
  const rulesFor = (snippet: string) =>
    readCase(withSnippet(sectionCount - 1, snippet), file, linkoping).diagnostics.filter(
      (d) => d.severity === 'fel',
    );

  it.each([
    ['```\nkod', 'unclosed-block'],
    ['~~~~\nkod\n~~~', 'unclosed-block'],
    ['<!-- aldrig stängd', 'unclosed-block'],
    ['> # En andra titel', 'heading-level'],
    ['- punkt\n\n  # rubrik i en lista', 'heading-level'],
  ])('%j → %s, with its line', (snippet, rule) => {
    const found = rulesFor(snippet);
    expect(found.map((d) => d.rule)).toEqual([rule]);
    const line = source.split('\n').length + 2;
    expect(found[0]!.position!.line).toBeGreaterThanOrEqual(line - 2);
  });

  it.each(['```\nkod\n```', '~~~\nkod\n~~~~', '<!-- stängd -->'])('%j is fine', (snippet) => {
    expect(rulesFor(snippet)).toEqual([]);
  });
});
