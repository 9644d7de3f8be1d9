/**
 * Turns the raw input into normalised text: size cap, binary and encoding checks, BOM removal,
 * CRLF → LF and NFC. Returns the text, or only diagnostics when the input cannot be read as a case.
 */
import type { Diagnostic } from '../diagnostics.js';
import { LineIndex } from '../util/line-index.js';

/** Larger inputs are refused before any parsing, so time stays bounded. */
export const maxCaseBytes = 2 * 1024 * 1024;

export interface Decoded {
  text?: string;
  diagnostics: Diagnostic[];
}

export function decodeCase(input: string | Uint8Array, file: string): Decoded {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxCaseBytes) return tooLarge(file, size);
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      return fatal(file, 'encoding', 'Filen är sparad som UTF-16, inte UTF-8.', {
        hint: 'Spara filen som UTF-8 i din editor (i Anteckningar: Spara som → Kodning: UTF-8).',
      });
    }
    const nul = input.indexOf(0);
    if (nul !== -1) return binary(file, bytePosition(input, nul));
    const bad = firstInvalidUtf8(input);
    if (bad !== -1) return notUtf8(file, input, bad);
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(input);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return binary(file, new LineIndex(text).position(nul));

  const diagnostics: Diagnostic[] = [];
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    diagnostics.push({
      severity: 'info',
      rule: 'bom',
      message: 'Filen börjar med ett byte order mark (BOM); det tas bort.',
      hint: 'Spara gärna filen som UTF-8 utan BOM.',
      file,
      position: { line: 1, column: 1 },
    });
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (text.trim() === '') {
    diagnostics.push({
      severity: 'fel',
      rule: 'file-empty',
      message: 'Filen är tom.',
      hint: 'Skapa en ny ärendefil med `skrivelse ny <fil>`.',
      file,
      position: { line: 1, column: 1 },
    });
    return { diagnostics };
  }
  return { text, diagnostics };
}

export function tooLarge(file: string, sizeBytes: number): Decoded {
  return fatal(file, 'file-too-large', `Filen är för stor (${formatMb(sizeBytes)} MB); gränsen är 2 MB.`, {
    hint: 'En ärendefil är text. Lägg bilagor som egna filer och hänvisa till dem i beslutsunderlaget.',
  });
}

function fatal(
  file: string,
  rule: string,
  message: string,
  extra: { hint?: string; position?: { line: number; column: number } },
): Decoded {
  return {
    diagnostics: [
      {
        severity: 'fel',
        rule,
        message,
        file,
        position: extra.position ?? { line: 1, column: 1 },
        hint: extra.hint,
      },
    ],
  };
}

function binary(file: string, position: { line: number; column: number }): Decoded {
  return fatal(file, 'binary', 'Filen innehåller NUL-tecken och verkar vara binär, inte en textfil.', {
    hint: 'En ärendefil är vanlig text (Markdown med YAML-huvud), sparad som UTF-8.',
    position,
  });
}

function notUtf8(file: string, bytes: Uint8Array, offset: number): Decoded {
  const byte = bytes[offset]!;
  const latin1 = byte >= 0xa0 ? ` (i Latin-1 vore det "${String.fromCharCode(byte)}")` : '';
  return fatal(
    file,
    'encoding',
    `Filen är inte giltig UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${latin1}.`,
    {
      hint: 'Filen är troligen sparad som Latin-1 eller Windows-1252. Spara den som UTF-8 i din editor.',
      position: bytePosition(bytes, offset),
    },
  );
}

/** Line and column of a byte offset; the column counts the characters before it on its line. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1 (TextDecoder's fatal mode does not say where). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Fall through to find the offset.
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (length === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! > 0x9f)))
      return i;
    if (length === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! > 0x8f)))
      return i;
    i += length;
  }
  return bytes.length;
}

function formatMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
}
