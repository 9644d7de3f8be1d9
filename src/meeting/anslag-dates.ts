/**
 * The dates of a tillkännagivande (anslag) of a justerat protokoll, computed from ISO dates only (no clock).
 *
 * - Kommunallagen (2017:725) 8 kap. 12 §: the justering is announced on the kommun's anslagstavla within
 *   two days after the justering.
 * - Kommunallagen 13 kap. 5 §: an överklagande (laglighetsprövning) must have come in within three weeks
 *   from the day the anslag went up; the anslag may be taken down at the earliest the day after that
 *   period has ended.
 * - Lag (1930:173) om beräkning av lagstadgad tid, 2 §: when the last day of such a period is a Saturday,
 *   a Sunday or another allmän helgdag, or midsommarafton, julafton or nyårsafton, the period ends on the
 *   next weekday that is none of these.
 * - The allmänna helgdagar are those of lag (1989:253) om allmänna helgdagar.
 */

/** "2025-04-16" + n days, in the proleptic Gregorian calendar (UTC, so no daylight-saving gaps). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

const iso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first day from `from` (inclusive) that falls on `wd` (0 = Sunday … 6 = Saturday). */
function firstWeekdayFrom(from: string, wd: number): string {
  return addDays(from, (wd - weekday(from) + 7) % 7);
}

/**
 * The days that end a period as a holiday does under lag (1930:173): the allmänna helgdagar of the year
 * (lag 1989:253) and midsommarafton, julafton and nyårsafton, by ISO date with their Swedish names.
 * Sundays and Saturdays are not listed (every one of them counts).
 */
export function swedishHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayFrom(iso(year, 6, 20), 6);
  const days: [string, string][] = [
    [iso(year, 1, 1), 'nyårsdagen'],
    [iso(year, 1, 6), 'trettondedag jul'],
    [addDays(easter, -2), 'långfredagen'],
    [easter, 'påskdagen'],
    [addDays(easter, 1), 'annandag påsk'],
    [iso(year, 5, 1), 'första maj'],
    [addDays(easter, 39), 'Kristi himmelsfärdsdag'],
    [addDays(easter, 49), 'pingstdagen'],
    [iso(year, 6, 6), 'Sveriges nationaldag'],
    [addDays(midsummerDay, -1), 'midsommarafton'],
    [midsummerDay, 'midsommardagen'],
    [firstWeekdayFrom(iso(year, 10, 31), 6), 'alla helgons dag'],
    [iso(year, 12, 24), 'julafton'],
    [iso(year, 12, 25), 'juldagen'],
    [iso(year, 12, 26), 'annandag jul'],
    [iso(year, 12, 31), 'nyårsafton'],
  ];
  return new Map(days);
}

/** Saturday, Sunday, an allmän helgdag or one of the three aftnar: a period cannot end on it. */
export function isNonWorkingDay(date: string): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6 || swedishHolidays(Number(date.slice(0, 4))).has(date);
}

/** `date` itself when a period may end on it, otherwise the next day that may (lag 1930:173 2 §). */
export function periodEnd(date: string): string {
  let day = date;
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export interface AnslagDates {
  /** The day the anslag goes up. */
  postedOn: string;
  /** The last day of the three weeks for an överklagande (moved past holidays). */
  appealEnds: string;
  /** The day after `appealEnds`: the earliest the anslag may be taken down. */
  takeDownFrom: string;
}

/** Three weeks from the day the anslag went up (KL 13 kap. 5 §), ending on a weekday (lag 1930:173). */
export function anslagDates(postedOn: string): AnslagDates {
  const appealEnds = periodEnd(addDays(postedOn, 21));
  return { postedOn, appealEnds, takeDownFrom: addDays(appealEnds, 1) };
}

/** The last day the anslag should go up: two days after the justering (KL 8 kap. 12 §), ending on a weekday. */
export function latestPostingDay(adjustedOn: string): string {
  return periodEnd(addDays(adjustedOn, 2));
}
