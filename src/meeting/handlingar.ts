/**
 * The handlingar: one PDF with the kallelse, then each memo in agenda order followed by its bilagor, with
 * bookmarks per ärende and under it per document. The kallelse and the memos are rendered from their Docs
 * and joined with their tag trees (src/backends/pdf/merge.ts), so each keeps its own "N (M)" and the pack
 * is as accessible as they are; bilagor go in as they are, and an untagged one is named in a warning, as
 * it makes the pack not PDF/UA.
 */
import { PDFName } from 'pdf-lib';
import { setMetadata } from '../backends/pdf/index.js';
import type { OutlineEntry } from '../backends/pdf/layout/types.js';
import { mergeTagged } from '../backends/pdf/merge.js';
import { writeOutline } from '../backends/pdf/write/outline.js';
import { savePdf } from '../backends/pdf/write/save.js';
import type { Diagnostic, Position } from '../diagnostics.js';
import { toolName } from '../util/package-info.js';
import { lowerFirst } from './kallelse.js';
import type { Meeting } from './model.js';

export { MergePartError as PackPartError } from '../backends/pdf/merge.js';

export interface PackDocument {
  /** Its bookmark and the /T of its structure element: "Tjänsteskrivelse", "Bilaga: risk.pdf". */
  title: string;
  bytes: Uint8Array;
  /** The ärende's bookmark ("2. Öppettider …") it nests under; none for the kallelse. */
  item?: string;
  /** A bilaga: as written in the meeting file and where, for the warning when it is untagged. */
  attachment?: { shown: string; position?: Position };
}

export interface Pack {
  bytes: Uint8Array;
  /** The bilagor without a tag tree: while there is one, the pack is not PDF/UA. */
  untagged: NonNullable<PackDocument['attachment']>[];
}

/** The bookmark of each agenda item: "2. Utökade öppettider …". */
export function packTitles(m: Meeting): string[] {
  return m.items.map((item, i) => `${i + 1}. ${item.type === 'case' ? item.case.title : item.title}`);
}

export async function buildPack(m: Meeting, documents: readonly PackDocument[]): Promise<Pack> {
  const { pdf, parts } = await mergeTagged(
    documents.map((d) => ({ title: d.item ? `${d.item}: ${d.title}` : d.title, bytes: d.bytes })),
    'sv-SE',
  );
  const untagged = documents.flatMap((d, i) =>
    parts[i]!.tagged ? [] : [d.attachment ?? { shown: d.title }],
  );
  const outline: OutlineEntry[] = [];
  documents.forEach((d, i) => {
    const pageIndex = parts[i]!.firstPage;
    // Kallelse and ärenden at the top; an ärende's documents under it; each document's own bookmarks
    // (a memo's title and headings) under the document.
    let level: 2 | 3 = 2;
    if (d.item === undefined) outline.push({ level: 2, title: d.title, pageIndex, topPt: 0 });
    else {
      if (d.item !== documents[i - 1]?.item) outline.push({ level: 2, title: d.item, pageIndex, topPt: 0 });
      outline.push({ level: 3, title: d.title, pageIndex, topPt: 0 });
      level = 3;
    }
    for (const { depth, title, pageIndex: page, topPt } of parts[i]!.bookmarks)
      outline.push({
        level: Math.min(level + depth, 6) as OutlineEntry['level'],
        title,
        pageIndex: page,
        topPt,
      });
  });
  const pageRefs = pdf.getPages().map((p) => p.ref);
  const root = writeOutline(pdf.context, outline, pageRefs, pdf.getPage(0).getHeight());
  if (root) {
    pdf.catalog.set(PDFName.of('Outlines'), root);
    pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  setMetadata(
    pdf,
    {
      title: `Handlingar till ${lowerFirst(m.board.genitive)} sammanträde ${m.date}`,
      author: m.secretary,
      subject: `Kallelse, tjänsteskrivelser och bilagor till sammanträdet ${m.date}`,
      keywords: [],
      language: 'sv-SE',
      date: m.date,
      creator: toolName,
    },
    { pdfua: untagged.length === 0 },
  );
  return { bytes: await savePdf(pdf), untagged };
}

/** The warning for each untagged bilaga: the pack is not PDF/UA because of it. */
export function untaggedWarnings(m: Meeting, untagged: Pack['untagged']): Diagnostic[] {
  return untagged.map(({ shown: attachment, position }) => ({
    severity: 'varning',
    rule: 'meeting-attachment-untagged',
    message: `Bilagan ${attachment} är inte taggad, så handlingarna är inte tillgänglighetsanpassade (inte PDF/UA): en skärmläsare kan inte läsa bilagans sidor i ordning. Kallelsen och skrivelserna i handlingarna är taggade.`,
    hint: 'Spara bilagan på nytt som taggad PDF (i Word: Spara som PDF med "Dokumentstrukturtaggar för hjälpmedel"; i LibreOffice: Exportera som PDF med "Taggad PDF") och skriv handlingarna igen.',
    file: m.file,
    ...(position ? { position } : {}),
  }));
}
