/**
 * `arkivera` runs the preflight on the archival PDF in memory and stores nothing when it fails. The
 * pipeline writes conforming PDFs, so the failure is injected: the preflight module is replaced by one
 * that reports a finding for this test file only.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';

vi.mock('../../../src/archive/preflight.js', async (original) => ({
  ...(await original<typeof import('../../../src/archive/preflight.js')>()),
  preflightPdf: async () => [
    {
      rule: 'pdfa-actions',
      clause: 'ISO 19005-3 6.5.1',
      message: 'En Launch-åtgärd finns (injicerad i testet).',
    },
  ],
}));

describe('arkivera preflights before storing', () => {
  it('stores nothing and names the rule when the archival PDF fails', async () => {
    const work = mkdtempSync(join(tmpdir(), 'skrivelse-preflight-'));
    copyFileSync(resolve('cases/son-2020-281-arbetsinriktad-rehabilitering.md'), join(work, 'arende.md'));
    const run = await runCaptured(['arkivera', 'arende.md', '--arkiv', 'arkiv'], { cwd: work });
    expect(run.code).toBe(1);
    expect(run.err).toContain('[pdfa-actions]');
    expect(run.err).toContain('ingenting arkiverades');
    expect(existsSync(join(work, 'arkiv')) ? readdirSync(join(work, 'arkiv')) : []).toEqual([]);
  });
});
