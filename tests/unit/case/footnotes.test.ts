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
const caseWith = (markdown: string) =>
  readCase(source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`), 'prov.md', linkoping);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

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
    const markdown = 'Text med fotnot.[^saknas]';
    const read = caseWith(markdown);
    const found = read.diagnostics.filter((d) => d.rule === 'footnote-missing');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('fel');
    expect(found[0]!.message).toContain('[^saknas]');
    const text = source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`);
    expect(found[0]!.position).toEqual({
      line: lineOf(text, 'Text med fotnot.'),
      column: 1 + 'Text med fotnot.'.length,
    });
  });

  it('a definition never referenced is a varning at its line', () => {
    const markdown = 'Ingen hänvisning här.\n\n[^över]: Blev över.';
    const read = caseWith(markdown);
    const found = read.diagnostics.filter((d) => d.rule === 'footnote-unused');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('varning');
    expect(found[0]!.hint).toContain('[^över]');
    const text = source.replace(/^## Ärende\n/m, `## Ärende\n\n${markdown}\n`);
    expect(found[0]!.position).toEqual({ line: lineOf(text, '[^över]:'), column: 1 });
    expect(read.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
  });
});
