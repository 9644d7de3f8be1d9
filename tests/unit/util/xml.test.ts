/** The one XML escaper: anything it writes is well-formed for xmllint and reads back as the text sans forbidden characters. */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeXml, unescapeXml, xmlChars, xmlCharsIn } from '../../../src/util/xml.js';
import { hostileText } from '../../helpers/hostile.js';

const samples = [
  ...fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), { numRuns: 150, seed: 7 }),
  ...fc.sample(hostileText(30), { numRuns: 150, seed: 8 }),
  'a\u0007b ]]> <x> & "q" \'a\' \uFFFE\uFFFF \uD800 \uDFFF \uD83D\uDE00',
];

describe('escapeXml', () => {
  test('element and attribute values are well-formed for xmllint, all samples in one document', () => {
    const body = samples
      .map((s) => `<v a="${escapeXml(s)}" b='${escapeXml(s)}'>${escapeXml(s)}</v>`)
      .join('');
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: `<r>${body}</r>`, encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  test('unescapeXml reads back the text without the characters XML forbids', () => {
    for (const s of samples) expect(unescapeXml(escapeXml(s))).toBe(xmlChars(s));
  });

  test('xmlChars keeps tab, line breaks, surrogate pairs and C1 controls; drops the rest XML 1.0 forbids', () => {
    expect(xmlChars('a\tb\nc\rd\uD83D\uDE00\u0085')).toBe('a\tb\nc\rd\uD83D\uDE00\u0085');
    expect(xmlChars('\u0000\u0007\u000B\u001F\uFFFE\uFFFF\uD800x\uDC00')).toBe('x');
  });

  test('xmlCharsIn cleans every string of plain data and keeps the rest', () => {
    expect(xmlCharsIn({ a: ['x\u0007', { b: '\uFFFE' }], n: 1, u: undefined })).toEqual({
      a: ['x', { b: '' }],
      n: 1,
      u: undefined,
    });
  });
});
