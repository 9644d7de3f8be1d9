/**
 * The images a case shows (`![alt](fil.png)` in a paragraph of its own): read from the case's folder when the
 * case is read, so rendering never opens a file and every problem is a diagnostic at the image's position.
 * Only PNG and JPEG inside the case's folder (or below it); nothing is fetched from the network.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
// image-size: a small, well-kept reader of image headers (type and pixel size) without decoding the image.
import { imageSize } from 'image-size';
import type { Image, Nodes, Paragraph, Root } from 'mdast';
import type { Diagnostic } from '../diagnostics.js';
import type { ImageAsset } from '../doc/model.js';
import { describeFsError, isFsError } from '../fs-errors.js';
import { readRegularFile } from '../util/regular-file.js';

/** Larger files are refused unread: a memo's image is a photo or a map, not a print master (and the
 * archive copy embeds it, which verifiera unpacks under a 16 MB cap). */
export const maxImageBytes = 10 * 1024 * 1024;
/** Decoded size bound (PNG is decoded to RGBA for the PDF): 40 megapixels, 160 MB. */
export const maxImagePixels = 40_000_000;

export type ReadImageFile = (path: string) => Uint8Array | { size: number };

export interface CaseImages {
  /** By the address as written in the case. */
  images: Map<string, ImageAsset>;
  diagnostics: Diagnostic[];
}

const scheme = /^[a-z][a-z0-9+.-]*:/i;

function imagesIn(node: Nodes, parent: Nodes | undefined, found: { image: Image; alone: boolean }[]): void {
  if (node.type === 'image') {
    const siblings = parent?.type === 'paragraph' ? (parent as Paragraph).children : [];
    const alone = siblings.every((c) => c === node || (c.type === 'text' && c.value.trim() === ''));
    found.push({ image: node, alone: alone && parent?.type === 'paragraph' });
  }
  if ('children' in node) for (const child of node.children) imagesIn(child as Nodes, node, found);
}

/** The address as a relative path: `%20` and the like decoded; undefined when it cannot be decoded. */
export function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(url);
  } catch {
    return undefined;
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Channels per PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA). */
const pngChannels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG whose chunks are whole, whose checksums hold and whose image data inflates: what the build's
 * decoder needs, checked in bounded time (a truncated or forged file is refused here, not at build).
 */
function pngIsWhole(bytes: Uint8Array): boolean {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; channels: number } | undefined;
  const idat: Buffer[] = [];
  while (at + 12 <= data.length) {
    const length = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > data.length) return false;
    const body = data.subarray(at + 8, at + 8 + length);
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IHDR' && length === 13) {
      const channels = pngChannels[body[9]!];
      if (!channels) return false;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, channels };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') {
      if (!header || idat.length === 0) return false;
      // Raw size of the image (interlacing adds at most one filter byte per row of each pass).
      const row = Math.ceil((header.width * header.channels * header.depth) / 8) + 1;
      const limit = row * header.height * 2 + 1024;
      try {
        return inflateSync(Buffer.concat(idat), { maxOutputLength: limit }).length > 0;
      } catch {
        return false;
      }
    }
    at += 12 + length;
  }
  return false;
}

/** Colour components of a JPEG from its frame header (SOFn): 1 grey, 3 colour, 4 CMYK; 0 if none found. */
function jpegComponents(bytes: Uint8Array): number {
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const frame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (frame) return bytes[at + 9]!;
    at += 2 + length;
  }
  return 0;
}

/** Format and pixel size from the header; undefined for anything but a readable PNG or JPEG. */
function describe(bytes: Uint8Array): Omit<ImageAsset, 'bytes'> | undefined {
  try {
    const size = imageSize(bytes);
    const format = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpeg' : undefined;
    if (!format || !size.width || !size.height) return undefined;
    return { format, widthPx: size.width, heightPx: size.height };
  } catch {
    return undefined;
  }
}

/**
 * The images of the body, checked and read. `read: false` checks only what the text shows (alt text,
 * placement, address) and reads no file: for a version of a case whose folder is not at hand (a git
 * revision, an archived copy), compared as text.
 */
