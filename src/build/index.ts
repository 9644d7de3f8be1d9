/**
 * `build`: validated case → Doc → each requested backend → files in the output folder, written atomically.
 * Invalid cases are refused with the same diagnostics as `check`; nothing is written for them.
 *
 * Per case: render every format in memory (no lock held), then write them with `writeOwnedOutputs`
 * (write.ts: the folder lock, the ownership index, atomic files). A case is written only if all its formats
 * rendered and all its names are free or its own, so a PDF and a DOCX with one base name come from one case.
 *
 * Failures: an exception while rendering or writing one case (a bug, a name that is a folder …) becomes a
 * `build-failed` diagnostic for that case, and the batch goes on (exit 1). Errors of the environment that
 * would hit every case (`environmentErrors`: disk full, read-only or inaccessible folder …) stop the batch
 * and propagate as the errno error for the CLI to explain; what was written until then is already in the
 * index and reported through `onWritten`. A lock held too long by another build is a UsageError.
 */
import { mkdirSync } from 'node:fs';
import type { LayoutResult } from '../backends/pdf/layout/types.js';
import type { Case } from '../case/model.js';
import { readCaseFile } from '../case/read.js';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import type { writeFileAtomic } from '../util/atomic.js';
import { CASES_PER_COLLECTION, collectGarbage } from '../util/heap.js';
import type { LockTiming } from '../util/lock.js';
import { outputBaseName } from './output-name.js';
import { RenderPool, workerCount } from './pool.js';
import { buildFailed, messageOf, type NamedOutput, type SideFile, writeOwnedOutputs } from './write.js';

export { environmentErrors, type SideFile } from './write.js';

export type OutputFormat = 'pdf' | 'docx' | 'html';

export type Renderer = (doc: Doc) => Promise<Uint8Array>;

/**
 * The PDF layout of a Doc, laid out once for both formats (the PDF draws it, the DOCX caches its page
 * numbers): a sixth or so of a memo's rendering. Kept while the Doc is alive, not longer.
 */
const layouts = new WeakMap<Doc, Promise<LayoutResult>>();
function layoutOf(doc: Doc): Promise<LayoutResult> {
  let layout = layouts.get(doc);
  if (!layout) {
    layout = import('../backends/pdf/layout/index.js').then(({ layoutDoc }) => layoutDoc(doc));
    layouts.set(doc, layout);
  }
  return layout;
}

/** Backends are loaded on first use, so commands that render nothing start fast. */
export const outputFormats: Record<OutputFormat, Renderer> = {
  pdf: async (doc) => {
    const [{ renderPdf }, layout] = await Promise.all([import('../backends/pdf/index.js'), layoutOf(doc)]);
    return renderPdf(doc, layout);
  },
  // The DOCX caches the page count of the PDF layout (not of the PDF writer) in its NUMPAGES fields, and
  // a table of contents the pages of that same layout (laid out once for both).
  docx: async (doc) => {
    const [{ renderDocx, blockPagesOf }, layout] = await Promise.all([
      import('../backends/docx/index.js'),
      layoutOf(doc),
    ]);
    return renderDocx(doc, { pageCount: layout.pages.length, blockPages: blockPagesOf(layout) });
  },
  html: async (doc) => Buffer.from((await import('../backends/html/index.js')).renderHtml(doc), 'utf8'),
};

/**
 * The Doc to render for a case (in `formats`), the base name of its output files when not the memo's
 * (`outputBaseName`), and any files to write beside them.
 */
export type Prepare = (
  c: Case,
  file: string,
  formats: readonly OutputFormat[],
) => { doc: Doc; baseName?: string; sideFiles?: SideFile[] };

