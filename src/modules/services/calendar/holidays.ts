/**
 * Default public holidays of a year and the administrator's overrides.
 *
 * Labour Code 2019 (Law 45/2019/QH14):
 * - Art. 112 cl. 1: 1/1 (one day); Tết Âm lịch (five days); 30/4 (one day); 1/5 (one day); Quốc khánh
 *   2/9 plus one day before or after it (two days); Hùng Kings' commemoration 10/3 lunar (one day).
 * - Art. 112 cl. 3: each year the Prime Minister decides the actual days of Tết and of the day next to 2/9,
 *   so both are parameters here, and the published decision goes into the override table.
 * - Art. 111 cl. 3: when the weekly rest day coincides with a holiday of Art. 112 cl. 1, the worker takes
 *   the rest day on the next working day ("nghỉ bù") — the compensatory days generated below.
 * Years 2013–2020 follow Labour Code 2012 (Law 10/2012/QH13) Art. 115: the same days except that Quốc
 * khánh is 2/9 alone, with the same compensation rule (Art. 115 cl. 3). Earlier years are refused.
 * Weekly rest days of the civil service are Saturday and Sunday (Decision 188/1999/QĐ-TTg, 40-hour week).
 */
import { ValidationError } from "../../../platform/errors.ts";
import { addDays, dayOfWeek, type IsoDate, isValidIsoDate } from "./dates.ts";
import { findLunarNewYear, fromLunarDate } from "./lunar.ts";

export type LocalizedName = { vi: string; en: string };

/** holiday: Art. 112 cl. 1; compensatory: Art. 111 cl. 3; swapped: a working day moved by a decision. */
export type HolidayKind = "holiday" | "compensatory" | "swapped";

export type PublicHoliday = { date: IsoDate; name: LocalizedName; kind: HolidayKind };

/** A weekend day declared a working day (the other half of a swap, e.g. "đi làm bù thứ Bảy"). */
export type WorkingDayOverride = { date: IsoDate; name: LocalizedName };

/**
 * The day next to 2/9: "before" = 1/9, "after" = 3/9, "auto" = the one that joins the weekend, as the
 * government has done since 2021: 2021 (Thu) 3/9, 2022 (Fri) 1/9, 2023 (Sat) 1/9, 2024 (Mon) 3/9,
 * 2025 (Tue) 1/9. A Wednesday touches no weekend: "auto" then takes 1/9 (unverified for 2026).
 */
export type NationalDayAdjacentDay = "before" | "after" | "auto";

export type HolidayRules = {
  /** Tết days taken before the lunar New Year's day, 0–4 (default 1: 29 or 30 tháng Chạp, then 1–4). */
  tetDaysBeforeNewYear?: number;
  nationalDayAdjacentDay?: NationalDayAdjacentDay;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weekendDays?: readonly number[];
};

export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 0];
const TET_LENGTH_DAYS = 5;

const NAMES = {
  newYear: { vi: "Tết Dương lịch", en: "New Year's Day" },
  tet: { vi: "Tết Âm lịch", en: "Lunar New Year (Tết)" },
  hungKings: { vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: "Ngày Chiến thắng (30/4)", en: "Reunification Day" },
  labour: { vi: "Ngày Quốc tế Lao động (1/5)", en: "International Labour Day" },
  nationalDay: { vi: "Quốc khánh (2/9)", en: "National Day" },
  nationalDayAdjacent: { vi: "Quốc khánh (ngày liền kề)", en: "National Day (adjacent day)" },
} satisfies Record<string, LocalizedName>;

function chooseNationalDayAdjacent(year: number, choice: NationalDayAdjacentDay): IsoDate {
  if (choice === "before") return `${year}-09-01`;
  if (choice === "after") return `${year}-09-03`;
  // Monday and Thursday reach the weekend forwards through 3/9 (Tue, Fri); Sunday through Monday 3/9.
  const weekday = dayOfWeek(`${year}-09-02`);
  return weekday === 1 || weekday === 4 || weekday === 0 ? `${year}-09-03` : `${year}-09-01`;
}

