/**
 * Personnummer and samordningsnummer in running text, in every way they are written: with or without
 * the century (YYMMDD or YYYYMMDD), with "-", "+" (100 years or older), a space, a no-break space, a
 * no-break hyphen (the Doc keeps numbers whole with U+2011, doc/nobreak.ts) or a dash before the last four
 * digits, or with no separator. A candidate counts when the personnummer library (Luhn digit, real date,
 * samordningsnummer day + 60) accepts it, so ordinary ten-digit numbers rarely do.
 */
import personnummerModule from 'personnummer';

/** The package is CommonJS; its typings describe an ES default export, so unwrap whichever we get. */
const Personnummer = ((personnummerModule as unknown as { default?: unknown }).default ??
  personnummerModule) as unknown as { valid(pin: string): boolean };

/** 6 or 8 digits of birth date, an optional separator, 4 digits; not glued to other digits or hyphens. */
const candidate =
  /(?<![\d\-\u2010\u2011])(?:\d{2})?\d{6}[-+\u2010\u2011\u2013 \u00a0]?\d{4}(?![\d\-\u2010\u2011])/g;

/** The Luhn check digit test on 10 digits: a cheap first filter before the library's full check. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}

/** The candidate in the library's form: YYMMDD-XXXX, YYMMDD+XXXX or YYYYMMDD-XXXX. */
function canonical(written: string): string {
  const digits = written.replace(/\D/g, '');
  const split = digits.length - 4;
  return `${digits.slice(0, split)}${written.includes('+') ? '+' : '-'}${digits.slice(split)}`;
}

export interface Found {
  /** Offset in the text. */
  index: number;
  /** As written. */
  text: string;
}

/** Every personnummer or samordningsnummer in `text`, in order. */
export function findPersonnummer(text: string): Found[] {
  return [...text.matchAll(candidate)]
    .filter((m) => luhn(m[0].replace(/\D/g, '').slice(-10)) && Personnummer.valid(canonical(m[0])))
    .map((m) => ({ index: m.index, text: m[0] }));
}
