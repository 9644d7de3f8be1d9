/** `mall:` is a template kind, never a path: build reports it like check and goes on with the other cases. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { loadTemplate } from '../../../src/render/template.js';
import { runCaptured } from '../../helpers/cli.js';

const valid = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-mall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mall: as a path', () => {
  it.each([
    '../../x',
    '.',
    '/etc',
    'a/b',
    '../templates/tjansteskrivelse',
  ])('build with "mall: %s" is a template-unknown fel, and the other case is still written', async (mall) => {
    writeFileSync(join(dir, 'a.md'), valid.replace('mall: tjänsteskrivelse', `mall: "${mall}"`));
    writeFileSync(join(dir, 'b.md'), valid.replace('dnr: SON 2020-281', 'dnr: SON 2020-282'));
    const out = join(dir, `ut-${readdirSync(dir).length}`);
    const r = await runCaptured(['build', 'a.md', 'b.md', '--ut', out, '--format', 'pdf'], { cwd: dir });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^a\.md:3:7: fel \[template-unknown\] Det finns ingen mall ".*"\.$/m);
    expect(r.out).toContain('tips: Tillgängliga mallar: tjänsteskrivelse, rapport.');
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([
      expect.stringMatching(/^SON-2020-282_/),
    ]);
  });

  it('loadTemplate refuses a path too (a UsageError, not a crash or a file outside templates/)', () => {
    for (const kind of ['../../x', '.', '../templates/tjansteskrivelse'])
      expect(() => loadTemplate(kind)).toThrow(UsageError);
    expect(loadTemplate('tjänsteskrivelse').settings.label).toBe('TJÄNSTESKRIVELSE');
  });

  it('new --mall with a path is refused with the list of kinds', async () => {
    const r = await runCaptured(['new', join(dir, 'ny.md'), '--mall', '../x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Tillgängliga mallar: tjänsteskrivelse, rapport.');
  });
});
