/**
 * Reading the source case file embedded in an archived PDF: walks the catalog's /Names /EmbeddedFiles
 * name tree (with /Kids) and picks the file whose MIME type is text/markdown or whose name ends in .md.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { pdfText } from '../archive/attachments.js';
import { decodeBounded, StreamDecodeError } from '../archive/bounded-decode.js';
import { UsageError } from '../errors.js';

export interface EmbeddedCase {
  /** File name of the attachment (/UF, else /F). */
  name: string;
  bytes: Uint8Array;
}

interface Attachment {
  name: string;
  mimeType?: string;
  stream: PDFRawStream;
}

/** Reads the embedded case file; throws a Swedish UsageError when the PDF is unreadable or has none. */
export async function extractEmbeddedCase(
  pdfBytes: Uint8Array,
  pdfName = 'PDF-filen',
): Promise<EmbeddedCase> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new UsageError(
      `${pdfName} kunde inte läsas som PDF: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const attachments = tree ? collect(tree, new Set()) : [];
  const found =
    attachments.find((a) => a.mimeType === 'text/markdown') ??
    attachments.find((a) => a.name.toLowerCase().endsWith('.md'));
  if (!found) {
    throw new UsageError(
      `${pdfName} innehåller ingen inbäddad ärendefil.`,
      attachments.length > 0
        ? `Inbäddade filer: ${attachments.map((a) => a.name).join(', ')}; ingen är av typen text/markdown eller slutar på .md.`
        : 'Bara PDF-filer som skapats med `skrivelse arkivera` bär med sig sin ärendefil.',
    );
  }
  try {
    return { name: found.name, bytes: decodeBounded(found.stream) };
  } catch (error) {
    if (!(error instanceof StreamDecodeError)) throw error;
    throw new UsageError(
      `Den inbäddade ärendefilen ${found.name} i ${pdfName} kan inte läsas: ${error.message}.`,
      'Jämför med ärendefilen i stället, eller kontrollera PDF:en med `skrivelse verifiera`.',
    );
  }
}

/** Leaves of a name tree: /Names [key spec key spec …], /Kids [tree …]. Guards against cycles. */
function collect(node: PDFDict, seen: Set<PDFDict>): Attachment[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const result: Attachment[] = [];
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const kid = kids!.lookupMaybe(i, PDFDict);
    if (kid) result.push(...collect(kid, seen));
  }
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; i + 1 < (pairs?.size() ?? 0); i += 2) {
    const spec = pairs!.lookupMaybe(i + 1, PDFDict);
    const ef = spec?.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream =
      ef?.lookupMaybe(PDFName.of('UF'), PDFStream) ?? ef?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!spec || !(stream instanceof PDFRawStream)) continue;
    const name =
      pdfText(spec.lookup(PDFName.of('UF'))) ??
      pdfText(spec.lookup(PDFName.of('F'))) ??
      pdfText(pairs!.lookup(i)) ??
      '';
    const mimeType = stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
    result.push({ name, stream, ...(mimeType ? { mimeType } : {}) });
  }
  return result;
}
