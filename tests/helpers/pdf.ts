/** Independent readers for the PDF tests: poppler tools, qpdf and pdf.js, on bytes written to a temp dir. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'skrivelse-pdf-'));
let counter = 0;

/** Write `bytes` to a fresh temp file and return its path. */
export function tempPdf(bytes: Uint8Array, name = 'doc'): string {
  const path = join(dir, `${name}-${counter++}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdftotext(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']);
}

export function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]))?.[1]);
}

/** Words with their boxes from `pdftotext -bbox`, in points. */
export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function wordBoxes(path: string): WordBox[] {
  const html = run('pdftotext', ['-bbox', path, '-']);
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) {
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      words.push({ page, word: m[5]!, xMin, yMin, xMax, yMax });
    }
  }
  return words;
}

export async function openWithPdfjs(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}
