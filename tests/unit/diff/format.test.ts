import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../../src/diff/format-html.js';
import { formatJson } from '../../../src/diff/format-json.js';
import { formatText } from '../../../src/diff/format-text.js';
import { diffCases } from '../../../src/diff/index.js';
import { copyCase, makeCase, section } from '../../fixtures/diff/builder.js';

const before = makeCase();
before.decisions.push({ board: 'Bildningsnämnden', points: [{ text: 'Bildningsnämnden godkänner.' }] });
const after = copyCase(before);
after.decisions.pop();
after.sections[1] = section(
  'Bakgrund och syfte',
  'Under 2023 har en försöksverksamhet pågått på två skolor.',
);
after.sections.splice(2, 1);
after.sections.push(section('Risker', 'Nya <risker> & "problem".'));
const diff = diffCases(before, after, { old: 'v1.md', new: 'v2 <ny>.md' });

describe('terminal text', () => {
  const text = formatText(diff, { colour: false });

  it('lists removed nämnder, renamed, removed and new sections with their text', () => {
    expect(text).toContain(
      '  Bildningsnämnden (nämnden borttagen)\n    1. (borttagen) [-Bildningsnämnden godkänner.-]',
    );
    expect(text).toContain('  Bakgrund och syfte (tidigare rubrik "Bakgrund")');
    expect(text).toContain(
      '  Ekonomiska konsekvenser (avsnittet borttaget)\n    - [-Medlen ryms i nämndens budgetram.-]',
    );
    expect(text).toContain('  Risker (nytt avsnitt)\n    + {+Nya <risker> & "problem".+}');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 ändring i förslag till beslut, 3 i löptext.');
  });

  it('shortens long unchanged stretches but never changed words', () => {
    const long = Array.from({ length: 60 }, (_, i) => `ord${i}`).join(' ');
    const a = makeCase({ sections: [section('Ärende', `${long} slut.`)] });
    const b = makeCase({ sections: [section('Ärende', `${long} avslutning.`)] });
    const out = formatText(diffCases(a, b), { colour: false });
    expect(out).toContain('…');
    expect(out).toContain('[-slut-] {+avslutning+}.');
    expect(out).not.toContain('ord20 ');
  });
});

describe('HTML page', () => {
  const html = formatHtml(diff);

  it('escapes labels and text, and uses neuter words for paragraphs', () => {
    expect(html).toContain('v2 &lt;ny&gt;.md');
    expect(html).toContain('Nya &lt;risker&gt; &amp; &quot;problem&quot;.');
    expect(html).not.toContain('<risker>');
    expect(html).toContain('>nytt stycke<');
    expect(html).toContain('>borttaget stycke<');
    expect(html).toContain('>nämnden borttagen<');
  });
});

describe('terminal safety', () => {
  const a = makeCase();
  const b = makeCase({ title: 'Rubrik \u001b]0;kapad\u0007 \u001b[2J \u009b1m \u202eslut' });

  it('never passes control characters from a case to the terminal: they are shown escaped', () => {
    const out = formatText(diffCases(a, b), { colour: true });
    expect(out).not.toMatch(/\u001b[\]]|\u001b\[2J|[\u0007\u009b\u202e]/);
    expect(out).toContain('\\x1b]0;kapad\\x07 \\x1b[2J \\x9b1m \\u202eslut');
  });

  it('JSON keeps the exact text but writes C1 and bidi characters as \\u escapes', () => {
    const json = formatJson(diffCases(a, b));
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(json).toContain('\\u009b1m \\u202eslut');
    expect(JSON.stringify(JSON.parse(json))).toContain('\u009b1m \u202eslut');
  });

  it('HTML shows them as visible escapes too', () => {
    const html = formatHtml(diffCases(a, b));
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('\\u202eslut');
  });
});
