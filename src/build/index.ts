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
import type { Case } from '../case/model.js';
import { readCaseFile } from '../case/read.js';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import type { writeFileAtomic } from '../util/atomic.js';
import type { LockTiming } from '../util/lock.js';
import { outputBaseName } from './output-name.js';
import { buildFailed, messageOf, type NamedOutput, type SideFile, writeOwnedOutputs } from './write.js';

export { environmentErrors, type SideFile } from './write.js';

export type OutputFormat = 'pdf' | 'docx' | 'html';

export type Renderer = (doc: Doc) => Promise<Uint8Array>;

/** Backends are loaded on first use, so commands that render nothing start fast. */
export const outputFormats: Record<OutputFormat, Renderer> = {
  pdf: async (doc) => (await import('../backends/pdf/index.js')).renderPdf(doc),
  // The DOCX caches the page count of the PDF layout (not of the PDF writer) in its NUMPAGES fields, and
  // a table of contents the pages of that same layout (laid out once for both).
  docx: async (doc) => {
    const [{ renderDocx, blockPagesOf }, { layoutDoc }] = await Promise.all([
      import('../backends/docx/index.js'),
      import('../backends/pdf/layout/index.js'),
    ]);
    const layout = layoutDoc(doc);
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
}

export interface BuildResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Paths of the files written. */
  written: string[];
}

const formatLabel: Record<OutputFormat, string> = { pdf: 'PDF', docx: 'DOCX', html: 'HTML' };

export async function buildCases(files: readonly string[], options: BuildOptions): Promise<BuildResult[]> {
  const { outDir, formats, profile } = options;
  const registry = options.registryDir ?? outDir;
  mkdirSync(outDir, { recursive: true });
  mkdirSync(registry, { recursive: true });
  const results: BuildResult[] = [];
  for (const file of files) {
    options.onCaseStart?.(file);
    const { case: c, diagnostics } = readCaseFile(file, profile);
    const result: BuildResult = { file, diagnostics: [...diagnostics], written: [] };
    results.push(result);
    if (!c || hasErrors(diagnostics)) {
      options.onCaseDone?.(result);
      continue;
    }
    const outputs: NamedOutput[] = [];
    let sideFiles: SideFile[] = [];
    let format: OutputFormat | undefined;
    try {
      const prepared = options.prepare?.(c, file, formats) ?? { doc: renderDoc(c, profile) };
      const baseName = prepared.baseName ?? outputBaseName(c);
      sideFiles = prepared.sideFiles ?? [];
      for (format of formats) {
        const render = options.renderers?.[format] ?? outputFormats[format];
        outputs.push({ name: `${baseName}.${format}`, data: await render(prepared.doc) });
      }
    } catch (error) {
      const as = format ? ` som ${formatLabel[format]}` : '';
      result.diagnostics.push(buildFailed(file, `Ärendet kunde inte skrivas${as}: ${messageOf(error)}`));
      options.onCaseDone?.(result);
      continue;
    }
    const written = await writeOwnedOutputs(file, outputs, sideFiles, options);
    result.written.push(...written.written);
    result.diagnostics.push(...written.diagnostics);
    options.onCaseDone?.(result);
  }
  return results;
}
