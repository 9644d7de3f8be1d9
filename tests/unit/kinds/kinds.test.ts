/**
 * Document kinds (src/kinds): each kind's keys, rules and skeleton through readCase and the CLI; the
 * rapport needs none of the tjänsteskrivelse's sections and prints none of them; the diff compares every
 * front-matter key of every kind.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCase, readCaseFile } from '../../../src/case/read.js';
import { fieldSchemas } from '../../../src/case/schema.js';
import { diffCases } from '../../../src/diff/index.js';
import { comparedKeys } from '../../../src/diff/metadata.js';
import type { Block, Inline } from '../../../src/doc/model.js';
import { kinds } from '../../../src/kinds/index.js';
import { renderDoc } from '../../../src/render/index.js';
import { rules } from '../../../src/validate/index.js';
import { runCaptured } from '../../helpers/cli.js';
import { brief, linkoping } from '../case/helpers.js';

const rapportFile = 'cases/kfn-2026-12-rapport-meroppet-forsta-aret.md';
const rapportSource = readFileSync(rapportFile, 'utf8');
const text = (inlines: Inline[]) => inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'heading' ? [text(b.inlines)] : []));

describe('the rapport', () => {
  it('passes check without a decision, MBL, Ärende or consequence sections', () => {
    const read = readCaseFile(rapportFile, linkoping);
    expect(brief(read.diagnostics, ['fel', 'varning', 'info'])).toEqual([]);
    expect(read.case).toMatchObject({ kind: 'rapport', decisions: [], mbl: [], toc: true, officer: null });
    expect(read.case!.authors.map((a) => a.name)).toEqual(['Sofia Berg', 'Ahmed Karimi', 'Lena Holm']);
  });

  it('prints none of the memo’s sections, its chapters in the order written, a TOC and the signature under Inledning', () => {
    const c = readCaseFile(rapportFile, linkoping).case!;
    const doc = renderDoc(c, linkoping);
    expect(doc.furniture.label).toBe('RAPPORT');
    expect(doc.furniture.senderLines).toEqual([
      'Kultur- och fritidsförvaltningen',
      'Sofia Berg, bibliotekschef',
      'Ahmed Karimi, säkerhetssamordnare',
      'Lena Holm, verksamhetsutvecklare',
    ]);
    const h = headings(doc.blocks);
    expect(h.filter((x) => /Förslag till|Ärende|medbestämmande|konsekvenser/i.test(x))).toEqual([]);
    expect(
      h.filter((_, i) => doc.blocks.filter((b) => b.type === 'heading')[i]!.type === 'heading').slice(0, 3),
    ).toEqual(['Inledning', 'Sammanfattning', 'Bakgrund']);
    const types = doc.blocks.map((b) => b.type);
    expect(types.indexOf('toc')).toBe(1);
    // The convener's signature right after the introduction, before the next chapter.
    const signature = types.indexOf('signatures');
    expect(doc.blocks[signature + 1]).toMatchObject({
      type: 'heading',
      inlines: [{ text: 'Sammanfattning' }],
    });
    expect(JSON.stringify(doc.blocks)).not.toContain('Beslutet skickas till');
  });

  it('refuses the memo’s keys, and a signature under a section that does not exist', () => {
    const withMbl = rapportSource.replace('rubrik:', 'mbl:\n  typ: information\nrubrik:');
    expect(brief(readCase(withMbl, 'r.md', linkoping).diagnostics)).toContain('unknown-key@14:1');
    const wrongSection = rapportSource.replace('efter: Inledning', 'efter: Förord');
    const found = readCase(wrongSection, 'r.md', linkoping).diagnostics.filter(
      (d) => d.rule === 'signature-section',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'fel', position: { line: 16 } });
  });

  it('still needs its own keys: författare and rubrik', () => {
    const without = rapportSource.replace(/författare:\n(?: {2}.*\n)+/, '');
    expect(brief(readCase(without, 'r.md', linkoping).diagnostics)).toContain('field-missing@2:1');
  });

  it('can do without a table of contents, a date and a Dnr', () => {
    const bare = rapportSource
      .replace('datum: 2026-09-15\n', '')
      .replace('dnr: KFN 2026-12\n', '')
      .replace('rubrik:', 'innehållsförteckning: false\nrubrik:');
    const read = readCase(bare, 'r.md', linkoping);
    expect(brief(read.diagnostics)).toEqual([]);
    const doc = renderDoc(read.case!, linkoping);
    expect(doc.blocks.some((b) => b.type === 'toc')).toBe(false);
    expect(doc.furniture.dnrLines).toEqual([]);
  });

  it('diffs like a memo: a changed author and a new chapter are reported', () => {
    const a = readCaseFile(rapportFile, linkoping).case!;
    const changed = rapportSource
      .replace('titel: verksamhetsutvecklare', 'titel: utredare')
      .replace('## Fortsatt uppföljning', '## Bilagor\n\nInga.\n\n## Fortsatt uppföljning');
    const b = readCase(changed, rapportFile, linkoping).case!;
    const result = diffCases(a, b, { old: 'a', new: 'b' });
    expect(JSON.stringify(result)).toContain('utredare');
    expect(JSON.stringify(result)).toContain('Bilagor');
  });
});

describe('every kind', () => {
  it('names only rules that exist, and only keys the field library has', () => {
    for (const kind of kinds) {
      for (const id of Object.keys(kind.rules))
        expect(Object.keys(rules), `${kind.name}: ${id}`).toContain(id);
      for (const key of Object.keys(kind.keys))
        expect(Object.keys(fieldSchemas), `${kind.name}: ${key}`).toContain(key);
    }
  });

  it('the diff compares every front-matter key there is', () => {
    expect([...comparedKeys].sort()).toEqual(Object.keys(fieldSchemas).sort());
  });

  it.each(
    kinds.map((k) => [k.name]),
  )('skrivelse ny --mall %s writes a skeleton that only lacks what FYLL I marks', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-kind-'));
    const made = await runCaptured(['ny', 'ny.md', '--mall', name], { cwd: dir });
    expect(made.code, made.out + made.err).toBe(0);
    const read = readCaseFile(join(dir, 'ny.md'), linkoping);
    const errors = read.diagnostics.filter((d) => d.severity === 'fel');
    expect(errors.length).toBeGreaterThan(0);
    // Nothing but the placeholders to fill in (and the date when SOURCE_DATE_EPOCH is unset).
    expect(
      [...new Set(errors.map((d) => d.rule))].filter((r) => !['placeholder', 'date-invalid'].includes(r)),
    ).toEqual([]);
    expect(readFileSync(join(dir, 'ny.md'), 'utf8')).toContain(`mall: ${name}`);
  });

  it('ny --help lists every kind', async () => {
    const help = await runCaptured(['ny', '--help']);
    for (const k of kinds) expect(help.out).toContain(k.name);
  });
});
