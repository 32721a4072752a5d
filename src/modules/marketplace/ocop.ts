import { ValidationError } from "../../platform/errors.ts";

/**
 * OCOP (Chương trình mỗi xã một sản phẩm) rules the trading floor needs to show a product's star rating.
 * Source: Decision 148/QĐ-TTg of 24/02/2023 (criteria and process), amended by Decision 1489/QĐ-TTg of
 * 06/07/2025 (two-level local government: 3-star assessment moved from district to province).
 */
export const ocopStarLevels = [1, 2, 3, 4, 5] as const;
export type OcopStars = (typeof ocopStarLevels)[number];

/** Certificates exist only for 3 to 5 stars; 1 and 2 stars are scores below the recognition threshold. */
export const minimumCertifiedOcopStars = 3;

export const ocopCertificateValidityMonths = 36;

export type OcopCertifyingLevel = "district" | "province" | "central";

const decision148EffectiveOn = "2023-02-24";
const decision1489SignedOn = "2025-07-06";

export function isOcopStars(value: unknown): value is OcopStars {
  return typeof value === "number" && (ocopStarLevels as readonly number[]).includes(value);
}

/**
 * Which level of government recognises a rating decided on `decidedOn`; undefined below 3 stars.
 * 5 stars: always the central level (Ministry of Agriculture; since 2025 Agriculture and Environment).
 * 4 stars: the provincial People's Committee. 3 stars: province under Decision 1048/2019, district under
 * Decision 148/2023, province again from Decision 1489/2025 (districts abolished on 01/07/2025).
 */
export function findOcopCertifyingLevel(
  stars: OcopStars,
  decidedOn: string,
): OcopCertifyingLevel | undefined {
  parseCalendarDate(decidedOn, "decidedOn");
  if (stars < minimumCertifiedOcopStars) return undefined;
  if (stars === 5) return "central";
  if (stars === 4) return "province";
  const isDistrictPeriod = decidedOn >= decision148EffectiveOn && decidedOn < decision1489SignedOn;
  return isDistrictPeriod ? "district" : "province";
}

/**
 * Last day on which a certificate issued on `issuedOn` is valid: 36 months (Decision 148/2023), counted by the
 * Civil Code 2015 Art. 147–148: a period in months ends at the end of the corresponding day of the last month,
 * or of that month's last day when it has no corresponding day (29/02/2024 → 28/02/2027).
 * Art. 148's extension past a weekend or holiday is for performing obligations and is not applied here.
 */
export function ocopCertificateExpiry(issuedOn: string): string {
  const { year, month, day } = parseCalendarDate(issuedOn, "issuedOn");
  const monthIndex = month - 1 + ocopCertificateValidityMonths;
  const expiryYear = year + Math.floor(monthIndex / 12);
  const expiryMonth = (monthIndex % 12) + 1;
  const expiryDay = Math.min(day, daysInMonth(expiryYear, expiryMonth));
  return formatCalendarDate(expiryYear, expiryMonth, expiryDay);
}

/** Valid from the issue date through the expiry date inclusive; calendar dates only, no time zones. */
export function isOcopCertificateValid(issuedOn: string, today: string): boolean {
  parseCalendarDate(today, "today");
  return issuedOn <= today && today <= ocopCertificateExpiry(issuedOn);
}

type CalendarDate = { year: number; month: number; day: number };

function parseCalendarDate(value: string, field: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ValidationError([{ field, messageKey: "validation.date" }]);
  }
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function formatCalendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
