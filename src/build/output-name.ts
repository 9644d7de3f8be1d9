/**
 * File names of rendered memos: Dnr plus a short rubrik, folded to a portable, safe name
 * ("SON-2020-281_arbetsinriktad-rehabilitering-och-stod"). No path separators, no reserved device names,
 * no leading dots, bounded length.
 */
import type { Case } from '../case/model.js';

/** Windows device names that cannot be file names on any drive, whatever the extension. */
const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const maxTitleWords = 5;
const maxLength = 80;

/** Folds to lower-case ASCII words joined by '-': "Överenskommelse för år 2024" → "overenskommelse-for-ar-2024". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function dnrPart(dnr: string): string {
  return dnr
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function outputBaseName(c: Pick<Case, 'dnr' | 'title'>): string {
  const dnr = c.dnr.map(dnrPart).filter(Boolean).join('_');
  const title = slug(c.title).split('-').filter(Boolean).slice(0, maxTitleWords).join('-');
  let name = [dnr, title]
    .filter(Boolean)
    .join('_')
    .slice(0, maxLength)
    .replace(/[-_]+$/, '');
  if (!name) name = 'skrivelse';
  if (reserved.test(name)) name = `skrivelse-${name}`;
  return name;
}
