import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { findLeapMonth, findLunarNewYear, fromLunarDate, toLunarDate } from "./lunar.ts";

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it.each([
    [1968, "1968-01-29"], // first Tết on the UTC+7 calendar (the South and China kept 1968-01-30)
    [1985, "1985-01-21"], // the Chinese (UTC+8) calendar gives 1985-02-20
    [2007, "2007-02-17"], // the Chinese calendar gives 2007-02-18
    [2020, "2020-01-25"],
    [2021, "2021-02-12"],
    [2022, "2022-02-01"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2028, "2028-01-26"],
    [2029, "2029-02-13"],
    // New moon 2030-02-02 23:07 in UTC+7, 00:07 on 02-03 in UTC+8: China's New Year is 2030-02-03.
    [2030, "2030-02-02"],
  ])("Tết of lunar year %i falls on %s", (year, date) => {
    expect(findLunarNewYear(year)).toBe(date);
    expect(toLunarDate(date)).toEqual({ day: 1, month: 1, year, isLeapMonth: false });
  });

  it.each([
    [2023, "2023-04-29"],
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ])("Hùng Kings' commemoration (10/3 lunar) of %i falls on %s", (year, date) => {
    expect(fromLunarDate({ day: 10, month: 3, year, isLeapMonth: false })).toBe(date);
  });

  it("finds the leap months: 4 in 2020, 2 in 2023, 6 in 2025, none in 2024 and 2026", () => {
    expect(findLeapMonth(2020)).toBe(4);
    expect(findLeapMonth(2023)).toBe(2);
    expect(findLeapMonth(2025)).toBe(6);
    expect(findLeapMonth(2024)).toBeUndefined();
    expect(findLeapMonth(2026)).toBeUndefined();
  });

  it("places leap month 2 of 2023 from 2023-03-22 and leap month 6 of 2025 from 2025-07-25", () => {
    expect(toLunarDate("2023-02-20")).toEqual({ day: 1, month: 2, year: 2023, isLeapMonth: false });
    expect(toLunarDate("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, isLeapMonth: true });
    expect(toLunarDate("2023-04-20")).toEqual({ day: 1, month: 3, year: 2023, isLeapMonth: false });
    expect(fromLunarDate({ day: 1, month: 6, year: 2025, isLeapMonth: true })).toBe("2025-07-25");
    expect(fromLunarDate({ day: 1, month: 6, year: 2025, isLeapMonth: false })).toBe("2025-06-25");
    expect(fromLunarDate({ day: 1, month: 7, year: 2025, isLeapMonth: false })).toBe("2025-08-23");
  });

  it("refuses lunar dates that do not exist", () => {
    expect(fromLunarDate({ day: 1, month: 3, year: 2025, isLeapMonth: true })).toBeUndefined();
    expect(fromLunarDate({ day: 1, month: 6, year: 2024, isLeapMonth: true })).toBeUndefined();
    expect(fromLunarDate({ day: 31, month: 1, year: 2025, isLeapMonth: false })).toBeUndefined();
    // Lunar month 12 of Ất Tỵ (2025) has 29 days: Tết 2026 follows 29/12.
    expect(toLunarDate("2026-02-16")).toEqual({ day: 29, month: 12, year: 2025, isLeapMonth: false });
    expect(fromLunarDate({ day: 30, month: 12, year: 2025, isLeapMonth: false })).toBeUndefined();
  });

  it("never yields a day 0 when a new moon falls just after local midnight (2054-05-08 00:02)", () => {
    expect(toLunarDate("2054-05-07")).toEqual({ day: 30, month: 3, year: 2054, isLeapMonth: false });
    expect(toLunarDate("2054-05-08")).toEqual({ day: 1, month: 4, year: 2054, isLeapMonth: false });
  });

  it("round-trips every day from 1995 to 2050, each day one after the last", () => {
    let date = "1995-01-01";
    let previous = toLunarDate(addDays(date, -1));
    while (date <= "2050-12-31") {
      const lunar = toLunarDate(date);
      expect(fromLunarDate(lunar)).toBe(date);
      // Consecutive days advance the lunar day by one, or start a new month on day 1.
      if (lunar.day !== 1) expect(lunar.day).toBe(previous.day + 1);
      else expect(previous.day === 29 || previous.day === 30).toBe(true);
      previous = lunar;
      date = addDays(date, 1);
    }
  });
});
