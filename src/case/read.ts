/**
 * Reading a case file: bytes → normalised text → front matter + body → validated Case.
 * Pure and total: any input gives diagnostics, and a Case only when none of them is a 'fel'.
 */
import { dirname } from 'node:path';
import { type Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { describeFsError, isFsError } from '../fs-errors.js';
import type { Profile } from '../profile/model.js';
import { readRegularFile } from '../util/regular-file.js';
import { runRules } from '../validate/index.js';
import { parseBody } from './body.js';
import { buildDraft, isComplete } from './build.js';
import { decodeCase, maxCaseBytes, tooLarge } from './decode.js';
import { readFrontMatter, splitCase } from './front-matter.js';
import { loadImages, type ReadImageFile } from './images.js';
import type { Locate } from './issues.js';
import { complexityDiagnostics } from './limits.js';
import type { Case } from './model.js';

export interface ReadResult {
  case?: Case;
  diagnostics: Diagnostic[];
  /** The file's bytes exactly as read by `readCaseFile` (archiving embeds these, not a second read). */
  bytes?: Uint8Array;
}

export interface ReadOptions {
  /**
   * Reads an image the body shows (default: the file system, relative to the case file's folder); `false`
   * reads none (the images are then not in the Case, and print as their alt text).
   */
  readImage?: ReadImageFile | false;
}

export function readCase(
  input: string | Uint8Array,
  file: string,
  profile: Profile,
  options: ReadOptions = {},
): ReadResult {
  try {
    return readUnsafe(input, file, profile, options);
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

function readUnsafe(
  input: string | Uint8Array,
  file: string,
  profile: Profile,
  options: ReadOptions,
): ReadResult {
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
  const images = loadImages(body.root, file, options.readImage);
  append(diagnostics, images.diagnostics);
  // After a schema failure `front.data` holds only the valid keys; the rules check those, skipping the rest.
  const draft = front.data
    ? buildDraft(front.data, { ...body, images: images.images }, text, file, profile, front.locate)
    : undefined;
  diagnostics.push(
    ...runRules({
      file,
      profile,
      source: text,
      sections: body.sections,
      bodyRead: true,
      locate: front.locate,
      ...(front.kind ? { kind: front.kind } : {}),
      ...(front.data ? { data: front.data } : {}),
      ...(draft ? { draft } : {}),
    }),
  );
  const sorted = sortDiagnostics(diagnostics);
  if (draft && isComplete(draft) && !hasErrors(sorted)) return { case: draft, diagnostics: sorted };
  if (!hasErrors(sorted)) {
    // Every key valid and still no case: a field the build could not fill. Never a silent skip.
    const missing = draft
      ? Object.keys(draft).filter((k) => draft[k as keyof typeof draft] === undefined)
      : [];
    sorted.push({
      severity: 'fel',
      rule: 'internal',
      message: `Internt fel: ärendet kunde inte byggas (${missing.join(', ') || 'inget huvud'}).`,
      hint: 'Detta är ett fel i skrivelse, inte i ärendet. Rapportera det gärna med filen bifogad.',
      file,
    });
  }
  return { diagnostics: sorted };
}

/** push(...items) overflows the stack for very many items; this does not. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Reads a case from disk; an unreadable, special or oversized file becomes a diagnostic, not an exception. */
export function readCaseFile(path: string, profile: Profile): ReadResult {
  let bytes: Uint8Array | { size: number };
  try {
    bytes = readRegularFile(path, maxCaseBytes);
  } catch (error) {
    const { reason, hint } = isFsError(error)
      ? describeFsError(error, dirname(path))
      : { reason: 'ett oväntat fel inträffade', hint: 'Kontrollera filen och försök igen.' };
    return {
      diagnostics: [
        {
          severity: 'fel',
          rule: 'file-unreadable',
          message: `Filen kan inte läsas: ${reason}.`,
          hint,
          file: path,
        },
      ],
    };
  }
  if (!(bytes instanceof Uint8Array)) return tooLarge(path, bytes.size);
  return { ...readCase(bytes, path, profile), bytes };
}
