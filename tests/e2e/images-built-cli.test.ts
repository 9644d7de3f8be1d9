/**
 * Images through the built CLI in a real Node process: the module interop of the PNG decoder differs
 * between Node's ESM loader and vitest's, so only a spawned `dist/cli/main.js` shows that PNG works.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../helpers/pdf.js';
import { runCli } from '../helpers/processes.js';

const root = resolve(import.meta.dirname, '../..');

it('a memo with a PNG (RGB, palette, grey with alpha) and a JPEG builds to PDF and DOCX with every image', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-images-'));
  const images = ['pdf-rgb.png', 'pdf-palette.png', 'pdf-gray-alpha.png', 'pdf-photo.jpg'];
  for (const name of images) copyFileSync(join(root, 'tests/fixtures/images', name), join(dir, name));
  const memo = readFileSync(join(root, 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md'), 'utf8').replace(
    '## Bakgrund\n',
    `## Bakgrund\n\n${images.map((name, i) => `![Bild ${i + 1} i bakgrunden](${name})`).join('\n\n')}\n`,
  );
  writeFileSync(join(dir, 'bilder.md'), memo);
  const r = await runCli(['skapa', 'bilder.md', '--ut', 'ut'], dir);
  expect(r.code, r.out + r.err).toBe(0);
  const pdf = join(dir, 'ut', 'KFN-2025-41_utokade-oppettider-pa-stadsbiblioteket-med.pdf');
  const listed = run('pdfimages', ['-list', pdf])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(listed).toHaveLength(images.length);
  expect(run('unzip', ['-l', pdf.replace(/\.pdf$/, '.docx')]).match(/word\/media\//g)).toHaveLength(
    images.length,
  );
});
