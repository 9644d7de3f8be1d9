/**
 * Same Doc → same bytes, also in a fresh process with another time zone and locale. The child is this same
 * file run by vitest with SKRIVELSE_PDF_CHILD_OUT set: it then only writes its rendering there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderPdf } from '../../../src/backends/pdf/index.js';
import { seed001Doc } from '../../fixtures/doc/seed001-doc.js';

const childOut = process.env.SKRIVELSE_PDF_CHILD_OUT;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.runIf(childOut)('child rendering', () => {
  test('writes the seed-001 PDF', async () => {
    writeFileSync(childOut!, await renderPdf(seed001Doc()));
  });
});

describe.skipIf(childOut)('determinism', () => {
  test('twice in one process', async () => {
    expect(sha(await renderPdf(seed001Doc()))).toBe(sha(await renderPdf(seed001Doc())));
  });

  test('in a child process with TZ=Pacific/Auckland and LANG=C', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'skrivelse-pdf-child-')), 'child.pdf');
    const child = spawnSync('npx', ['vitest', 'run', 'tests/unit/pdf/determinism.test.ts'], {
      env: { ...process.env, SKRIVELSE_PDF_CHILD_OUT: out, TZ: 'Pacific/Auckland', LANG: 'C', LC_ALL: 'C' },
      encoding: 'utf8',
    });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(sha(readFileSync(out))).toBe(sha(await renderPdf(seed001Doc())));
  });

  test('the document ID is derived from the content', async () => {
    const a = Buffer.from(await renderPdf(seed001Doc())).toString('latin1');
    const changed = seed001Doc();
    changed.meta.author = 'Någon Annan';
    const b = Buffer.from(await renderPdf(changed)).toString('latin1');
    const id = (s: string) => /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(s)?.[1];
    expect(id(a)).toBeDefined();
    expect(id(b)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });
});