function listStatutoryHolidays(year: number, rules: HolidayRules): PublicHoliday[] {
  const daysBefore = rules.tetDaysBeforeNewYear ?? 1;
  if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > TET_LENGTH_DAYS - 1) {
    throw new ValidationError([{ field: "tetDaysBeforeNewYear", messageKey: "calendar.invalidTetDays" }]);
  }
  const holiday = (date: IsoDate, name: LocalizedName): PublicHoliday => ({ date, name, kind: "holiday" });
  const tetFirstDay = addDays(findLunarNewYear(year), -daysBefore);
  const hungKings = fromLunarDate({ day: 10, month: 3, year, isLeapMonth: false })!;
  // Labour Code 2019 took effect on 2021-01-01; until then 2/9 was a single day.
  const nationalDayAdjacent =
    year >= 2021
      ? [
          holiday(
            chooseNationalDayAdjacent(year, rules.nationalDayAdjacentDay ?? "auto"),
            NAMES.nationalDayAdjacent,
          ),
        ]
      : [];
  return [
    holiday(`${year}-01-01`, NAMES.newYear),
    ...Array.from({ length: TET_LENGTH_DAYS }, (_, index) => holiday(addDays(tetFirstDay, index), NAMES.tet)),
    holiday(hungKings, NAMES.hungKings),
    holiday(`${year}-04-30`, NAMES.reunification),
    holiday(`${year}-05-01`, NAMES.labour),
    ...nationalDayAdjacent,
    holiday(`${year}-09-02`, NAMES.nationalDay),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** One entry per date: 10/3 lunar can meet 30/4 or 1/5, and a date is off once (see README, open points). */
function mergeSameDate(holidays: PublicHoliday[]): PublicHoliday[] {
  const byDate = new Map<IsoDate, PublicHoliday>();
  for (const entry of holidays) {
    const existing = byDate.get(entry.date);
    byDate.set(
      entry.date,
      existing
        ? {
            ...existing,
            name: {
              vi: `${existing.name.vi}; ${entry.name.vi}`,
              en: `${existing.name.en}; ${entry.name.en}`,
            },
          }
        : entry,
    );
  }
  return [...byDate.values()];
}

/**
 * The default days off of a Gregorian year: the statutory holidays and, for each one falling on a weekly
 * rest day, a compensatory day on the next day that is neither a rest day nor already off (Art. 111 cl. 3).
 */
export function generatePublicHolidays(year: number, rules: HolidayRules = {}): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 2013 || year > 2199) {
    throw new ValidationError([{ field: "year", messageKey: "calendar.yearOutOfRange" }]);
  }
  const weekendDays = new Set(rules.weekendDays ?? DEFAULT_WEEKEND_DAYS);
  const holidays = mergeSameDate(listStatutoryHolidays(year, rules));
  const taken = new Set(holidays.map((entry) => entry.date));
  const compensatory: PublicHoliday[] = [];
  for (const entry of holidays) {
    if (!weekendDays.has(dayOfWeek(entry.date))) continue;
    let date = addDays(entry.date, 1);
    while (weekendDays.has(dayOfWeek(date)) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensatory.push({
      date,
      name: { vi: `Nghỉ bù ${entry.name.vi}`, en: `Compensatory day off: ${entry.name.en}` },
      kind: "compensatory",
    });
  }
  return [...holidays, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * One row of the administrator-maintained table, applied in order over the defaults:
 * - add: a day off (e.g. the Prime Minister's extra Tết day, or the day off of a swap), replacing any
 *   default on that date;
 * - remove: a default that does not apply this year (e.g. another adjacent day to 2/9 was chosen);
 * - working-day: a weekly rest day worked instead (the other half of a swap), replacing any day off on it.
 */
export type HolidayOverride =
  | { action: "add"; date: IsoDate; name: LocalizedName; kind?: HolidayKind }
  | { action: "remove"; date: IsoDate }
  | { action: "working-day"; date: IsoDate; name: LocalizedName };

export type YearDaysOff = { daysOff: PublicHoliday[]; workingDays: WorkingDayOverride[] };

export function applyHolidayOverrides(
  defaults: readonly PublicHoliday[],
  overrides: readonly HolidayOverride[],
): YearDaysOff {
  const daysOff = new Map(defaults.map((entry) => [entry.date, entry]));
  const workingDays = new Map<IsoDate, WorkingDayOverride>();
  overrides.forEach((override, index) => {
    if (!isValidIsoDate(override.date)) {
      throw new ValidationError([{ field: `overrides.${index}.date`, messageKey: "calendar.invalidDate" }]);
    }
    if (override.action === "add") {
      workingDays.delete(override.date);
      daysOff.set(override.date, {
        date: override.date,
        name: override.name,
        kind: override.kind ?? "swapped",
      });
    } else if (override.action === "remove") {
      daysOff.delete(override.date);
    } else {
      daysOff.delete(override.date);
      workingDays.set(override.date, { date: override.date, name: override.name });
    }
  });
  const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => a.date.localeCompare(b.date);
  return { daysOff: [...daysOff.values()].sort(byDate), workingDays: [...workingDays.values()].sort(byDate) };
}
