/**
 * Archive timestamps come from the case date (midnight UTC), never the clock. The PDF and XMP forms
 * are written with the same time zone designator (Z) so that Info and XMP compare equal.
 */
import { UsageError } from '../errors.js';

export interface ArchiveTimestamp {
  /** ISO 8601 for XMP, METS and PREMIS: `2023-08-30T00:00:00Z`. */
  iso: string;
  /** PDF date string for Info and /Params: `D:20230830000000Z`. */
  pdf: string;
}

export function archiveTimestamp(date: string): ArchiveTimestamp {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match)
    throw new UsageError(`Ogiltigt datum "${date}" för arkivering.`, 'Datumet ska skrivas ÅÅÅÅ-MM-DD.');
  const [, y, m, d] = match;
  return { iso: `${y}-${m}-${d}T00:00:00Z`, pdf: `D:${y}${m}${d}000000Z` };
}
