/**
 * Several `skrivelse build` processes into one output folder, and one killed mid-batch: every output file
 * is complete, owned, and its PDF and DOCX come from the case the index names.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCases } from '../../src/build/index.js';
import { outputLockName as lockName, readOwners } from '../../src/build/ownership.js';
import { baseName, docxBodyText, markerWord, writeCase } from '../helpers/build-cases.js';
import { pdftotext } from '../helpers/pdf.js';
import { linkoping } from '../unit/case/helpers.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli/main.js');
const work = mkdtempSync(join(tmpdir(), 'skrivelse-concurrent-'));
const cases = join(work, 'cases');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Case marker → the bytes a build of that case alone writes, per output file name; rendered when first needed. */
const reference = new Map<string, Map<string, Buffer>>();

async function renderAlone(marker: string): Promise<Map<string, Buffer>> {
  const cached = reference.get(marker);
  if (cached) return cached;
  const [result] = await buildCases([join(cases, `${marker}.md`)], {
    profile: linkoping,
    formats: ['pdf', 'docx'],
    outDir: join(work, 'ref', marker),
  });
  const files = new Map(result!.written.map((p) => [basename(p), readFileSync(p)]));
  reference.set(marker, files);
  return files;
}

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function startBuild(markers: string[], outDir: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, 'build', ...markers.map((m) => `${m}.md`), '--ut', outDir], {
    cwd: cases,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const done = new Promise<Run>((ok) => child.on('close', (code) => ok({ code, out, err })));
  return { child, done };
}

/**
 * Every .pdf/.docx in `outDir` is named in the index, is byte for byte what its owner renders alone (so
 * complete and not another case's), and carries the owner's marker as read by pdftotext and from the DOCX.
 * Returns the owner marker per base name.
 */
async function checkFolder(outDir: string): Promise<Map<string, string>> {
  const owners = readOwners(outDir);
  const byBase = new Map<string, string>();
  for (const name of readdirSync(outDir).filter((f) => /\.(pdf|docx)$/.test(f))) {
    const owner = owners[name];
    expect(owner, `${name} has no owner`).toBeDefined();
    const marker = basename(owner!, '.md');
    const bytes = readFileSync(join(outDir, name));
    expect((await renderAlone(marker)).get(name)?.equals(bytes), `${name} is not ${marker}'s render`).toBe(
      true,
    );
    const text = name.endsWith('.pdf') ? pdftotext(join(outDir, name)) : await docxBodyText(bytes);
    expect(text).toContain(markerWord(marker));
    const base = name.replace(/\.(pdf|docx)$/, '');
    expect(byBase.get(base) ?? marker, `${base}: PDF and DOCX from different cases`).toBe(marker);
    byBase.set(base, marker);
  }
  return byBase;
}

describe('concurrent builds into one folder', () => {
  // X0–X5 all map to one name, Y0–Y2 to another; U0–U5 each to their own.
  const x = [0, 1, 2, 3, 4, 5].map((i) => `X${i}`);
  const y = [0, 1, 2].map((i) => `Y${i}`);
  const u = [0, 1, 2, 3, 4, 5].map((i) => `U${i}`);
  beforeAll(() => {
    mkdirSync(cases, { recursive: true });
    for (const m of x) writeCase(cases, m, 201);
    for (const m of y) writeCase(cases, m, 202);
    for (const [i, m] of u.entries()) writeCase(cases, m, 210 + i);
  });

  it('six processes never mix one case’s PDF with another’s DOCX, nor lose an ownership record', async () => {
    const out = join(work, 'shared');
    const batches = x.map((xi, i) => {
      const mine = [xi, u[i]!, ...(i < y.length ? [y[i]!] : [])];
      return i % 2 === 0 ? mine : mine.reverse();
    });
    const runs = await Promise.all(batches.map((b) => startBuild(b, out).done));
    for (const r of runs) {
      expect(r.err).toBe('');
      expect([0, 1]).toContain(r.code);
    }
    const byBase = await checkFolder(out);
    expect([...byBase.keys()].sort()).toEqual([201, 202, 210, 211, 212, 213, 214, 215].map(baseName));
    for (const [i, m] of u.entries()) expect(byBase.get(baseName(210 + i))).toBe(m);
    // Exactly the losers of each clash were told so; the winner wrote both files.
    for (const [group, number] of [
      [x, 201],
      [y, 202],
    ] as const) {
      const winner = byBase.get(baseName(number))!;
      for (const m of group) {
        const r = runs[Number(m.slice(1))]!;
        const refused = r.out.includes(`${m}.md: fel [output-conflict]`);
        expect(refused, `${m}: ${r.out}`).toBe(m !== winner);
      }
    }
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f === lockName)).toEqual([]);
  });

  it('a build killed with SIGKILL mid-batch leaves only complete, owned files, and a rebuild finishes', async () => {
    const out = join(work, 'killed');
    const { child, done } = startBuild(u, out);
    // Kill as soon as the first output file has appeared, so the kill lands inside the batch.
    const poll = setInterval(() => {
      if (!existsSync(out) || !readdirSync(out).some((f) => /\.(pdf|docx)$/.test(f))) return;
      clearInterval(poll);
      child.kill('SIGKILL');
    }, 2);
    const r = await done;
    clearInterval(poll);
    expect(r.code === null || r.code === 0, r.err).toBe(true);
    await checkFolder(out);
    // A lock left by the killed process turns stale once nobody refreshes it; age it rather than wait 10 s.
    if (existsSync(join(out, lockName))) {
      const old = new Date(Date.now() - 60_000);
      utimesSync(join(out, lockName), old, old);
    }
    const rebuilt = await startBuild(u, out).done;
    expect(rebuilt.code, rebuilt.out + rebuilt.err).toBe(0);
    expect((await checkFolder(out)).size).toBe(u.length);
  });
});
