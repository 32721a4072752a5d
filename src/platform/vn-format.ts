// The one place where Vietnamese number, money and date formats live. Views, exports and imports call
// these instead of Intl or toLocaleString so every page, PDF and spreadsheet prints amounts the same way.
//
// Conventions (TCVN / state document practice): "." groups thousands, "," marks decimals; plan tables
// print money in triệu đồng; dates are dd/MM/yyyy in Vietnam time (UTC+7, no daylight saving).

import { MILLION_FRACTION_DIGITS } from "./vn-number-parse.ts";

export { amountInWords, amountWordsMatch } from "./amount-in-words.ts";
export { parseAmountToDong, parseVietnameseNumber } from "./vn-number-parse.ts";

const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const DONG_PER_MILLION = 1_000_000n;

// U+00A0 NO-BREAK SPACE keeps "₫" on the same line as its number; Intl's vi-VN currency format uses it too.
const SPACE_BEFORE_CURRENCY = "\u00a0";

export type FormatNumberOptions = { maximumFractionDigits?: number; minimumFractionDigits?: number };

const numberFormats = new Map<string, Intl.NumberFormat>();

function getNumberFormat(options: FormatNumberOptions): Intl.NumberFormat {
  const key = `${options.minimumFractionDigits}|${options.maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // signDisplay "negative" prints "0" rather than "-0" when a small negative rounds to zero.
    format = new Intl.NumberFormat("vi-VN", { ...options, signDisplay: "negative" });
    numberFormats.set(key, format);
  }
  return format;
}

/** "1.234.567", "2.224,5", "-12". A bigint is formatted exactly, never through a float. */
export function formatNumber(value: number | bigint, options: FormatNumberOptions = {}): string {
  // NaN or Infinity in a printed table is always a bug upstream; refuse it instead of printing "NaN".
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cannot format non-finite number ${value}`);
  }
  // Whole numbers without options (counts, totals, đồng) are grouped by hand as vi-VN does: Intl's format costs
  // ~0.7 µs a call, and list pages print dozens.
  if (options.minimumFractionDigits === undefined && options.maximumFractionDigits === undefined) {
    if (typeof value === "bigint")
      return value < 0n ? `-${groupThousands(String(-value))}` : groupThousands(String(value));
    // -0 prints "0", like Intl with signDisplay "negative".
    if (Number.isSafeInteger(value))
      return value < 0 ? `-${groupThousands(String(-value))}` : groupThousands(String(value));
  }
  return getNumberFormat(options).format(value);
}

/** "1234567" → "1.234.567". */
function groupThousands(digits: string): string {
  let end = digits.length;
  let grouped = "";
  while (end > 3) {
    grouped = `.${digits.slice(end - 3, end)}${grouped}`;
    end -= 3;
  }
  return digits.slice(0, end) + grouped;
}

/** "1.234.567 ₫" with a no-break space (U+00A0) before the sign. */
export function formatVnd(dong: bigint): string {
  return `${formatNumber(dong)}${SPACE_BEFORE_CURRENCY}₫`;
}

/** Amount in triệu đồng as plan tables print it: 2_224_500_000n → "2.224,5"; exact, zeros trimmed. */
export function formatMillionDong(dong: bigint): string {
  const sign = dong < 0n ? "-" : "";
  const absolute = dong < 0n ? -dong : dong;
  const wholeMillions = absolute / DONG_PER_MILLION;
  const fraction = (absolute % DONG_PER_MILLION)
    .toString()
    .padStart(MILLION_FRACTION_DIGITS, "0")
    .replace(/0+$/, "");
  return `${sign}${formatNumber(wholeMillions)}${fraction ? `,${fraction}` : ""}`;
}

/** "80%", "12,5%": value is already a percentage (80 means 80%), printed with up to fractionDigits. */
export function formatPercent(value: number, fractionDigits = 1): string {
  return `${formatNumber(value, { maximumFractionDigits: fractionDigits })}%`;
}

const vietnamDateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  // h23, not hour12: false, which prints midnight as "24" in some ICU versions.
  hourCycle: "h23",
});

