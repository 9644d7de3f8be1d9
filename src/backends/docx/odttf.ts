/**
 * Font obfuscation for embedded fonts (ECMA-376 Part 1, §17.8.1): the first 32 bytes of the font are
 * XOR-ed with the 16 bytes of the font key GUID, taken in reverse order. The key is derived from the
 * font's own bytes, so the same font always gives the same part.
 */
import { createHash } from 'node:crypto';

/** "{8-4-4-4-12}" in upper-case hex, from a SHA-256 of the font: stable, and distinct per font. */
export function fontKeyFor(font: Uint8Array): string {
  const hex = createHash('sha256').update(font).digest('hex').slice(0, 32).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

const obfuscatedLength = 32;

/** Obfuscates a font with `key` (a GUID, braces optional); applied again it restores the font. */
export function obfuscateFont(font: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`font key "${key}" is not a GUID`);
  const keyBytes = (hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)).reverse();
  const out = new Uint8Array(font);
  for (let i = 0; i < Math.min(obfuscatedLength, out.length); i++) out[i] = out[i]! ^ keyBytes[i % 16]!;
  return out;
}
