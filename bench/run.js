// Benchmarks of the pipeline stages on the example cases, using the compiled library in dist/.
// Run with `npm run bench`. Prints the median time per stage and the cold start of the CLI, then the
// side-by-side run against pandoc + LibreOffice (side-by-side.js; BENCH_N memos, BENCH_RUNS runs).
// BENCH_ONLY=steg or BENCH_ONLY=jamfor runs one of the two parts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderDocx } from '../dist/backends/docx/index.js';
import { renderPdf } from '../dist/backends/pdf/index.js';
import { readCase } from '../dist/case/read.js';
import { languageRuleIds } from '../dist/language/analyze.js';
import { loadProfile } from '../dist/profile/load.js';
import { renderDoc } from '../dist/render/index.js';
import { sideBySide } from './side-by-side.js';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

async function median(fn) {
  await fn(); // warm-up: fonts parsed, templates compiled
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const only = process.env.BENCH_ONLY;
if (only !== 'jamfor') await stages();
if (only !== 'steg')
  sideBySide({ n: Number(process.env.BENCH_N ?? 20), runs: Number(process.env.BENCH_RUNS ?? 3) });

async function stages() {
  const profile = loadProfile();
  // The same profile with the klarspråk rules off: their cost is the difference (issue 14 asks for a few ms).
  const withoutLanguage = { ...profile, rules: Object.fromEntries(languageRuleIds.map((id) => [id, 'av'])) };
  const rows = [];
  for (const file of readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = readFileSync(join(root, 'cases', file), 'utf8');
    const c = readCase(text, file, profile).case;
    const doc = renderDoc(c, profile);
    rows.push({
      ärende: file.slice(0, 28),
      'läs+kontrollera ms': (await median(() => readCase(text, file, profile))).toFixed(2),
      'utan klarspråk ms': (await median(() => readCase(text, file, withoutLanguage))).toFixed(2),
      'mall→modell ms': (await median(() => renderDoc(c, profile))).toFixed(2),
      'PDF ms': (await median(() => renderPdf(doc))).toFixed(1),
      'DOCX ms': (await median(() => renderDocx(doc))).toFixed(1),
    });
  }
  console.table(rows);

  const cli = join(root, 'dist/cli/main.js');
  const cold = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [cli, 'kontrollera', join(root, 'cases')], { stdio: 'ignore' });
    cold.push(performance.now() - start);
  }
  cold.sort((a, b) => a - b);
  console.log(`kallstart, skrivelse kontrollera cases/ (median av 5): ${cold[2].toFixed(0)} ms`);
}
