/**
 * Calendar dates and instants for the deadline engine. Dates are ISO `yyyy-mm-dd` strings (a civil date,
 * no time zone); instants are ISO 8601 strings that must carry an explicit offset (`Z` or `+07:00`), so a
 * server running in any time zone computes the same local date. Local time is Asia/Ho_Chi_Minh: UTC+7,
 * without daylight saving (none since 1975), so the offset is a constant and no tz database is needed.
 */
import { ValidationError } from "../../../platform/errors.ts";

/** A civil date `yyyy-mm-dd`. */
export type IsoDate = string;

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(field: string, messageKey: string): never {
  throw new ValidationError([{ field, messageKey }]);
}

/** Days since 1970-01-01 (negative before). Throws on anything but a real `yyyy-mm-dd` date. */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) invalid("date", "calendar.invalidDate");
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal; an overflowing day (02-30) shows up as a
  // different month or day after normalisation.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    invalid("date", "calendar.invalidDate");
  return Math.round(check.getTime() / DAY_MS);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * DAY_MS);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, like `Date.prototype.getDay`. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isValidIsoDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Epoch milliseconds of an ISO instant; rejects instants without an explicit offset. */
export function parseInstant(instant: string, field = "instant"): number {
  if (!ISO_INSTANT_WITH_OFFSET.test(instant)) invalid(field, "calendar.instantNeedsOffset");
  const time = Date.parse(instant);
  if (Number.isNaN(time)) invalid(field, "calendar.invalidInstant");
  return time;
}

/** The Vietnamese civil date and the minutes since local midnight of an instant. */
export function toLocalDateTime(epochMs: number): { date: IsoDate; minuteOfDay: number } {
  const localMs = epochMs + VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
  const dayNumber = Math.floor(localMs / DAY_MS);
  return {
    date: fromDayNumber(dayNumber),
    minuteOfDay: Math.floor((localMs - dayNumber * DAY_MS) / MINUTE_MS),
  };
}

/** Epoch milliseconds of local (UTC+7) midnight starting `date`. */
export function startOfLocalDay(date: IsoDate): number {
  return toDayNumber(date) * DAY_MS - VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
}

/** `2026-02-13T16:00:00+07:00`: an instant written in Vietnamese local time. */
export function formatLocalInstant(epochMs: number): string {
  const { date, minuteOfDay } = toLocalDateTime(epochMs);
  const seconds = Math.floor((((epochMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / 1000);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
  const mm = String(minuteOfDay % 60).padStart(2, "0");
  return `${date}T${hh}:${mm}:${String(seconds).padStart(2, "0")}+07:00`;
}
