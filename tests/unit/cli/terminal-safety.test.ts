/**
 * Hostile text never drives the terminal: ESC, CSI, BEL, CR, C1 controls and bidi overrides from case
 * text, YAML keys, file names and arguments reach the output escaped, in every format and command.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  escapeControls,
  escapeControlsKeepingColour,
  escapeJsonControls,
} from '../../../src/util/control-chars.js';
import { runCaptured } from '../../helpers/cli.js';

const valid = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-esc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Unsafe characters left after removing the tool's own colour codes (only when colour is on). */
function rawControls(text: string, colour = false): string | undefined {
  const rest = colour ? text.replace(/\u001b\[[0-9;]*m/g, '') : text;
  return unsafe.exec(rest)?.[0];
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const hostileTitle = valid.replace(
  /^rubrik: >-\n( {2}.*\n)+/m,
  'rubrik: "\\e[31mX\\e]0;kapad\\a\\u202e\\x9b2J"\n',
);
const hostileKey = valid.replace(/^rubrik: /m, '"nyckel\\e[2J\\u202e": 1\nrubrik: ');
const escName = 'ärende\u001b[2J\u202e.md';

describe('escapeControls', () => {
  it('shows every control and bidi character as a visible escape, and keeps tab and newline', () => {
    expect(
      escapeControls('a\u001b[31mb\u0007c\rd\u0085e\u009bf\u202ag\u202eh\u2066i\u2069j\u007fk\tl\nm'),
    ).toBe('a\\x1b[31mb\\x07c\\x0dd\\x85e\\x9bf\\u202ag\\u202eh\\u2066i\\u2069j\\x7fk\tl\nm');
    expect(escapeControls('rad\nrad', { newlines: true })).toBe('rad\\x0arad');
    expect(escapeControls('Åtgärd – “citat” ✓')).toBe('Åtgärd – “citat” ✓');
  });

  it('keeps SGR colour codes only in the keeping variant, and nothing else', () => {
    expect(escapeControlsKeepingColour('\u001b[31mfel\u001b[0m \u001b]0;x\u0007 \u001b[2J')).toBe(
      '\u001b[31mfel\u001b[0m \\x1b]0;x\\x07 \\x1b[2J',
    );
  });

  it('JSON escaping is lossless', () => {
    const value = { s: 'a\u009bb\u202ec\u2067d\u007f' };
    const json = escapeJsonControls(JSON.stringify(value));
    expect(rawControls(json)).toBeUndefined();
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('through the CLI', () => {
  const hostile = [
    ['a title with ESC/OSC/bidi/C1', write('rubrik.md', hostileTitle)],
    ['a YAML key with ESC', write('nyckel.md', hostileKey)],
    ['a file name with ESC and U+202E', write(escName, hostileKey)],
  ] as const;

  it.each(hostile)('check, text and JSON, with and without colour: %s', async (_what, file) => {
    for (const colorOut of [false, true]) {
      const text = await runCaptured(['check', file], { cwd: dir, colorOut });
      expect(rawControls(text.out + text.err, colorOut)).toBeUndefined();
      const json = await runCaptured(['check', '--format', 'json', file], { cwd: dir, colorOut });
      expect(rawControls(json.out + json.err)).toBeUndefined();
      JSON.parse(json.out);
    }
  });

  it('the YAML key and the file name are shown escaped, not dropped', async () => {
    const r = await runCaptured(['check', escName], { cwd: dir });
    expect(r.out).toContain('ärende\\x1b[2J\\u202e.md:');
    expect(r.out).toContain('nyckel\\x1b[2J\\u202e');
    const json = JSON.parse((await runCaptured(['check', '--format', 'json', escName], { cwd: dir })).out);
    expect(json.diagnostics[0].file).toBe(escName);
  });

  it.each(['text', 'json', 'html'])('diff --format %s of a hostile title, with colour', async (format) => {
    write('gammal.md', valid);
    const r = await runCaptured(['diff', '--format', format, 'gammal.md', 'rubrik.md'], {
      cwd: dir,
      colorOut: true,
    });
    // A title with control characters is a control-char fel since YAML escapes are checked, so diff
    // refuses the case; the refusal must still show the hostile text only escaped.
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('control-char');
    expect(rawControls(r.out + r.err, true)).toBeUndefined();
  });

  it('usage errors and "skrev" lines escape paths and arguments', async () => {
    for (const args of [
      ['check', 'saknas\u001b]0;x\u0007.md'],
      ['granska\u001b[2J'],
      ['check', '--format', 'x\u202e', 'rubrik.md'],
    ]) {
      const r = await runCaptured(args, { cwd: dir, colorOut: true });
      expect(r.code).toBe(2);
      expect(rawControls(r.out + r.err)).toBeUndefined();
      expect(r.err).toMatch(/\\x1b|\\u202e/);
    }
    const out = join(dir, 'ut\u001b[31m');
    mkdirSync(out, { recursive: true });
    const r = await runCaptured(['build', write('giltig.md', valid), '--ut', 'ut\u001b[31m'], {
      cwd: dir,
      colorOut: true,
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('skrev ut\\x1b[31m/');
    expect(rawControls(r.out + r.err, true)).toBeUndefined();
    // Nothing coloured the "skrev" line: the user's SGR is text, even with colour on.
    expect(r.out).not.toContain('\u001b[31m');
  });
});
