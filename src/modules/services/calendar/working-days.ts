/**
 * Working days: every day except the weekly rest days and the days off of the year, plus the weekend days
 * an override turned into working days. Processing times of administrative procedures are counted in
 * working days ("ngày làm việc"), so every deadline goes through this calendar.
 */
import { ValidationError } from "../../../platform/errors.ts";
import { addDays, dayOfWeek, fromDayNumber, type IsoDate, toDayNumber } from "./dates.ts";
import {
  applyHolidayOverrides,
  DEFAULT_WEEKEND_DAYS,
  generatePublicHolidays,
  type HolidayOverride,
  type HolidayRules,
  type PublicHoliday,
  type YearDaysOff,
} from "./holidays.ts";

export type WorkingCalendar = {
  isWorkingDay(date: IsoDate): boolean;
  /** The day off on a date (holiday, compensatory or swapped), if any; weekends are not listed. */
  findDayOff(date: IsoDate): PublicHoliday | undefined;
  listDaysOff(year: number): readonly PublicHoliday[];
  /** The first working day strictly after `date`. */
  findNextWorkingDay(date: IsoDate): IsoDate;
  /**
   * The date `n` working days after `start`, the start day itself not counted (Civil Code 2015 Art. 147
   * cl. 2): n = 0 gives `start`, n = 1 the next working day. Negative n counts backwards.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /** Working days d with a < d ≤ b (negative when b is before a). */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
};

export type WorkingCalendarOptions = {
  weekendDays?: readonly number[];
  /** Rules of the generated defaults (Tết split, the day next to 2/9). */
  holidayRules?: HolidayRules;
  /** The administrator's table, all years together; each year's rows apply to that year's defaults. */
  overrides?: readonly HolidayOverride[];
  /** Replaces defaults and overrides entirely (e.g. a table loaded from the database). */
  getYearDaysOff?: (year: number) => YearDaysOff;
};

/** Longest run of non-working days we accept before assuming a misconfigured calendar. */
const MAX_CONSECUTIVE_DAYS_OFF = 60;

const DAY_MS = 86_400_000;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const weekendDays = new Set(options.weekendDays ?? DEFAULT_WEEKEND_DAYS);
  if ([...weekendDays].some((day) => !Number.isInteger(day) || day < 0 || day > 6) || weekendDays.size > 5) {
    throw new ValidationError([{ field: "weekendDays", messageKey: "calendar.invalidWeekendDays" }]);
  }
  const rules: HolidayRules = { ...options.holidayRules, weekendDays: [...weekendDays] };
  const overrides = options.overrides ?? [];
  const getYearDaysOff =
    options.getYearDaysOff ??
    ((year: number) =>
      applyHolidayOverrides(
        generatePublicHolidays(year, rules),
        overrides.filter((row) => row.date.startsWith(`${year}-`)),
      ));

  const years = new Map<number, { daysOff: Map<IsoDate, PublicHoliday>; workingDays: Set<IsoDate> }>();
  function loadYear(year: number) {
    let loaded = years.get(year);
    if (!loaded) {
      const { daysOff, workingDays } = getYearDaysOff(year);
      loaded = {
        daysOff: new Map(daysOff.map((entry) => [entry.date, entry])),
        workingDays: new Set(workingDays.map((entry) => entry.date)),
      };
      years.set(year, loaded);
    }
    return loaded;
  }

  const findDayOff = (date: IsoDate) => loadYear(Number(date.slice(0, 4))).daysOff.get(date);
  function isWorkingDay(date: IsoDate): boolean {
    toDayNumber(date); // validates
    const year = loadYear(Number(date.slice(0, 4)));
    if (year.daysOff.has(date)) return false;
    return year.workingDays.has(date) || !weekendDays.has(dayOfWeek(date));
  }

  function step(date: IsoDate, direction: 1 | -1): IsoDate {
    let next = addDays(date, direction);
    for (let guard = 0; !isWorkingDay(next); guard += 1) {
      if (guard > MAX_CONSECUTIVE_DAYS_OFF) {
        throw new ValidationError([{ field: "calendar", messageKey: "calendar.noWorkingDayFound" }]);
      }
      next = addDays(next, direction);
    }
    return next;
  }

  function addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n))
      throw new ValidationError([{ field: "n", messageKey: "calendar.notWholeDays" }]);
    toDayNumber(start);
    let date = start;
    for (let counted = 0; counted < Math.abs(n); counted += 1) date = step(date, n > 0 ? 1 : -1);
    return date;
  }

  // Per year: the running count of working days from 1 January (index 0) to each day, so that the days between
  // two dates cost two lookups, not a walk over every day (an inbox page asks it for 25 dossiers, some of them
  // months overdue).
  const cumulative = new Map<number, { start: number; counts: Uint16Array }>();
  function yearCounts(year: number) {
    let entry = cumulative.get(year);
    if (!entry) {
      const start = toDayNumber(`${String(year).padStart(4, "0")}-01-01`);
      const length = toDayNumber(`${String(year + 1).padStart(4, "0")}-01-01`) - start;
      const counts = new Uint16Array(length);
      let running = 0;
      for (let index = 0; index < length; index += 1) {
        if (isWorkingDay(fromDayNumber(start + index))) running += 1;
        counts[index] = running;
      }
      entry = { start, counts };
      cumulative.set(year, entry);
    }
    return entry;
  }
  const yearOf = (dayNumber: number) => new Date(dayNumber * DAY_MS).getUTCFullYear();
  /** Working days from 1 January of the day's year through the day. */
  function throughDay(dayNumber: number): number {
    const { start, counts } = yearCounts(yearOf(dayNumber));
    return counts[dayNumber - start]!;
  }
  const yearTotal = (year: number) => yearCounts(year).counts.at(-1)!;

  function workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const [dayA, dayB] = [toDayNumber(a), toDayNumber(b)];
    const [from, to, sign] = dayA <= dayB ? [dayA, dayB, 1] : [dayB, dayA, -1];
    // Working days in (from, to].
    const [fromYear, toYear] = [yearOf(from), yearOf(to)];
    let count = throughDay(to) - throughDay(from);
    for (let year = fromYear; year < toYear; year += 1) count += yearTotal(year);
    return sign * count;
  }

  return {
    isWorkingDay,
    findDayOff,
    listDaysOff: (year) => [...loadYear(year).daysOff.values()],
    findNextWorkingDay: (date) => step(date, 1),
    addWorkingDays,
    workingDaysBetween,
  };
}
