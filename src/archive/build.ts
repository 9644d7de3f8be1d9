/**
 * The archival PDF of a case: Case → Doc (render) → tagged PDF (PDF backend) → PDF/A-3a + PDF/UA-1
 * with the case file and the profile embedded as sources.
 */
import { basename } from 'node:path';
import { buildPdfDocument } from '../backends/pdf/index.js';
import { decodedPath } from '../case/images.js';
import type { Case } from '../case/model.js';
import type { Doc } from '../doc/model.js';
import type { Profile } from '../profile/model.js';
import { renderDoc } from '../render/index.js';
import { toolName } from '../util/package-info.js';
import type { SourceFile } from './attachments.js';
import { sha256Hex } from './hash.js';
import type { ManifestSource } from './manifest.js';
import { toArchivalPdf } from './pdfa.js';

export interface ArchivalPdf {
  bytes: Uint8Array;
  sources: SourceFile[];
}

/**
 * The case file (exact bytes on disk), the profile and the images the case shows (as read at check), as
 * embedded sources: what it takes to render the memo again from the archive copy alone.
 */
export function archiveSources(c: Case, caseBytes: Uint8Array, profile: Profile): SourceFile[] {
  const images = [...c.images].map(([address, image]): SourceFile => {
    return {
      name: decodedPath(address) ?? address,
      bytes: image.bytes,
      mimeType: image.format === 'png' ? 'image/png' : 'image/jpeg',
      description: 'Bild i ärendet (källa)',
    };
  });
  return [...caseAndProfile(c.file, caseBytes, profile), ...images];
}

/** The case file as read and the profile, as embedded sources (of a memo, and of a protokollsutdrag). */
export function caseAndProfile(caseFile: string, caseBytes: Uint8Array, profile: Profile): SourceFile[] {
  return [
    {
      name: basename(caseFile),
      bytes: caseBytes,
      mimeType: 'text/markdown',
      description: 'Ärendefil (källa)',
    },
    {
      name: basename(profile.file),
      bytes: new TextEncoder().encode(profile.source),
      mimeType: 'application/yaml',
      description: 'Kommunprofil (källa)',
    },
  ];
}

export function manifestSources(sources: readonly SourceFile[]): ManifestSource[] {
  return sources.map((s) => ({
    name: s.name,
    mimeType: s.mimeType,
    sha256: sha256Hex(s.bytes),
    sizeBytes: s.bytes.length,
  }));
}

export async function buildArchivalPdf(
  c: Case,
  profile: Profile,
  caseBytes: Uint8Array,
): Promise<ArchivalPdf> {
  return archivalPdfOf(renderDoc(c, profile), archiveSources(c, caseBytes, profile));
}

/** Any Doc as PDF/A-3a + PDF/UA-1 with `sources` embedded (a memo, a protokollsutdrag …). */
export async function archivalPdfOf(doc: Doc, sources: SourceFile[]): Promise<ArchivalPdf> {
  const pdf = await buildPdfDocument(doc);
  const bytes = await toArchivalPdf(pdf, { ...doc.meta, producer: toolName }, sources);
  return { bytes, sources };
}
