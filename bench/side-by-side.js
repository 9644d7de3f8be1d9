// Side by side: the same N memos built by skrivelse (DOCX + PDF, one CLI process for the batch) and by the
// route one would script instead, pandoc (md → docx, one process per memo) plus LibreOffice (docx → pdf, one
// soffice call for the whole batch). Also one memo cold, process start to files on disk, both ways. Each run
// measures both in turn, so the ratios compare figures taken under the same load; several runs give the
// median and the range. Without pandoc or soffice the anchor is skipped with a note.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeMemos } from './memos.js';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/main.js');
const rssPreload = join(root, 'bench/peak-rss.cjs');

function which(program) {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** GNU time, for the peak RSS of programs that are not Node (pandoc, soffice). */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function run(command, args, options = {}) {
  const rssFile = options.rssFile;
  const [cmd, argv] =
    options.measureRss && gnuTime
      ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]]
      : [command, args];
  const start = performance.now();
  const result = spawnSync(cmd, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: options.env,
  });
  const ms = performance.now() - start;
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(
      `${command} ${args.join(' ')} gav slutkod ${result.status}: ${result.stderr.slice(-2000)}`,
    );
  }
  let rssKiB;
  let cpuMs;
  if (rssFile && existsSync(rssFile)) {
    const [rss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssKiB = rss;
    cpuMs = (user + system) * 1000;
    rmSync(rssFile);
  }
  return { ms, rssKiB, cpuMs, status: result.status };
}

/** skrivelse skapa <inputs> --ut <out>, with its peak RSS from the preload. */
function skrivelse(inputs, outDir, work) {
  const rssFile = join(work, 'rss-skrivelse');
  const env = { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
  // Exit code 1 is a case with warnings-as-errors; the files are checked below instead.
  const r = run(process.execPath, ['--require', rssPreload, cli, 'skapa', ...inputs, '--ut', outDir], {
    env,
    rssFile,
    allowFailure: true,
  });
  return r;
}

function countFiles(dir, ext) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).length : 0;
}

/** pandoc for each memo (as a script would loop), then one soffice call for all the DOCX files. */
function anchor(tools, memos, outDir, work, profileDir) {
  mkdirSync(outDir, { recursive: true });
  let rss = 0;
  let cpu = 0;
  const start = performance.now();
  for (const memo of memos) {
    const out = join(outDir, `${basename(memo.anchorPath, '.md')}.docx`);
    const r = run(tools.pandoc, ['-f', 'markdown', '-t', 'docx', '-o', out, memo.anchorPath], {
      measureRss: true,
      rssFile: join(work, 'rss-pandoc'),
    });
    rss = Math.max(rss, r.rssKiB ?? 0);
    cpu += r.cpuMs ?? 0;
  }
  const docx = readdirSync(outDir)
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => join(outDir, f));
  const r = run(tools.soffice, sofficeArgs(profileDir, outDir, docx), {
    measureRss: true,
    rssFile: join(work, 'rss-soffice'),
  });
  rss = Math.max(rss, r.rssKiB ?? 0);
  cpu += r.cpuMs ?? 0;
  const ms = performance.now() - start;
  return gnuTime ? { ms, rssKiB: rss, cpuMs: cpu } : { ms };
}

