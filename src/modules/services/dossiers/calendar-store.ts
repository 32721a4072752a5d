import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { executePrepared } from "../../../db/prepared.ts";
import {
  applyHolidayOverrides,
  createWorkingCalendar,
  generatePublicHolidays,
  type WorkingCalendar,
} from "../calendar/index.ts";
import { holidays, serviceSettings } from "../schema.ts";
import { compileDossierCodePattern, NATIONAL_PORTAL_PATTERN } from "../workflow/index.ts";

/**
 * The province's working calendar: for a year with rows in the administrator's holiday table, exactly those
 * rows (days off, and weekend days worked instead); for a year without rows, the generated defaults. Loaded per
 * use: the table is a few rows a year, and an edit must count from the next action on.
 */
export async function loadWorkingCalendar(db: Executor, provinceId: number): Promise<WorkingCalendar> {
  const rows = await executePrepared<HolidayRow>(
    db,
    "calendar",
    sql`select date::text as date, name, name_en as "nameEn", kind from ${holidays} where province_id = ${provinceId}::int`,
  );
  return workingCalendarFromRows(provinceId, rows);
}

/** A row of the holiday table as the calendar reads it. */
export type HolidayRow = { date: string; name: string; nameEn: string; kind: string };

/** The calendar of a province's holiday rows (read by the caller, e.g. with other data in one statement). */
export function workingCalendarFromRows(provinceId: number, rows: readonly HolidayRow[]): WorkingCalendar {
  // The calendar is rebuilt only when the table's rows differ: a built one keeps the years it has worked out
  // (generated holidays, running counts), which an inbox page would otherwise redo on every request.
  const key = `${provinceId}|${rows
    .map((row) => `${row.date}:${row.kind}:${row.name}:${row.nameEn}`)
    .sort()
    .join("|")}`;
  const cached = builtCalendars.get(key);
  if (cached) return cached;
  const calendar = buildCalendar(rows);
  builtCalendars.set(key, calendar);
  if (builtCalendars.size > MAX_BUILT_CALENDARS) builtCalendars.delete(builtCalendars.keys().next().value!);
  return calendar;
}

const MAX_BUILT_CALENDARS = 64;
const builtCalendars = new Map<string, WorkingCalendar>();

function buildCalendar(rows: readonly HolidayRow[]): WorkingCalendar {
  const byYear = new Map<number, HolidayRow[]>();
  for (const row of rows) {
    const year = Number(row.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), row]);
  }
  return createWorkingCalendar({
    getYearDaysOff: (year) => {
      const yearRows = byYear.get(year);
      if (!yearRows) return applyHolidayOverrides(generatePublicHolidays(year), []);
      const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
      return {
        daysOff: yearRows
          .filter((row) => row.kind !== "working-day")
          .map((row) => ({
            date: row.date,
            name: { vi: row.name, en: row.nameEn },
            kind: row.kind as "holiday" | "compensatory" | "swapped",
          }))
          .sort(byDate),
        workingDays: yearRows
          .filter((row) => row.kind === "working-day")
          .map((row) => ({ date: row.date, name: { vi: row.name, en: row.nameEn } }))
          .sort(byDate),
      };
    },
  });
}

export type ServiceSettings = {
  agencyCode: string;
  codePattern: string;
  cutOffTime: string;
  isDefault: boolean;
};

/**
 * The province's one-stop settings. Until an administrator saves them, the agency code is a placeholder
 * that differs per province (codes are unique across the installation) and the settings page says so.
 */
export async function getServiceSettings(db: Executor, provinceId: number): Promise<ServiceSettings> {
  const [row] = await db.select().from(serviceSettings).where(eq(serviceSettings.provinceId, provinceId));
  if (row) return { ...row, isDefault: false };
  return {
    agencyCode: `000.00.00.H${String(provinceId % 100).padStart(2, "0")}`,
    codePattern: NATIONAL_PORTAL_PATTERN,
    cutOffTime: "16:00",
    isDefault: true,
  };
}

export function compileSettingsPattern(settings: ServiceSettings) {
  return compileDossierCodePattern(settings.codePattern);
}
