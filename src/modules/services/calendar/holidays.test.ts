import { describe, expect, it } from "vitest";
import { applyHolidayOverrides, generatePublicHolidays, type PublicHoliday } from "./holidays.ts";

const datesOf = (holidays: readonly PublicHoliday[], kind?: PublicHoliday["kind"]) =>
  holidays.filter((entry) => kind === undefined || entry.kind === kind).map((entry) => entry.date);

describe("default public holidays (Labour Code 2019 Art. 111–112)", () => {
  it("2026: Tết 16–20/02 (29 tháng Chạp to mùng 4), Hùng Kings on Sunday 26/04 compensated on Monday 27/04", () => {
    const holidays = generatePublicHolidays(2026);
    expect(datesOf(holidays)).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ]);
    expect(holidays.find((entry) => entry.date === "2026-04-27")).toEqual({
      date: "2026-04-27",
      name: {
        vi: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
        en: "Compensatory day off: Hùng Kings' Commemoration Day",
      },
      kind: "compensatory",
    });
    expect(holidays.find((entry) => entry.date === "2026-02-17")?.name).toEqual({
      vi: "Tết Âm lịch",
      en: "Lunar New Year (Tết)",
    });
  });

  it("2025: Tết 28/01–01/02 with Saturday 01/02 compensated on Monday 03/02; 2/9 (Tue) with 1/9 (Mon)", () => {
    const holidays = generatePublicHolidays(2025);
    expect(datesOf(holidays, "holiday")).toEqual([
      "2025-01-01",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-04-07",
      "2025-04-30",
      "2025-05-01",
      "2025-09-01",
      "2025-09-02",
    ]);
    expect(datesOf(holidays, "compensatory")).toEqual(["2025-02-03"]);
  });

  it("compensates 30/4/2028 (Sunday) on Tuesday 2/5, after the 1/5 holiday on Monday", () => {
    const holidays = generatePublicHolidays(2028);
    expect(datesOf(holidays).filter((date) => date >= "2028-04-29" && date <= "2028-05-05")).toEqual([
      "2028-04-30",
      "2028-05-01",
      "2028-05-02",
    ]);
    expect(holidays.find((entry) => entry.date === "2028-05-02")?.kind).toBe("compensatory");
  });

  it("reproduces the published 2022 calendar: 1/1 on Saturday, 10/3 lunar on Sunday, 30/4 and 1/5 on a weekend", () => {
    expect(datesOf(generatePublicHolidays(2022), "compensatory")).toEqual([
      "2022-01-03",
      "2022-04-11",
      "2022-05-02",
      "2022-05-03",
    ]);
  });

  it("reproduces 2023's Tết (20–26/01) when two days are taken before the new year, and 1–4/9", () => {
    const holidays = generatePublicHolidays(2023, { tetDaysBeforeNewYear: 2 });
    expect(datesOf(holidays).filter((date) => date.startsWith("2023-01-2"))).toEqual([
      "2023-01-20",
      "2023-01-21",
      "2023-01-22",
      "2023-01-23",
      "2023-01-24",
      "2023-01-25",
      "2023-01-26",
    ]);
    expect(datesOf(holidays).filter((date) => date.startsWith("2023-09"))).toEqual([
      "2023-09-01",
      "2023-09-02",
      "2023-09-04",
    ]);
  });

  it("2027: Tết 05–09/02 spans a weekend and is compensated on 10 and 11/02", () => {
    expect(datesOf(generatePublicHolidays(2027)).filter((date) => date.startsWith("2027-02"))).toEqual([
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
      "2027-02-11",
    ]);
  });

  it("picks the day next to 2/9 by parameter; 'auto' joins the weekend (2021 Thu → 3/9, 2024 Mon → 3/9)", () => {
    const septemberOf = (year: number, choice?: "before" | "after" | "auto") =>
      datesOf(generatePublicHolidays(year, { nationalDayAdjacentDay: choice })).filter((date) =>
        date.startsWith(`${year}-09`),
      );
    expect(septemberOf(2021)).toEqual(["2021-09-02", "2021-09-03"]);
    expect(septemberOf(2024)).toEqual(["2024-09-02", "2024-09-03"]);
    expect(septemberOf(2026, "after")).toEqual(["2026-09-02", "2026-09-03"]);
    expect(septemberOf(2025, "before")).toEqual(["2025-09-01", "2025-09-02"]);
  });

  it("uses Labour Code 2012 before 2021: 2/9/2020 (Wednesday) is a single day off", () => {
    const holidays = generatePublicHolidays(2020);
    expect(datesOf(holidays).filter((date) => date.startsWith("2020-09"))).toEqual(["2020-09-02"]);
    // Default rule for Tết 2020: 24–28/01 (30 tháng Chạp to mùng 4), the weekend compensated on 29–30/01.
    expect(datesOf(holidays).filter((date) => date.startsWith("2020-01-2") || date === "2020-01-30")).toEqual(
      ["2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28", "2020-01-29", "2020-01-30"],
    );
    // The 2020 decision took two days before the new year: 23–29/01.
    const decided = generatePublicHolidays(2020, { tetDaysBeforeNewYear: 2 });
    expect(datesOf(decided).filter((date) => date >= "2020-01-20" && date <= "2020-01-31")).toEqual([
      "2020-01-23",
      "2020-01-24",
      "2020-01-25",
      "2020-01-26",
      "2020-01-27",
      "2020-01-28",
      "2020-01-29",
    ]);
    expect(() => generatePublicHolidays(2012)).toThrow();
  });

  it("refuses a Tết split that would not keep five days around the new year", () => {
    expect(() => generatePublicHolidays(2026, { tetDaysBeforeNewYear: 5 })).toThrow();
    expect(() => generatePublicHolidays(2026, { tetDaysBeforeNewYear: -1 })).toThrow();
  });
});

describe("administrator overrides", () => {
  it("applies the 2025 Tết swap: Monday 27/01 off, Saturday 08/02 worked; removes and adds days", () => {
    const result = applyHolidayOverrides(generatePublicHolidays(2025), [
      { action: "add", date: "2025-01-27", name: { vi: "Nghỉ hoán đổi", en: "Swapped day off" } },
      { action: "working-day", date: "2025-02-08", name: { vi: "Đi làm bù", en: "Make-up working day" } },
      { action: "remove", date: "2025-02-03" },
    ]);
    expect(result.daysOff.find((entry) => entry.date === "2025-01-27")?.kind).toBe("swapped");
    expect(datesOf(result.daysOff)).not.toContain("2025-02-03");
    expect(result.workingDays).toEqual([
      { date: "2025-02-08", name: { vi: "Đi làm bù", en: "Make-up working day" } },
    ]);
  });

  it("lets a working-day override cancel a generated day off and a later add restore it", () => {
    const defaults = generatePublicHolidays(2026);
    const name = { vi: "x", en: "x" };
    const cancelled = applyHolidayOverrides(defaults, [{ action: "working-day", date: "2026-09-01", name }]);
    expect(datesOf(cancelled.daysOff)).not.toContain("2026-09-01");
    const restored = applyHolidayOverrides(defaults, [
      { action: "working-day", date: "2026-09-01", name },
      { action: "add", date: "2026-09-01", name, kind: "holiday" },
    ]);
    expect(datesOf(restored.daysOff)).toContain("2026-09-01");
    expect(restored.workingDays).toEqual([]);
  });

  it("rejects an override with an impossible date", () => {
    expect(() => applyHolidayOverrides([], [{ action: "remove", date: "2026-02-30" }])).toThrow();
  });
});