/** A profile of its own: another soffice of the same user would otherwise take the call over. */
function sofficeArgs(profileDir, outDir, files) {
  return [
    `-env:UserInstallation=file://${profileDir}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    ...files,
  ];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs, d) => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;

export function sideBySide({ n = 20, runs = 3 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'skrivelse-bench-'));
  try {
    const memos = writeMemos(work, n);
    // One memo cold: seed 001's (the example case transcribed from it), as in issue 16.
    const coldMemo = memos.find((m) => m.casePath.includes('son-2020-281')) ?? memos[0];
    const tools = { pandoc: which('pandoc'), soffice: which('soffice') ?? which('libreoffice') };
    // BENCH_ANKARE=0: skrivelse alone (a long batch for its peak RSS, say).
    const anchorOff = process.env.BENCH_ANKARE === '0';
    const haveAnchor = !anchorOff && tools.pandoc && tools.soffice;
    const profileDir = join(work, 'lo-profile');
    if (haveAnchor) {
      // The first soffice start creates its profile (several seconds): done once, before the timed runs.
      const warm = join(work, 'warm');
      mkdirSync(warm);
      run(tools.pandoc, ['-o', join(warm, 'w.docx'), memos[0].anchorPath]);
      run(tools.soffice, sofficeArgs(profileDir, warm, [join(warm, 'w.docx')]));
    }
    const figures = [];
    for (let i = 0; i < runs; i++) {
      const out = (name) => join(work, `run${i}-${name}`);
      const f = {};
      const batch = skrivelse([join(work, 'cases')], out('batch'), work);
      const written = countFiles(out('batch'), '.pdf') + countFiles(out('batch'), '.docx');
      if (written !== 2 * n) throw new Error(`skrivelse skrev ${written} filer av ${2 * n}`);
      f.batch = batch.ms / n;
      f.batchCpu = batch.cpuMs / n;
      f.batchRss = batch.rssKiB / 1024;
      const cold = skrivelse([coldMemo.casePath], out('cold'), work);
      if (countFiles(out('cold'), '.pdf') !== 1 || countFiles(out('cold'), '.docx') !== 1)
        throw new Error('skrivelse skrev inte PDF och DOCX för ett ärende');
      f.cold = cold.ms;
      f.coldCpu = cold.cpuMs;
      if (haveAnchor) {
        const a = anchor(tools, memos, out('anchor-batch'), work, profileDir);
        if (countFiles(out('anchor-batch'), '.pdf') !== n)
          throw new Error('LibreOffice skrev inte alla PDF-filer');
        f.anchorBatch = a.ms / n;
        f.anchorCpu = a.cpuMs === undefined ? undefined : a.cpuMs / n;
        f.anchorRss = a.rssKiB === undefined ? undefined : a.rssKiB / 1024;
        const c = anchor(tools, [coldMemo], out('anchor-cold'), work, profileDir);
        f.anchorCold = c.ms;
        f.anchorColdCpu = c.cpuMs;
      }
      rmSync(out('batch'), { recursive: true, force: true });
      figures.push(f);
      process.stderr.write(`körning ${i + 1} av ${runs} klar\n`);
    }
    report(figures, n, haveAnchor, anchorOff ? { pandoc: 'av', soffice: 'av' } : tools);
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report(figures, n, haveAnchor, tools) {
  const col = (key) => figures.map((f) => f[key]);
  console.log(`\nSida vid sida: ${n} skrivelser, ${figures.length} körningar (median, spann inom parentes)`);
  const rows = [
    ['batch, ms per skrivelse (DOCX+PDF)', 'batch', 'anchorBatch', 1],
    ['batch, CPU-ms per skrivelse (user+sys)', 'batchCpu', 'anchorCpu', 1],
    ['en skrivelse kallt, ms (start till filer)', 'cold', 'anchorCold', 0],
    ['en skrivelse kallt, CPU-ms (user+sys)', 'coldCpu', 'anchorColdCpu', 0],
    ['högsta RSS i batchen, MB', 'batchRss', 'anchorRss', 0],
  ];
  const table = {};
  for (const [label, ours, theirs, d] of rows) {
    const o = col(ours);
    const row = { skrivelse: `${median(o).toFixed(d)} (${range(o, d)})` };
    if (haveAnchor && col(theirs).every((x) => x !== undefined)) {
      const t = col(theirs);
      const ratios = figures.map((f) => f[theirs] / f[ours]);
      row['pandoc + LibreOffice'] = `${median(t).toFixed(d)} (${range(t, d)})`;
      row['kvot (ankare / skrivelse)'] = `${median(ratios).toFixed(2)}× (${range(ratios, 2)})`;
    }
    table[label] = row;
  }
  console.table(table);
  if (!haveAnchor && tools.pandoc === 'av') {
    console.log('Jämförelsen med pandoc + LibreOffice är avstängd (BENCH_ANKARE=0).');
  } else if (!haveAnchor) {
    const missing = [!tools.pandoc && 'pandoc', !tools.soffice && 'soffice (LibreOffice)'].filter(Boolean);
    console.log(
      `Jämförelsen med pandoc + LibreOffice hoppades över: ${missing.join(' och ')} finns inte installerat. ` +
        'Installera dem (till exempel apt-get install pandoc libreoffice-writer) för att få kvoterna.',
    );
  } else if (!gnuTime) {
    console.log('Högsta RSS för pandoc och soffice mäts med /usr/bin/time, som saknas här.');
  }
  console.log(
    'Ankarets RSS är den största enskilda processens (pandoc eller soffice); skrivelse kör allt i en process. ' +
      'CPU-tiden påverkas mindre än väggklockan av andra som kör på maskinen samtidigt.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  sideBySide({ n: Number(process.env.BENCH_N ?? 20), runs: Number(process.env.BENCH_RUNS ?? 3) });
}