/** Vietnam has kept UTC+7 without daylight saving since 1976-01-01 (00:00 there): after it, plain arithmetic. */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1975, 11, 31, 17);
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

function getVietnamDateParts(instant: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("Cannot format an invalid date");
  // Intl's formatToParts costs ~10 µs a call, and list pages format a few dates per row.
  if (time >= FIXED_OFFSET_SINCE_MS) {
    const local = new Date(time + VIETNAM_OFFSET_MS);
    return {
      day: twoDigits(local.getUTCDate()),
      month: twoDigits(local.getUTCMonth() + 1),
      year: String(local.getUTCFullYear()).padStart(4, "0"),
      hour: twoDigits(local.getUTCHours()),
      minute: twoDigits(local.getUTCMinutes()),
    };
  }
  // formatToParts, not format: we assemble the pattern ourselves so it cannot drift with locale data.
  const parts = Object.fromEntries(
    vietnamDateTimeFormat.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return {
    day: parts.day ?? "",
    month: parts.month ?? "",
    year: (parts.year ?? "").padStart(4, "0"),
    hour: parts.hour ?? "",
    minute: parts.minute ?? "",
  };
}

/** Today in Vietnam (Asia/Ho_Chi_Minh) as an ISO calendar date: offers expire and certificates lapse by this date. */
const vietnamDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

export function todayInVietnam(now = new Date()): string {
  const time = now.getTime();
  // Plain arithmetic where the offset is fixed (Intl's format costs ~10 µs, and most requests ask for today).
  if (time >= FIXED_OFFSET_SINCE_MS) {
    const local = new Date(time + VIETNAM_OFFSET_MS);
    return `${local.getUTCFullYear()}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}`;
  }
  return vietnamDayFormat.format(now);
}

/** "dd/MM/yyyy" as people type it, as an ISO calendar date; null when it is not a real date from 1900 on. */
export function parseVietnameseDate(value: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [day, month, year] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || year < 1900) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "dd/MM/yyyy". A "YYYY-MM-DD" string is a calendar date (a deadline, a decision date) and is printed as
 * is; anything else is an instant and is shown as the date in Vietnam, so 2025-06-30T17:30Z is 01/07/2025.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") {
    const known = formattedCalendarDates.get(value);
    if (known !== undefined) return known;
    const calendarDate = CALENDAR_DATE.exec(value);
    if (calendarDate) {
      const [, year, month, day] = calendarDate;
      const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      // Date.UTC rolls 2025-02-30 over to 2 March; a changed month or day means the date does not exist.
      if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
        throw new RangeError(`Not a calendar date: ${value}`);
      }
      return remember(formattedCalendarDates, value, `${day}/${month}/${year}`);
    }
  }
  const instant = typeof value === "string" ? new Date(value) : value;
  const time = instant.getTime();
  if (time >= FIXED_OFFSET_SINCE_MS) {
    const vietnamDay = Math.floor((time + VIETNAM_OFFSET_MS) / MS_PER_DAY);
    const known = formattedVietnamDays.get(vietnamDay);
    if (known !== undefined) return known;
    const { day, month, year } = getVietnamDateParts(instant);
    return remember(formattedVietnamDays, vietnamDay, `${day}/${month}/${year}`);
  }
  const { day, month, year } = getVietnamDateParts(instant);
  return `${day}/${month}/${year}`;
}

// A list page prints the same few days again and again (25 rows due on 3 dates): formatted days are kept, a few
// thousand at most, which is years of days.
const MS_PER_DAY = 86_400_000;
const MAX_REMEMBERED_DATES = 4096;
const formattedCalendarDates = new Map<string, string>();
const formattedVietnamDays = new Map<number, string>();

function remember<Key>(memo: Map<Key, string>, key: Key, formatted: string): string {
  if (memo.size >= MAX_REMEMBERED_DATES) memo.clear();
  memo.set(key, formatted);
  return formatted;
}

/** "dd/MM/yyyy HH:mm" in Vietnam time. */
export function formatDateTime(value: Date): string {
  const { day, month, year, hour, minute } = getVietnamDateParts(value);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}
