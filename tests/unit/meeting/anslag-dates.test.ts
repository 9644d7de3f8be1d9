/** The tillkännagivande's dates: three weeks from the anslag (KL 13:5), moved past holidays (lag 1930:173). */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  anslagDates,
  easterSunday,
  isNonWorkingDay,
  latestPostingDay,
  periodEnd,
  swedishHolidays,
} from '../../../src/meeting/anslag-dates.js';

describe('the Swedish calendar', () => {
  it('Easter Sunday of known years', () => {
    expect(['2024', '2025', '2026', '2027', '2038', '2000'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
      '2000-04-23',
    ]);
  });

  it('the holidays of 2025, Easter-based and moving ones included', () => {
    const h = swedishHolidays(2025);
    expect(h.get('2025-04-18')).toBe('långfredagen');
    expect(h.get('2025-04-21')).toBe('annandag påsk');
    expect(h.get('2025-05-29')).toBe('Kristi himmelsfärdsdag');
    expect(h.get('2025-06-08')).toBe('pingstdagen');
    expect(h.get('2025-06-20')).toBe('midsommarafton');
    expect(h.get('2025-06-21')).toBe('midsommardagen');
    expect(h.get('2025-11-01')).toBe('alla helgons dag');
    expect(h.get('2025-12-24')).toBe('julafton');
    expect(h.get('2025-12-31')).toBe('nyårsafton');
    expect(h.size).toBe(16);
    // Midsommar 2026: afton Friday 19 June, dagen Saturday 20 June; alla helgons dag Saturday 31 October.
    const h26 = swedishHolidays(2026);
    expect(h26.get('2026-06-19')).toBe('midsommarafton');
    expect(h26.get('2026-10-31')).toBe('alla helgons dag');
  });

  it('weekdays work, weekends and holidays do not', () => {
    expect(isNonWorkingDay('2025-04-16')).toBe(false); // Wednesday
    expect(isNonWorkingDay('2025-04-19')).toBe(true); // Saturday
    expect(isNonWorkingDay('2025-04-20')).toBe(true); // Sunday
    expect(isNonWorkingDay('2025-05-01')).toBe(true); // Thursday, första maj
    expect(isNonWorkingDay('2025-06-06')).toBe(true); // Friday, nationaldagen
    expect(isNonWorkingDay('2025-01-02')).toBe(false);
  });
});

describe('the anslag dates', () => {
  it('an ordinary three weeks: same weekday three weeks on, taken down the day after', () => {
    expect(anslagDates('2025-04-16')).toEqual({
      postedOn: '2025-04-16',
      appealEnds: '2025-05-07',
      takeDownFrom: '2025-05-08',
    });
  });

  it('across a month end', () => {
    expect(anslagDates('2025-09-17')).toEqual({
      postedOn: '2025-09-17',
      appealEnds: '2025-10-08',
      takeDownFrom: '2025-10-09',
    });
  });

  it('across a year end: nyårsafton and nyårsdagen move the end to Friday 2 January', () => {
    expect(addDays('2025-12-10', 21)).toBe('2025-12-31');
    expect(anslagDates('2025-12-10')).toEqual({
      postedOn: '2025-12-10',
      appealEnds: '2026-01-02',
      takeDownFrom: '2026-01-03',
    });
  });

  it('a period ending on a Saturday ends on Monday', () => {
    expect(anslagDates('2025-04-05').appealEnds).toBe('2025-04-28'); // 26 April is a Saturday
  });

  it('Easter: a period ending on långfredagen ends on the Tuesday after annandag påsk', () => {
    expect(periodEnd('2025-04-18')).toBe('2025-04-22');
    expect(anslagDates('2025-03-28')).toEqual({
      postedOn: '2025-03-28',
      appealEnds: '2025-04-22',
      takeDownFrom: '2025-04-23',
    });
  });

  it('midsommarafton counts as a holiday (lag 1930:173)', () => {
    expect(anslagDates('2025-05-30').appealEnds).toBe('2025-06-23');
  });

  it('the anslag goes up within two days of the justering, moved past a weekend', () => {
    expect(latestPostingDay('2025-04-15')).toBe('2025-04-17');
    expect(latestPostingDay('2025-04-10')).toBe('2025-04-14'); // Saturday 12 → Monday 14
  });
});
