// Benchmark of `skrivelse sammanträde` on a large meeting: 20 ärenden (variants of an example memo), each with
// two bilagor (one tagged, rendered by the PDF backend; one untagged, made by pdf-lib), so 40 bilagor. Prints
// the wall time of the whole command (process start to the kallelse and the handlingar on disk), median of
// several runs, and the pack's pages. Run with `npm run bench:pack` (BENCH_ROUNDS, default 3).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderPdf } from '../dist/backends/pdf/index.js';
import { readCase } from '../dist/case/read.js';
import { loadProfile } from '../dist/profile/load.js';
import { renderDoc } from '../dist/render/index.js';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const items = 20;
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-bench-pack-'));
const source = readFileSync(join(root, 'cases/kfn-2025-41-oppettider-stadsbiblioteket.md'), 'utf8');

const profile = loadProfile();
const tagged = await renderPdf(renderDoc(readCase(source, 'bilaga.md', profile).case, profile));
const untagged = await PDFDocument.create();
const font = await untagged.embedFont(StandardFonts.Helvetica);
for (let p = 0; p < 2; p++)
  untagged.addPage().drawText(`Inskannad bilaga, sida ${p + 1}`, { x: 72, y: 760, font });
const untaggedBytes = await untagged.save();

let agenda = '';
for (let i = 1; i <= items; i++) {
  const memo = source
    .replace('dnr: KFN 2025-41', `dnr: KFN 2025-${100 + i}`)
    .replace(/^rubrik: (.*)$/m, `rubrik: $1 (del ${i})`);
  writeFileSync(join(dir, `arende-${i}.md`), memo);
  writeFileSync(join(dir, `bilaga-${i}-a.pdf`), tagged);
  writeFileSync(join(dir, `bilaga-${i}-b.pdf`), untaggedBytes);
  agenda += `  - ärende: arende-${i}.md\n    bilagor: [bilaga-${i}-a.pdf, bilaga-${i}-b.pdf]\n`;
}
writeFileSync(
  join(dir, 'möte.yaml'),
  `nämnd: Kultur- och fritidsnämnden\ndatum: 2025-04-10\ntid: "18.00"\nplats: Stadshuset\nordförande: Karin Lindqvist\nsekreterare: Jonas Ek\närenden:\n${agenda}`,
);

const times = [];
for (let r = 0; r < rounds; r++) {
  const out = join(dir, `ut-${r}`);
  const start = performance.now();
  execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), 'sammanträde', 'möte.yaml', '--ut', out], {
    cwd: dir,
    stdio: 'ignore',
  });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const packFile = join(dir, 'ut-0', 'kultur-och-fritidsnamnden_2025-04-10_handlingar.pdf');
const pages = (await PDFDocument.load(readFileSync(packFile))).getPageCount();
console.log(
  `sammanträde med ${items} ärenden och ${2 * items} bilagor (${pages} sidor i handlingarna): ` +
    `median ${Math.round(times[Math.floor(times.length / 2)])} ms, ` +
    `${Math.round(times[0])}–${Math.round(times.at(-1))} ms över ${rounds} körningar`,
);
rmSync(dir, { recursive: true, force: true });
