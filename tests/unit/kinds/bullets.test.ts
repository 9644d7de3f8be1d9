/** The kommun's list bullets (profile `punkter:`): drawn by the PDF, numbered by the DOCX, checked at load. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/backends/docx/index.js';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { readCaseFile } from '../../../src/case/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { renderDoc } from '../../../src/render/index.js';
import { pdftotext, tempPdf } from '../../helpers/pdf.js';

const base = readFileSync('templates/profiler/linkoping.yaml', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-punkter-'));

function profileWith(line: string) {
  const file = join(dir, `profil-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `${base}\n${line}\n`);
  return file;
}

describe('list bullets from the profile', () => {
  it('are the bullets of every format', async () => {
    const profile = loadProfile(profileWith('punkter: ["–", "•"]'));
    const c = readCaseFile('cases/kfn-2025-41-oppettider-stadsbiblioteket.md', profile).case!;
    const doc = renderDoc(c, profile);
    expect(doc.bullets).toEqual(['–', '•']);
    const text = pdftotext(tempPdf(await renderPdf(doc), 'punkter'), undefined, { layout: true });
    expect(text).toMatch(/–\s+besöken har ökat/);
    const docx = join(dir, 'punkter.docx');
    writeFileSync(docx, await renderDocx(doc));
    const numbering = execFileSync('unzip', ['-p', docx, 'word/numbering.xml'], { encoding: 'utf8' });
    expect(numbering).toContain('<w:lvlText w:val="–"/>');
  });

  it('a bullet the typeface cannot draw, or more than one character, is a profile error', () => {
    expect(() => loadProfile(profileWith('punkter: ["\u{1F600}"]'))).toThrow(/punkter/);
    expect(() => loadProfile(profileWith('punkter: ["->"]'))).toThrow(/punkter/);
  });
});
