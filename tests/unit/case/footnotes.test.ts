/**
 * Footnotes: numbered in order of first reference, their text in the Doc's notes block, and check's two
 * rules when references and definitions do not pair up (footnote-missing fel, footnote-unused varning).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import type { Inline, NotesBlock } from '../../../src/doc/model.js';
import { renderDoc } from '../../../src/render/index.js';
import { fixture, linkoping } from './helpers.js';

const source = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
const withArende = (markdown: string) => source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`);
const caseWith = (markdown: string) => readCase(withArende(markdown), 'prov.md', linkoping);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** The case's diagnostics of `rule` as "severity line:column", and the line of `needle` in the case file. */
function diagnosed(markdown: string, rule: string, needle: string) {
  const read = caseWith(markdown);
  return {
    read,
    found: read.diagnostics
      .filter((d) => d.rule === rule)
      .map((d) => `${d.severity} ${d.position?.line}:${d.position?.column}`),
    line: lineOf(withArende(markdown), needle),
    messages: read.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.message} ${d.hint}`),
  };
}

const words = (inlines: Inline[]) =>
  inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'noteRef' ? `[${i.number}]` : ' ')).join('');

describe('footnotes', () => {
  it('pass check and reach the Doc word for word, numbered by first reference', () => {
    // Two references to one note; the note defined second is referenced first; a note of two paragraphs.
    const read = readCaseFile(fixture('footnotes.md'), linkoping);
    expect(
      read.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.rule} ${d.message}`),
    ).toEqual([]);
    const doc = renderDoc(read.case!, linkoping);
    const body = doc.blocks.find(
      (b) => b.type === 'paragraph' && words(b.inlines).includes('Socialstyrelsens'),
    ) as { inlines: Inline[] };
    expect(words(body.inlines)).toBe(
      'Arbetet följer Socialstyrelsens föreskrifter.[1] Kostnaden står i bilaga 2.[2] Se föreskrifterna igen.[1]',
    );
    expect(
      body.inlines.filter((i) => i.type === 'noteRef').map((i) => (i as { first: boolean }).first),
    ).toEqual([true, true, false]);
    const notes = doc.blocks.at(-1) as NotesBlock;
    expect(notes.type).toBe('notes');
    expect(notes.notes.map((n) => [n.number, n.paragraphs.map(words)])).toEqual([
      [1, ['SOSFS 2014:5 om dokumentation.', 'Gäller också LSS-verksamhet.']],
      [2, ['Beräknad på 2024 års priser, exklusive moms.']],
    ]);
    // The definitions are not printed a second time as body text.
    expect(doc.blocks.filter((b) => JSON.stringify(b).includes('exklusive moms'))).toHaveLength(1);
  });

  it('a reference without a definition is a fel at its line', () => {
    const { found, line, messages } = diagnosed('Text med fotnot.[^saknas]', 'footnote-missing', 'Text med');
    expect(found).toEqual([`fel ${line}:${1 + 'Text med fotnot.'.length}`]);
    expect(messages[0]).toContain('[^saknas]');
  });

  it('a definition never referenced is a varning at its line', () => {
    const markdown = 'Ingen hänvisning här.\n\n[^över]: Blev över.';
    const { read, found, line, messages } = diagnosed(markdown, 'footnote-unused', '[^över]:');
    expect(found).toEqual([`varning ${line}:1`]);
    expect(messages[0]).toContain('[^över]');
    expect(read.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
  });

  it('a list in a note is refused at its line, as its items would be lost', () => {
    const markdown = 'Text.[^1]\n\n[^1]: Gäller:\n\n    - hemtjänst\n    - boende';
    const { found, line } = diagnosed(markdown, 'markdown-unsupported', '- hemtjänst');
    expect(found).toEqual([`fel ${line}:5`]);
  });
});
