/**
 * Vietnamese lunisolar calendar (âm lịch), computed for the meridian of Vietnam (UTC+7).
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (the reference used by Vietnamese calendars), built on
 * Jean Meeus, "Astronomical Algorithms": mean new moon with periodic corrections, and the apparent solar
 * longitude for the major solar terms (trung khí). Rules of the calendar:
 * - a month begins on the local (UTC+7) day containing a new moon;
 * - the month containing the winter solstice (sun at 270°) is month 11;
 * - a year with 13 months between two months 11 has a leap month: the first month after month 11 that
 *   contains no major solar term, numbered like the month before it.
 * The time zone matters: the Chinese calendar (UTC+8) puts some new moons on the next day, so Tết differs
 * in some years (1985: 21/01 in Vietnam, 20/02 in China; 2007: 17/02 vs 18/02).
 */
import { fromDayNumber, type IsoDate, toDayNumber } from "./dates.ts";

/** Asia/Ho_Chi_Minh, no daylight saving since 1975. */
const VIETNAM_TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the epoch of the `k` lunation index. */
const LUNATION_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01 (our day numbers count from the Unix epoch). */
const JULIAN_DAY_OF_UNIX_EPOCH = 2440588;

export type LunarDate = {
  day: number;
  month: number;
  year: number;
  isLeapMonth: boolean;
};

const toJulianDay = (date: IsoDate): number => toDayNumber(date) + JULIAN_DAY_OF_UNIX_EPOCH;
const fromJulianDay = (julianDay: number): IsoDate => fromDayNumber(julianDay - JULIAN_DAY_OF_UNIX_EPOCH);

/** Julian day (ephemeris, fractional) of the k-th new moon after 1900-01-01 (Meeus ch. 49, abridged). */
function newMoonJulianDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let meanNewMoon = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  meanNewMoon += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * dr) + 0.0021 * Math.sin(2 * dr * sunAnomaly);
  correction -= 0.4068 * Math.sin(moonAnomaly * dr) - 0.0161 * Math.sin(dr * 2 * moonAnomaly);
  correction -= 0.0004 * Math.sin(dr * 3 * moonAnomaly);
  correction += 0.0104 * Math.sin(dr * 2 * moonLatitude) - 0.0051 * Math.sin(dr * (sunAnomaly + moonAnomaly));
  correction -= 0.0074 * Math.sin(dr * (sunAnomaly - moonAnomaly));
  correction += 0.0004 * Math.sin(dr * (2 * moonLatitude + sunAnomaly));
  correction -= 0.0004 * Math.sin(dr * (2 * moonLatitude - sunAnomaly));
  correction -= 0.0006 * Math.sin(dr * (2 * moonLatitude + moonAnomaly));
  correction += 0.001 * Math.sin(dr * (2 * moonLatitude - moonAnomaly));
  correction += 0.0005 * Math.sin(dr * (2 * moonAnomaly + sunAnomaly));
  // ΔT (terrestrial minus universal time), in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return meanNewMoon + correction - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π), at a Julian day (Meeus ch. 25, low accuracy). */
