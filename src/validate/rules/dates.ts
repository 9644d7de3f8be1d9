/** Dates must be real calendar dates; MBL cannot happen after the memo is dated. */
import { placeholderDate } from '../../case/skeleton.js';
import type { Rule } from '../rule.js';

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const dateInvalid: Rule = {
  severity: 'fel',
  description: 'Datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern.',
  check: (ctx) => {
    const data = ctx.data;
    if (!data) return [];
    const dates: { value: string; path: (string | number)[] }[] = [];
    // A kind may do without a date (a rapport): then an empty `datum` means none was written.
    const dateless = data.datum === '' && ctx.kind?.keys.datum === 'valfri';
    if (data.datum !== undefined && !dateless) dates.push({ value: data.datum, path: ['datum'] });
    if (Array.isArray(data.mbl)) {
      data.mbl.forEach((m, i) => {
        if (m.datum !== undefined) dates.push({ value: m.datum, path: ['mbl', i, 'datum'] });
      });
    } else if (data.mbl?.datum !== undefined) {
      dates.push({ value: data.mbl.datum, path: ['mbl', 'datum'] });
    }
    return (
      dates
        .filter((d) => !isRealDate(d.value))
        // The placeholder of `skrivelse new` is reported by rule placeholder, as a placeholder.
        .filter((d) => d.value !== placeholderDate)
        .map((d) => ({
          message: /^\d{4}-\d{2}-\d{2}$/.test(d.value)
            ? `Datumet ${d.value} finns inte i kalendern.`
            : `"${d.value}" är inget datum på formen ÅÅÅÅ-MM-DD.`,
          hint: 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2023-08-30.',
          position: ctx.locate(d.path),
          field: d.path.join('.'),
        }))
    );
  },
};

export const mblDateAfterMemo: Rule = {
  severity: 'fel',
  description: 'MBL-information eller förhandling kan inte vara daterad efter skrivelsen.',
  check: (ctx) => {
    const date = ctx.draft?.date;
    if (date === undefined || !isRealDate(date)) return [];
    return (ctx.draft?.mbl ?? [])
      .filter((m) => m.date !== undefined && isRealDate(m.date) && m.date > date)
      .map((m) => ({
        message: `MBL-datumet ${m.date} ligger efter skrivelsens datum ${date}.`,
        hint: 'MBL ska vara genomförd när skrivelsen skrivs. Kontrollera båda datumen.',
        position: m.position,
      }));
  },
};
