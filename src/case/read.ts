/**
 * Reading a case file: bytes → normalised text → front matter + body → validated Case.
 * Pure and total: any input gives diagnostics, and a Case only when none of them is a 'fel'.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import type { Profile } from '../profile/model.js';
import { runRules } from '../validate/index.js';
import { parseBody } from './body.js';
import { buildDraft, isComplete } from './build.js';
import { decodeCase, maxCaseBytes, tooLarge } from './decode.js';
import { readFrontMatter, splitCase } from './front-matter.js';
import type { Locate } from './issues.js';
import { complexityDiagnostics } from './limits.js';
import type { Case } from './model.js';

export interface ReadResult {
  case?: Case;
  diagnostics: Diagnostic[];
  /** The file's bytes exactly as read by `readCaseFile` (archiving embeds these, not a second read). */
  bytes?: Uint8Array;
}

export function readCase(input: string | Uint8Array, file: string, profile: Profile): ReadResult {
  try {
    return readUnsafe(input, file, profile);
  } catch (error) {
    // A bug in a stage must not crash a batch run; it is reported as a diagnostic instead.
    return {
      diagnostics: [
        {
          severity: 'fel',
          rule: 'internal',
          message: `Internt fel när filen lästes: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'Detta är ett fel i skrivelse, inte i ärendet. Rapportera det gärna med filen bifogad.',
          file,
        },
      ],
    };
  }
}

function readUnsafe(input: string | Uint8Array, file: string, profile: Profile): ReadResult {
  const decoded = decodeCase(input, file);
  const text = decoded.text;
  if (text === undefined) return { diagnostics: decoded.diagnostics };
  const diagnostics = [...decoded.diagnostics];
  const tooComplex = complexityDiagnostics(text, file);
  if (tooComplex.length > 0) return { diagnostics: sortDiagnostics([...diagnostics, ...tooComplex]) };
  const noPosition: Locate = () => undefined;

  const split = splitCase(text, file);
  append(diagnostics, split.diagnostics);
  if (!split.split) {
    // No usable front matter: still report what the body and the characters reveal.
    const missing = split.diagnostics.some((d) => d.rule === 'front-matter-missing');
    const body = missing ? parseBody(text, { offset: 0, line: 1 }, profile.consequences, file) : undefined;
    append(diagnostics, body?.diagnostics ?? []);
    const sections = body?.sections ?? [];
    diagnostics.push(
      ...runRules({ file, profile, source: text, sections, bodyRead: !!body, locate: noPosition }),
    );
    return { diagnostics: sortDiagnostics(diagnostics) };
  }
  const { yaml, body: bodyText, bodyOffset, bodyLine } = split.split;
  const front = readFrontMatter(yaml, file);
  append(diagnostics, front.diagnostics);
  const body = parseBody(bodyText, { offset: bodyOffset, line: bodyLine }, profile.consequences, file);
  append(diagnostics, body.diagnostics);
  // After a schema failure `front.data` holds only the valid keys; the rules check those, skipping the rest.
  const draft = front.data ? buildDraft(front.data, body, text, file, profile, front.locate) : undefined;
  diagnostics.push(
    ...runRules({
      file,
      profile,
      source: text,
      sections: body.sections,
      bodyRead: true,
      locate: front.locate,
      ...(front.data ? { data: front.data } : {}),
      ...(draft ? { draft } : {}),
    }),
  );
  const sorted = sortDiagnostics(diagnostics);
  return draft && isComplete(draft) && !hasErrors(sorted)
    ? { case: draft, diagnostics: sorted }
    : { diagnostics: sorted };
}

/** push(...items) overflows the stack for very many items; this does not. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Reads a case from disk; an unreadable or oversized file becomes a diagnostic, not an exception. */
export function readCaseFile(path: string, profile: Profile): ReadResult {
  let bytes: Uint8Array | number;
  try {
    bytes = readBounded(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      diagnostics: [
        {
          severity: 'fel',
          rule: 'file-unreadable',
          message:
            code === 'ENOENT'
              ? 'Filen finns inte.'
              : code === 'EISDIR'
                ? 'Sökvägen är en mapp, inte en fil.'
                : `Filen kan inte läsas (${code ?? 'okänt fel'}).`,
          file: path,
        },
      ],
    };
  }
  if (typeof bytes === 'number') return tooLarge(path, bytes);
  return { ...readCase(bytes, path, profile), bytes };
}

/** The file's bytes, or its size when it is over the cap (then it is not read at all). */
function readBounded(path: string): Uint8Array | number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxCaseBytes) return size;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
