/**
 * buildCases with worker threads (src/build/pool.ts): the same files, bytes, results and onWritten order
 * with one thread and with several, for a batch of the example cases plus variants, one invalid case and one
 * whose file cannot be read. The workers run tsc's compiled worker (dist/build), which `npm run build` writes.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildCases } from '../../../src/build/index.js';
import { workerCount } from '../../../src/build/pool.js';
import { writeCase } from '../../helpers/build-cases.js';
import { linkoping } from '../case/helpers.js';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'skrivelse-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function batch(): string[] {
  const dir = join(work, 'cases');
  mkdirSync(dir, { recursive: true });
  const examples = readdirSync(join(root, 'cases'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      copyFileSync(join(root, 'cases', f), join(dir, f));
      return join(dir, f);
    });
  const variants = [201, 202, 203, 204].map((n) => writeCase(dir, `V${n}`, n));
  const invalid = join(dir, 'ogiltig.md');
  writeFileSync(invalid, '---\nmall: tjänsteskrivelse\n---\n\nIngen rubrik.\n');
  return [...examples.slice(0, 2), invalid, ...variants, join(dir, 'saknas.md'), ...examples.slice(2)];
}

async function build(files: string[], workers: number, out: string) {
  const written: string[] = [];
  const results = await buildCases(files, {
    profile: linkoping,
    formats: ['pdf', 'docx'],
    outDir: out,
    workers,
    onWritten: (path) => written.push(path.slice(out.length)),
  });
  const relative = (r: BuildResult) => ({ ...r, written: r.written.map((p) => p.slice(out.length)) });
  const bytes = Object.fromEntries(
    readdirSync(out)
      .sort()
      .map((name) => [name, readFileSync(join(out, name))]),
  );
  return { results: results.map(relative), written, bytes };
}

describe('buildCases with worker threads', () => {
  it('writes the same bytes, in the same order, with one thread and with three', async () => {
    expect(existsSync(join(root, 'dist/build/build-worker.js')), 'kör npm run build').toBe(true);
    const files = batch();
    const options = { profile: linkoping, formats: ['pdf', 'docx'] as const, outDir: work };
    expect(workerCount(files.length, { ...options, workers: 3 })).toBe(3);
    // A batch is rendered in this thread unless workers are asked for.
    expect(workerCount(files.length, options)).toBe(1);
    const one = await build(files, 1, join(work, 'one'));
    const three = await build(files, 3, join(work, 'three'));
    expect(Object.keys(one.bytes).filter((n) => /\.(pdf|docx)$/.test(n))).toHaveLength(2 * 9);
    expect(three.written).toEqual(one.written);
    expect(three.results).toEqual(one.results);
    expect(Object.keys(three.bytes)).toEqual(Object.keys(one.bytes));
    for (const [name, data] of Object.entries(one.bytes)) {
      // The ownership index names the output folder's cases, not the folder: equal too.
      expect(Buffer.compare(three.bytes[name]!, data), name).toBe(0);
    }
    expect(one.results.find((r) => r.file.endsWith('ogiltig.md'))!.written).toEqual([]);
  }, 240_000);
});
