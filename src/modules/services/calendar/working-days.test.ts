import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "./working-days.ts";

describe("WorkingCalendar", () => {
  const calendar = createWorkingCalendar();

  it("rests on Saturdays, Sundays, holidays and compensatory days", () => {
    expect(calendar.isWorkingDay("2026-03-06")).toBe(true); // Friday
    expect(calendar.isWorkingDay("2026-03-07")).toBe(false); // Saturday
    expect(calendar.isWorkingDay("2026-03-08")).toBe(false); // Sunday
    expect(calendar.isWorkingDay("2026-02-16")).toBe(false); // 29 tháng Chạp
    expect(calendar.isWorkingDay("2026-04-27")).toBe(false); // compensatory for 10/3 lunar on a Sunday
    expect(calendar.findDayOff("2026-02-18")?.kind).toBe("holiday");
    expect(calendar.findDayOff("2026-03-07")).toBeUndefined();
  });

  it("adds working days without counting the start day, across weekends and Tết 2026", () => {
    expect(calendar.addWorkingDays("2026-03-05", 0)).toBe("2026-03-05");
    expect(calendar.addWorkingDays("2026-03-05", 3)).toBe("2026-03-10");
    expect(calendar.addWorkingDays("2026-02-12", 2)).toBe("2026-02-23");
    expect(calendar.addWorkingDays("2026-02-23", -2)).toBe("2026-02-12");
    expect(calendar.findNextWorkingDay("2026-02-13")).toBe("2026-02-23");
  });

  it("counts working days in (a, b]", () => {
    expect(calendar.workingDaysBetween("2026-02-13", "2026-02-23")).toBe(1);
    expect(calendar.workingDaysBetween("2026-03-02", "2026-03-09")).toBe(5);
    expect(calendar.workingDaysBetween("2026-03-09", "2026-03-02")).toBe(-5);
    expect(calendar.workingDaysBetween("2026-03-02", "2026-03-02")).toBe(0);
  });

  it("applies the administrator's overrides per year, including a worked Saturday", () => {
    const swapped = createWorkingCalendar({
      overrides: [
        { action: "add", date: "2025-01-27", name: { vi: "Nghỉ hoán đổi", en: "Swapped day off" } },
        { action: "working-day", date: "2025-02-08", name: { vi: "Đi làm bù", en: "Make-up working day" } },
      ],
    });
    expect(swapped.isWorkingDay("2025-01-27")).toBe(false);
    expect(swapped.isWorkingDay("2025-02-08")).toBe(true);
    expect(swapped.addWorkingDays("2025-02-07", 1)).toBe("2025-02-08");
    expect(calendar.addWorkingDays("2025-02-07", 1)).toBe("2025-02-10");
  });

  it("uses a supplied year table instead of the generated defaults", () => {
    const fromTable = createWorkingCalendar({
      getYearDaysOff: () => ({
        daysOff: [{ date: "2026-03-10", name: { vi: "x", en: "x" }, kind: "holiday" }],
        workingDays: [],
      }),
    });
    expect(fromTable.isWorkingDay("2026-02-17")).toBe(true);
    expect(fromTable.isWorkingDay("2026-03-10")).toBe(false);
  });

  it("rejects invalid weekends, dates and fractional day counts", () => {
    expect(() => createWorkingCalendar({ weekendDays: [0, 1, 2, 3, 4, 5] })).toThrow();
    expect(() => createWorkingCalendar({ weekendDays: [7] })).toThrow();
    expect(() => calendar.isWorkingDay("2026-13-01")).toThrow();
    expect(() => calendar.addWorkingDays("2026-03-05", 1.5)).toThrow();
  });
});

describe("workingDaysBetween (running counts per year)", () => {
  it("equals a walk over every day, within a year, across years and backwards", () => {
    const calendar = createWorkingCalendar({
      overrides: [
        {
          action: "add",
          date: "2026-05-04",
          name: { vi: "Nghỉ bù", en: "Day off in lieu" },
          kind: "compensatory",
        },
        { action: "working-day", date: "2026-05-09", name: { vi: "Làm bù", en: "Make-up working day" } },
      ],
    });
    const walk = (a: string, b: string) => {
      const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      let count = 0;
      const day = new Date(`${from}T00:00:00Z`);
      for (day.setUTCDate(day.getUTCDate() + 1); day.toISOString().slice(0, 10) <= to; ) {
        if (calendar.isWorkingDay(day.toISOString().slice(0, 10))) count += 1;
        day.setUTCDate(day.getUTCDate() + 1);
      }
      return sign * count;
    };
    // A deterministic spread of pairs from 2024 to 2028 (leap years, Tết, the overrides above).
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const dayOf = (n: number) =>
      new Date(Date.UTC(2024, 0, 1) + (n % 1_800) * 86_400_000).toISOString().slice(0, 10);
    for (let pair = 0; pair < 300; pair += 1) {
      const [a, b] = [dayOf(next()), dayOf(next())];
      expect(calendar.workingDaysBetween(a, b), `${a} → ${b}`).toBe(walk(a, b));
    }
    expect(calendar.workingDaysBetween("2026-05-01", "2026-05-11")).toBe(walk("2026-05-01", "2026-05-11"));
    expect(calendar.workingDaysBetween("2026-03-10", "2026-03-10")).toBe(0);
  });
});
