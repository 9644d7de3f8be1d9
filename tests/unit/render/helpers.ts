/** A Doc from the example case with `markdown` put first under Bakgrund, checked to have no fel. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { renderDoc } from '../../../src/render/index.js';
import { linkoping } from '../case/helpers.js';

const source = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');

/** The Doc and the case-file line `markdown` starts on. */
export function docWith(markdown: string) {
  const text = source.replace(/^## Bakgrund\n/m, `## Bakgrund\n\n${markdown}\n`);
  const read = readCase(text, 'prov.md', linkoping);
  expect(read.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
  const firstLine = text.split('\n').indexOf(markdown.split('\n')[0]!) + 1;
  return { doc: renderDoc(read.case!, linkoping), firstLine };
}
