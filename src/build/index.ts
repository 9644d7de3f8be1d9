/**
 * `build`: validated case → Doc → each requested backend → files in the output folder, written atomically.
 * Invalid cases are refused with the same diagnostics as `check`; nothing is written for them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseFile } from '../case/read.js';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { writeFileAtomic } from '../util/atomic.js';
import { outputBaseName } from './output-name.js';
import { conflictingOwner, ownerKey, readOwners, writeOwners } from './ownership.js';

export type OutputFormat = 'pdf' | 'docx';

/** Backends are loaded on first use, so commands that render nothing start fast. */
export const outputFormats: Record<OutputFormat, (doc: Doc) => Promise<Uint8Array>> = {
  pdf: async (doc) => (await import('../backends/pdf/index.js')).renderPdf(doc),
  docx: async (doc) => (await import('../backends/docx/index.js')).renderDocx(doc),
};

export interface BuildOptions {
  profile: Profile;
  formats: readonly OutputFormat[];
  outDir: string;
}

export interface BuildResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Paths of the files written. */
  written: string[];
}

export async function buildCases(files: readonly string[], options: BuildOptions): Promise<BuildResult[]> {
  const { outDir, formats, profile } = options;
  mkdirSync(outDir, { recursive: true });
  const owners = readOwners(outDir);
  const results: BuildResult[] = [];
  for (const file of files) {
    const { case: c, diagnostics } = readCaseFile(file, profile);
    const result: BuildResult = { file, diagnostics: [...diagnostics], written: [] };
    results.push(result);
    if (!c || hasErrors(diagnostics)) continue;
    const key = ownerKey(outDir, file);
    const names = formats.map((format) => `${outputBaseName(c)}.${format}`);
    const taken = names.flatMap((name) => {
      const owner = conflictingOwner(outDir, owners, name, key);
      return owner === undefined ? [] : [{ name, owner }];
    });
    if (taken.length > 0) {
      result.diagnostics.push(
        ...taken.map(({ name, owner }) => ({
          severity: 'fel' as const,
          rule: 'output-conflict',
          message: `Utdatafilen ${join(outDir, name)} kommer från ett annat ärende (${owner}) och skrivs inte över.`,
          hint: 'Ge ärendena olika diarienummer eller rubrik, välj en annan mapp med --ut, eller ta bort den gamla filen.',
          file,
        })),
      );
      continue;
    }
    const doc = renderDoc(c, profile);
    for (const [i, format] of formats.entries()) {
      const name = names[i]!;
      const path = join(outDir, name);
      writeFileAtomic(path, await outputFormats[format](doc));
      owners[name] = key;
      result.written.push(path);
    }
  }
  writeOwners(outDir, owners);
  return results;
}
