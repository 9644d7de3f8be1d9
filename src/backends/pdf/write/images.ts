/**
 * Image XObjects, one per distinct image of the layout. JPEG goes in as it is (pdf-lib's `embedJpg`,
 * DCTDecode, no re-encoding). PNG is decoded with the decoder pdf-lib itself uses and written as 8-bit
 * DeviceRGB or DeviceGray, Flate-compressed by pdf-lib: not with `embedPng`, because that gives every image
 * with transparent pixels a soft mask (/SMask), which our PDF/A policy (rule pdfa-transparency) does not
 * allow. A figure stands on the white page, so its transparent pixels are blended onto white here, which
 * prints and displays the same. Decoding and deflating are pure functions of the bytes, so the same image
 * gives the same stream in every document.
 */
import * as upngModule from '@pdf-lib/upng';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import type { ImageAsset } from '../../../doc/model.js';

/**
 * The package is CommonJS with `exports.default`: Node's ESM import puts that under `default.default`, a
 * bundler or vitest under `default`. The decoder is the first of them that has `decode`.
 */
type Upng = typeof upngModule.default;
const upng = [upngModule, (upngModule as { default?: unknown }).default]
  .flatMap((m) => [m, (m as { default?: unknown } | undefined)?.default])
  .find((m): m is Upng => typeof (m as Upng | undefined)?.decode === 'function')!;

/** PNG colour types without colour: greyscale, greyscale with alpha. */
const GREY_TYPES = new Set([0, 4]);

/** `value` (0–255) at opacity `alpha` (0–255) over white, rounded. */
const overWhite = (value: number, alpha: number): number =>
  Math.floor((value * alpha + 255 * (255 - alpha) + 127) / 255);

/** A PNG as 8-bit samples, one (grey) or three (RGB) per pixel, transparency blended onto white. */
export function pngSamples(bytes: Uint8Array): {
  width: number;
  height: number;
  components: 1 | 3;
  samples: Uint8Array;
} {
  const png = upng.decode(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  // An animated PNG shows its first frame where animation is not supported; so does the memo.
  const rgba = new Uint8Array(upng.toRGBA8(png)[0]!);
  const components = GREY_TYPES.has(png.ctype) ? 1 : 3;
  const pixels = png.width * png.height;
  const samples = new Uint8Array(pixels * components);
  for (let p = 0, out = 0; p < pixels; p++) {
    const alpha = rgba[p * 4 + 3]!;
    for (let c = 0; c < components; c++) samples[out++] = overWhite(rgba[p * 4 + c]!, alpha);
  }
  return { width: png.width, height: png.height, components, samples };
}

/** Embed every image once; returns their references in the layout's order. */
export async function embedImages(pdf: PDFDocument, images: readonly ImageAsset[]): Promise<PDFRef[]> {
  const refs: PDFRef[] = [];
  for (const image of images) {
    if (image.format === 'jpeg') {
      // A copy: pdf-lib reads the JPEG header through `bytes.buffer` from offset 0.
      refs.push((await pdf.embedJpg(new Uint8Array(image.bytes))).ref);
      continue;
    }
    const { width, height, components, samples } = pngSamples(image.bytes);
    const stream = pdf.context.flateStream(samples, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: components === 1 ? 'DeviceGray' : 'DeviceRGB',
      BitsPerComponent: 8,
    });
    refs.push(pdf.context.register(stream));
  }
  return refs;
}
