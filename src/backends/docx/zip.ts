/**
 * A minimal deterministic ZIP writer for the DOCX package: entries in the order given, every one deflated,
 * dated 1980-01-01 00:00 (the DOS epoch, "no date"), no folders, no extra fields, made by "DOS" (no Unix
 * permissions). An entry can come deflated already, so a part that is the same in every memo (the embedded
 * font subsets, cached per process) is compressed once per process rather than once per memo.
 *
 * The DEFLATE itself is fflate's (pinned to an exact version in package.json): plain JavaScript, so the
 * bytes do not change with the Node version, as node:zlib's would with its bundled zlib. fflate's own
 * zipSync cannot take data that is compressed already, hence this writer (the format is ECMA-376 Part 2's
 * subset of PKWARE's APPNOTE: no ZIP64, no encryption, no data descriptors).
 */
import { deflateSync } from 'fflate';

/** Level 6: within 2 % of level 9's size for a memo's XML, at about half the time. */
export const compressionLevel = 6;

/** An entry's data as stored: raw DEFLATE, with the CRC-32 and size of the uncompressed data. */
export interface DeflatedEntry {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

const crcTable = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export function deflateEntry(data: Uint8Array): DeflatedEntry {
  return { deflated: deflateSync(data, { level: compressionLevel }), crc: crc32(data), size: data.length };
}

/** 1980-01-01 00:00:00 as DOS date and time fields. */
const dosDate = (0 << 9) | (1 << 5) | 1;
const dosTime = 0;
const versionNeeded = 20;
const methodDeflate = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const utf8Flag = 0x0800;

/** The ZIP of `entries` (path → deflated data), in the given order. */
export function writeZip(entries: readonly [path: string, entry: DeflatedEntry][]): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`för många delar i paketet (${entries.length})`);
  const encoder = new TextEncoder();
  const names = entries.map(([path]) => encoder.encode(path));
  const localSize = entries.reduce((sum, [, e], i) => sum + 30 + names[i]!.length + e.deflated.length, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  if (localSize + centralSize > 0xffffffff) throw new Error('paketet är större än 4 GB');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const offsets: number[] = [];
  const flagsOf = (i: number) => (names[i]!.length === entries[i]![0].length ? 0 : utf8Flag);
  entries.forEach(([, e], i) => {
    offsets.push(at);
    u32(0x04034b50);
    u16(versionNeeded);
    u16(flagsOf(i));
    u16(methodDeflate);
    u16(dosTime);
    u16(dosDate);
    u32(e.crc);
    u32(e.deflated.length);
    u32(e.size);
    u16(names[i]!.length);
    u16(0);
    out.set(names[i]!, at);
    at += names[i]!.length;
    out.set(e.deflated, at);
    at += e.deflated.length;
  });
  const centralStart = at;
  entries.forEach(([, e], i) => {
    u32(0x02014b50);
    u16(versionNeeded); // made by: MS-DOS (upper byte 0), version 2.0
    u16(versionNeeded);
    u16(flagsOf(i));
    u16(methodDeflate);
    u16(dosTime);
    u16(dosDate);
    u32(e.crc);
    u32(e.deflated.length);
    u32(e.size);
    u16(names[i]!.length);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    out.set(names[i]!, at);
    at += names[i]!.length;
  });
  const centralLength = at - centralStart;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(centralStart);
  u16(0);
  return out;
}
