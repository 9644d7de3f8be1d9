/** Independent readers for the PDF tests: poppler tools, qpdf and pdf.js, on bytes written to a temp dir. */
import { execFileSync, spawnSync } from 'node:child_process';
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

/**
 * The text of a PDF (or of one page) by pdftotext: in its reading order, or with `layout` line by line as
 * the page shows it (for one column of text the surer order: without it, labels of a list that starts a
 * page can be read as a column of their own, before the text beside them).
 */
export function pdftotext(path: string, page?: number, { layout = false } = {}): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), ...range, path, '-']);
}

/**
 * An element of the structure tree as `pdfinfo -struct-text` prints it (`Role <ID> (inline)`): role, nesting
 * depth, its own text.
 */
export interface StructTextElement {
  role: string;
  depth: number;
  /** The quoted lines directly below the role line (one per line drawn), joined. */
  text: string;
}

/** The structure tree in reading order, read by poppler (`pdfinfo -struct-text`), not by us. */
export function structText(path: string): StructTextElement[] {
  const elements: StructTextElement[] = [];
  for (const line of run('pdfinfo', ['-struct-text', path]).split('\n')) {
    // An element with attributes ends in ":" (its attributes follow, one per line, and are skipped).
    // A /T title follows the role in quotes (poppler prints its bytes as they are).
    const role = /^( *)(\w+)(?: "[^"]*")?(?: <[^>]*>)?(?: \(\w+\))?:?$/.exec(line);
    const quoted = /^( *)"(.*)"$/.exec(line);
    if (role) elements.push({ role: role[2]!, depth: role[1]!.length / 2, text: '' });
    else if (quoted) {
      // A line of text belongs to the element it is indented under (also after a child element).
      const depth = quoted[1]!.length / 2 - 1;
      const owner = elements.findLast((e) => e.depth === depth);
      if (owner) owner.text += quoted[2];
    }
  }
  return elements;
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

/** `qpdf --check`: its exit status (0 clean, 2 errors, 3 warnings) and everything it printed. */
export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every PDF action type (ISO 32000-2 12.6.4); only URI may ever appear in our files. */
const actionTypes = new Set(
  [
    'GoTo',
    'GoToR',
    'GoToE',
    'GoToDp',
    'Launch',
    'Thread',
    'URI',
    'Sound',
    'Movie',
    'Hide',
    'Named',
    'SubmitForm',
    'ResetForm',
    'ImportData',
    'JavaScript',
    'SetOCGState',
    'Rendition',
    'Trans',
    'GoTo3DView',
    'RichMediaExecute',
  ].map((t) => `/${t}`),
);
/** Keys that run something on open or on an event, or hold scripts. */
const triggerKeys = new Set(['/OpenAction', '/AA', '/JS', '/JavaScript', '/Launch', '/XFA']);

export interface PdfActions {
  /** /S of every action dictionary (any dictionary whose /S is an action type). */
  types: string[];
  /** /URI of every URI action, decoded by qpdf. */
  uris: string[];
  /** Trigger keys found anywhere (see triggerKeys). */
  triggers: string[];
}

export interface PdfInspection extends PdfActions {
  /** The Info dictionary's strings, keyed without the slash. */
  info: Record<string, string>;
  /** /F, /UF and /Desc of every file specification. */
  filespecs: { F?: string; UF?: string; Desc?: string }[];
  /** Every /ActualText (structure elements' text as read aloud). */
  actualTexts: string[];
}

/**
 * Actions, Info and file specifications as qpdf reads them (`--json=2`: names "/N", strings "u:text" or
 * "b:hex", references "N 0 R"), not as we wrote them.
 */
export function qpdfInspect(path: string): PdfInspection {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', path])) as {
    qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict: unknown } }>];
  };
  const objects = json.qpdf[1];
  const found: PdfInspection = {
    types: [],
    uris: [],
    triggers: [],
    info: {},
    filespecs: [],
    actualTexts: [],
  };
  const text = (value: unknown) => (typeof value === 'string' ? pdfJsonString(value) : undefined);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return void value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const dict = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(dict)) {
      if (triggerKeys.has(key)) found.triggers.push(key);
      walk(inner);
    }
    const type = dict['/S'];
    if (typeof type === 'string' && actionTypes.has(type)) {
      found.types.push(type);
      const uri = text(dict['/URI']);
      if (type === '/URI' && uri !== undefined) found.uris.push(uri);
    }
    const actual = text(dict['/ActualText']);
    if (actual !== undefined) found.actualTexts.push(actual);
    if (dict['/Type'] === '/Filespec')
      found.filespecs.push({ F: text(dict['/F']), UF: text(dict['/UF']), Desc: text(dict['/Desc']) });
  };
  walk(objects);
  const infoRef = (objects.trailer?.value as Record<string, unknown> | undefined)?.['/Info'];
  const info = objects[`obj:${String(infoRef)}`]?.value as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(info ?? {})) {
    const decoded = text(value);
    if (decoded !== undefined) found.info[key.slice(1)] = decoded;
  }
  return found;
}

/** A qpdf JSON v2 string value as text ("u:" is UTF-8 text, "b:" hex bytes read as Latin-1). */
function pdfJsonString(value: string): string {
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return value;
}
