/** The document information dictionary, written through the one text encoder (pdf-text.ts). */
import { type PDFDocument, PDFRef } from 'pdf-lib';
import { asciiString, textString } from './pdf-text.js';

export interface InfoFields {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  /** PDF date (`D:20230830000000Z`) for CreationDate and ModDate; left out when absent. */
  date?: string;
}

/** Sets Info (replacing one already there, in place) from `fields`. */
export function writeInfo(pdf: PDFDocument, fields: InfoFields): void {
  const { context } = pdf;
  const info = context.obj({
    Title: textString(fields.title),
    Author: textString(fields.author),
    Subject: textString(fields.subject),
    Keywords: textString(fields.keywords),
    Creator: textString(fields.creator),
    Producer: textString(fields.producer),
    ...(fields.date ? { CreationDate: asciiString(fields.date), ModDate: asciiString(fields.date) } : {}),
  });
  const existing = context.trailerInfo.Info;
  if (existing instanceof PDFRef) context.assign(existing, info);
  else context.trailerInfo.Info = context.register(info);
}
