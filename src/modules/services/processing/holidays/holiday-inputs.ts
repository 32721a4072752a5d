import { z } from "zod";
import { requiredText, vietnameseDate } from "../../../../platform/validation.ts";
import type { holidays } from "../../schema.ts";

export type HolidayRow = typeof holidays.$inferSelect;
export const HOLIDAY_KINDS = ["holiday", "compensatory", "swapped", "working-day"] as const;
export type HolidayTableKind = (typeof HOLIDAY_KINDS)[number];

/** The years the calendar can generate (calendar/holidays.ts refuses the others). */
export const FIRST_HOLIDAY_YEAR = 2013;
export const LAST_HOLIDAY_YEAR = 2199;

export const HolidayYearInput = z.object({
  year: z.coerce
    .number("services.processing.holidays.validation.year")
    .int("services.processing.holidays.validation.year")
    .min(FIRST_HOLIDAY_YEAR, "services.processing.holidays.validation.year")
    .max(LAST_HOLIDAY_YEAR, "services.processing.holidays.validation.year"),
});

/** One row of the table as typed in the form: the date as dd/MM/yyyy, both names, the kind. */
export const HolidayRowInput = z.object({
  date: vietnameseDate,
  name: requiredText(200),
  nameEn: requiredText(200),
  kind: z.enum(HOLIDAY_KINDS, "services.processing.holidays.validation.kind"),
});
export type HolidayRowInput = z.output<typeof HolidayRowInput>;

/** The year shown when the page is opened without one, or with a year the calendar cannot handle. */
export function readHolidayYear(raw: unknown, fallback: number): number {
  const parsed = HolidayYearInput.safeParse({ year: raw });
  return parsed.success ? parsed.data.year : fallback;
}
