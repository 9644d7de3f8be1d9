import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCaseFiles } from '../../../src/cli/collect.js';
import { formatDiagnostics, summaryLine } from '../../../src/cli/output.js';
import type { Diagnostic } from '../../../src/diagnostics.js';

const d = (severity: Diagnostic['severity'], file = 'a.md'): Diagnostic => ({
  severity,
  rule: 'r',
  message: 'Meddelande.',
  file,
  position: { line: 2, column: 3 },
});

describe('output', () => {
  it('summaries are Swedish with correct plurals', () => {
    expect(summaryLine([d('fel'), d('fel'), d('varning')], 1)).toBe('2 fel, 1 varning i 1 fil');
    expect(summaryLine([d('varning'), d('varning'), d('info')], 3)).toBe('2 varningar, 1 info i 3 filer');
    expect(summaryLine([], 2)).toBe('inga problem i 2 filer');
  });

  it('text lines, hints and colour only when asked', () => {
    const diag = { ...d('fel'), hint: 'Gör så.' };
    expect(formatDiagnostics([diag], { format: 'text', color: false })).toBe(
      'a.md:2:3: fel [r] Meddelande.\n    tips: Gör så.\n1 fel i 1 fil\n',
    );
    expect(formatDiagnostics([diag], { format: 'text', color: true })).toContain('\x1b[31mfel\x1b[0m');
    expect(formatDiagnostics([{ ...d('info'), position: undefined }], { format: 'text', color: false })).toBe(
      'a.md: info [r] Meddelande.\n1 info i 1 fil\n',
    );
  });
});

describe('collectCaseFiles', () => {
  it('expands folders recursively in code-point order, skipping README and hidden files, without duplicates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skrivelse-collect-'));
    try {
      mkdirSync(join(dir, 'b'));
      mkdirSync(join(dir, '.git'));
      for (const f of ['b/z.md', 'b/a.md', 'Ä.md', 'a.md', 'README.md', 'x.txt', '.git/h.md', '.dold.md']) {
        writeFileSync(join(dir, f), '');
      }
      expect(collectCaseFiles(['.', 'a.md'], dir)).toEqual(['a.md', 'b/a.md', 'b/z.md', 'Ä.md']);
      expect(collectCaseFiles(['x.txt'], dir)).toEqual(['x.txt']);
      expect(() => collectCaseFiles([], dir)).toThrow(/Ange minst en/);
      expect(() => collectCaseFiles(['saknas'], dir)).toThrow(/finns inte/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