function sunLongitude(julianDay: number): number {
  const t = (julianDay - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * meanAnomaly);
  centre +=
    (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * meanAnomaly) + 0.00029 * Math.sin(dr * 3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * dr;
  return longitude - Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
}

/** Local day (Julian day number) on which the k-th new moon falls, in Vietnam's time zone. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDay(k) + 0.5 + VIETNAM_TIME_ZONE_HOURS / 24);
}

/** Major solar term sector (0–11, 30° each) at local midnight starting a day. */
function solarTermSector(julianDayNumber: number): number {
  return Math.floor((sunLongitude(julianDayNumber - 0.5 - VIETNAM_TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 (the month of the winter solstice) that begins in Gregorian `year`'s end. */
function lunarMonth11Start(year: number): number {
  const offset = toJulianDay(`${year}-12-31` as IsoDate) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const candidate = newMoonDay(k);
  // Sector ≥ 9 means the sun is already past 270°: the solstice lies in the previous lunation.
  return solarTermSector(candidate) >= 9 ? newMoonDay(k - 1) : candidate;
}

/** Offset (in months after month 11) of the leap month in a 13-month year starting at `month11Start`. */
function leapMonthOffset(month11Start: number): number {
  const k = Math.floor((month11Start - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  let index = 1;
  let sector = solarTermSector(newMoonDay(k + index));
  let previous: number;
  do {
    previous = sector;
    index += 1;
    sector = solarTermSector(newMoonDay(k + index));
  } while (sector !== previous && index < 14);
  return index - 1;
}

/** Converts a Gregorian date to the Vietnamese lunar date. */
export function toLunarDate(date: IsoDate): LunarDate {
  const dayNumber = toJulianDay(date);
  const gregorianYear = Number(date.slice(0, 4));
  // The estimate can be one lunation off near a new moon (e.g. 2054-05-07): step back until it starts
  // on or before the day, rather than the original's single fallback that yields a "day 0".
  let k = Math.floor((dayNumber - LUNATION_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k -= 1;
  const monthStart = newMoonDay(k);
  let month11 = lunarMonth11Start(gregorianYear);
  let nextMonth11 = month11;
  let lunarYear: number;
  if (month11 >= monthStart) {
    lunarYear = gregorianYear;
    month11 = lunarMonth11Start(gregorianYear - 1);
  } else {
    lunarYear = gregorianYear + 1;
    nextMonth11 = lunarMonth11Start(gregorianYear + 1);
  }
  const monthsAfter11 = Math.floor((monthStart - month11) / 29);
  let month = monthsAfter11 + 11;
  let isLeapMonth = false;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      isLeapMonth = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsAfter11 < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month, year: lunarYear, isLeapMonth };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date. Returns undefined when the date does not exist
 * (a leap month the year does not have, or day 30 of a 29-day month).
 */
export function fromLunarDate(lunar: LunarDate): IsoDate | undefined {
  const { day, month, year, isLeapMonth } = lunar;
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) {
    return undefined;
  }
  const [month11, nextMonth11] =
    month < 11
      ? [lunarMonth11Start(year - 1), lunarMonth11Start(year)]
      : [lunarMonth11Start(year), lunarMonth11Start(year + 1)];
  const k = Math.floor(0.5 + (month11 - LUNATION_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (isLeapMonth && month !== leapMonth) return undefined;
    if (isLeapMonth || offset >= leapOffset) offset += 1;
  } else if (isLeapMonth) {
    return undefined;
  }
  const monthStart = newMoonDay(k + offset);
  if (day === 30 && newMoonDay(k + offset + 1) - monthStart < 30) return undefined;
  return fromJulianDay(monthStart + day - 1);
}

/** The leap month (1–12) of a lunar year, or undefined when the year has twelve months. */
export function findLeapMonth(lunarYear: number): number | undefined {
  // Months 1–10 of year Y lie between month 11 of Y-1 and month 11 of Y; months 11–12 after month 11 of Y.
  const leapBefore = leapMonthBetween(lunarMonth11Start(lunarYear - 1), lunarMonth11Start(lunarYear));
  if (leapBefore !== undefined && leapBefore <= 10) return leapBefore;
  const leapAfter = leapMonthBetween(lunarMonth11Start(lunarYear), lunarMonth11Start(lunarYear + 1));
  return leapAfter !== undefined && leapAfter >= 11 ? leapAfter : undefined;
}

function leapMonthBetween(month11: number, nextMonth11: number): number | undefined {
  if (nextMonth11 - month11 <= 365) return undefined;
  const leapMonth = leapMonthOffset(month11) - 2;
  return leapMonth < 0 ? leapMonth + 12 : leapMonth;
}

/** Gregorian date of Tết Nguyên đán (1st day of the 1st lunar month) of a lunar year. */
export function findLunarNewYear(lunarYear: number): IsoDate {
  return fromLunarDate({ day: 1, month: 1, year: lunarYear, isLeapMonth: false })!;
}
