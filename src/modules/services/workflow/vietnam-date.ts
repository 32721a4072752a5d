// Calendar dates as seen in Vietnam. A dossier received at 00:30 on 22/11 Vietnam time is dated 22/11
// even though it is still 21/11 in UTC; codes, due dates and registers all use the Vietnamese date.

export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

const partsFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function toVietnamDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
  const parts = partsFormat.formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return { year: read("year"), month: read("month"), day: read("day") };
}

export function isRealDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** "2025-11-22" (ISO calendar date), or undefined when the text is not a real date in that form. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date) ? date : undefined;
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