export function loadImages(
  root: Root,
  file: string,
  read: ReadImageFile | false = readRegularFile,
): CaseImages {
  const found: { image: Image; alone: boolean }[] = [];
  imagesIn(root, undefined, found);
  const images = new Map<string, ImageAsset>();
  const diagnostics: Diagnostic[] = [];
  if (found.length === 0) return { images, diagnostics };
  const folder = dirname(resolve(file));
  let realFolder: string | undefined;
  try {
    realFolder = realpathSync(folder);
  } catch {
    realFolder = undefined;
  }
  for (const { image, alone } of found) {
    const start = image.position?.start;
    const report = (rule: string, message: string, hint: string) =>
      diagnostics.push({
        severity: 'fel',
        rule,
        message,
        hint,
        file,
        ...(start ? { position: { line: start.line, column: start.column } } : {}),
      });
    if (!image.alt?.trim())
      report(
        'image-alt',
        'Bilden saknar alternativtext, så den som inte ser bilden får inte veta vad den visar.',
        'Beskriv bilden kort inom hakparenteserna: ![Karta över planområdet](karta.png).',
      );
    if (!alone) {
      report(
        'image-placement',
        'En bild mitt i en mening kan inte skrivas ut; bilder står i ett eget stycke.',
        'Lägg bilden på en egen rad med en tom rad före och efter.',
      );
      continue;
    }
    if (scheme.test(image.url) || image.url.startsWith('//')) {
      report(
        'image-remote',
        `Bilden "${image.url}" är en webbadress; skrivelse hämtar aldrig något från nätet när skrivelsen skapas.`,
        'Spara bilden i ärendets mapp och skriv filnamnet: ![Beskrivning](bild.png).',
      );
      continue;
    }
    if (read === false || images.has(image.url)) continue;
    const path = decodedPath(image.url);
    if (path === undefined || path.includes('\0')) {
      report(
        'image-missing',
        `Bildfilens namn "${image.url}" går inte att läsa som sökväg (ett % ska följas av två hexadecimala siffror, och %00 är inget tecken i ett filnamn).`,
        'Skriv mellanslag i filnamnet som %20 och ett procenttecken som %25, eller byt namn på filen.',
      );
      continue;
    }
    const full = resolve(folder, path);
    const outside = () =>
      report(
        'image-path',
        `Bildfilen "${image.url}" ligger utanför ärendets mapp.`,
        'Lägg bilden i samma mapp som ärendefilen (eller en undermapp) och skriv sökvägen därifrån.',
      );
    const unreadable = (error: unknown) =>
      report(
        'image-missing',
        `Bildfilen "${image.url}" kan inte läsas: ${isFsError(error) ? describeFsError(error, folder).reason : 'filen kan inte läsas'}.`,
        'Kontrollera filnamnet; sökvägen räknas från mappen där ärendefilen ligger.',
      );
    if (!inside(folder, full)) {
      outside();
      continue;
    }
    let real: string;
    try {
      real = realpathSync(full);
    } catch (error) {
      unreadable(error);
      continue;
    }
    // A link inside the folder may still lead out of it.
    if (!realFolder || !inside(realFolder, real)) {
      outside();
      continue;
    }
    let bytes: Uint8Array | { size: number };
    try {
      bytes = read(real);
    } catch (error) {
      unreadable(error);
      continue;
    }
    if (!(bytes instanceof Uint8Array)) {
      report(
        'image-format',
        `Bildfilen "${image.url}" är ${Math.ceil(bytes.size / 1024 / 1024)} MB; högst ${maxImageBytes / 1024 / 1024} MB går att ta med.`,
        'Spara bilden i lägre upplösning (ungefär 2000 bildpunkter bred räcker för en A4-sida).',
      );
      continue;
    }
    const described = describe(bytes);
    const tooMany = described && described.widthPx * described.heightPx > maxImagePixels;
    if (!described || (!tooMany && described.format === 'png' && !pngIsWhole(bytes))) {
      report(
        'image-format',
        `Bildfilen "${image.url}" är inte en läsbar PNG- eller JPEG-bild.`,
        'Spara bilden som PNG (diagram, kartor) eller JPEG (foton).',
      );
      continue;
    }
    if (tooMany) {
      report(
        'image-format',
        `Bildfilen "${image.url}" har ${described.widthPx} × ${described.heightPx} bildpunkter, fler än skrivelse tar med.`,
        'Spara bilden i lägre upplösning (ungefär 2000 bildpunkter bred räcker för en A4-sida).',
      );
      continue;
    }
    if (described.format === 'jpeg' && jpegComponents(bytes) === 4) {
      report(
        'image-format',
        `Bildfilen "${image.url}" är en CMYK-bild (för tryckeri); arkivexemplaret (PDF/A, sRGB) kan inte innehålla den.`,
        'Spara bilden som RGB-JPEG eller PNG, t.ex. med "Exportera för webb" i bildprogrammet.',
      );
      continue;
    }
    images.set(image.url, { ...described, bytes });
  }
  return { images, diagnostics };
}