export interface BuildOptions {
  profile: Profile;
  formats: readonly OutputFormat[];
  outDir: string;
  /** Called as each file is written, so a batch stopped by an environment error still reports it. */
  onWritten?: (path: string) => void;
  /**
   * Called as a case's work begins and when it is over (written, refused or failed): the CLI's progress
   * display. An exception thrown by `onCaseStart` stops the batch before that case (Ctrl-C in `--bevaka`).
   */
  onCaseStart?: (file: string) => void;
  onCaseDone?: (result: BuildResult) => void;
  /** The Doc of each case (publication: the masked one, with its log); default the memo's own. */
  prepare?: Prepare;
  /**
   * The folder of the ownership index and the lock (default `outDir`): a publication keeps them beside
   * the published folder, with the log, so that folder holds only what may be published.
   */
  registryDir?: string;
  /** Test seams: the backends, the file write, the lock timing. */
  renderers?: Partial<Record<OutputFormat, Renderer>>;
  writeFile?: typeof writeFileAtomic;
  lockTiming?: Partial<LockTiming>;
  /**
   * Worker threads that render the cases (default 1: all in this thread; SKRIVELSE_TRADAR=<n> sets it for
   * the CLI). Used for a batch of at least two cases when the backends are the program's own (`prepare` and
   * `renderers` are functions, which a worker cannot be given). The files are the same bytes whatever the
   * count. Not on by default: on the 2-core benchmark machine, shared with other work, two workers were
   * slower than one (each warms up its own fonts and compiled code; see README, Prestanda).
   */
  workers?: number;
}

export interface BuildResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Paths of the files written. */
  written: string[];
}

export interface Output extends NamedOutput {
  format: OutputFormat;
}

const formatLabel: Record<OutputFormat, string> = { pdf: 'PDF', docx: 'DOCX', html: 'HTML' };

/** What rendering one case gives: its diagnostics, and its outputs unless it is not to be written. */
export interface RenderedCase {
  diagnostics: Diagnostic[];
  outputs?: Output[];
  sideFiles?: SideFile[];
}

/** Reads, checks and renders one case in memory (no lock, nothing written); in a worker or here. */
export async function renderCase(
  file: string,
  options: Pick<BuildOptions, 'profile' | 'formats' | 'prepare' | 'renderers'>,
): Promise<RenderedCase> {
  const { formats, profile } = options;
  const { case: c, diagnostics } = readCaseFile(file, profile);
  const rendered: RenderedCase = { diagnostics: [...diagnostics] };
  if (!c || hasErrors(diagnostics)) return rendered;
  const outputs: Output[] = [];
  let format: OutputFormat | undefined;
  try {
    const prepared = options.prepare?.(c, file, formats) ?? { doc: renderDoc(c, profile) };
    const baseName = prepared.baseName ?? outputBaseName(c);
    const sideFiles = prepared.sideFiles ?? [];
    for (format of formats) {
      const render = options.renderers?.[format] ?? outputFormats[format];
      outputs.push({ format, name: `${baseName}.${format}`, data: await render(prepared.doc) });
    }
    return { ...rendered, outputs, sideFiles };
  } catch (error) {
    const as = format ? ` som ${formatLabel[format]}` : '';
    rendered.diagnostics.push(buildFailed(file, `Ärendet kunde inte skrivas${as}: ${messageOf(error)}`));
    return rendered;
  }
}

export async function buildCases(files: readonly string[], options: BuildOptions): Promise<BuildResult[]> {
  const { outDir } = options;
  const registry = options.registryDir ?? outDir;
  mkdirSync(outDir, { recursive: true });
  mkdirSync(registry, { recursive: true });
  const results: BuildResult[] = [];
  const workers = workerCount(files.length, options);
  // Rendered in parallel by worker threads, or here one by one; written here, in the order of `files`
  // either way, so the files, the index and the callbacks do not depend on which thread finished first.
  const pool = workers > 1 ? new RenderPool(workers, options) : undefined;
  try {
    const pending: (Promise<RenderedCase> | undefined)[] = pool ? files.map((file) => pool.render(file)) : [];
    // A batch stopped by an environment error leaves later cases unawaited: their failure is not news.
    for (const p of pending) p?.catch(() => {});
    for (const [i, file] of files.entries()) {
      options.onCaseStart?.(file);
      const rendered = pool ? await pending[i]! : await renderCase(file, options);
      // Written below and then let go: the batch does not keep every memo's bytes to its end.
      pending[i] = undefined;
      const result: BuildResult = { file, diagnostics: rendered.diagnostics, written: [] };
      results.push(result);
      if (rendered.outputs) {
        const written = await writeOwnedOutputs(file, rendered.outputs, rendered.sideFiles ?? [], options);
        result.written.push(...written.written);
        result.diagnostics.push(...written.diagnostics);
      }
      options.onCaseDone?.(result);
      if (!pool && (i + 1) % CASES_PER_COLLECTION === 0) collectGarbage();
    }
  } finally {
    await pool?.close();
  }
  return results;
}
