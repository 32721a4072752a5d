// The one place where Vietnamese number, money and date formats live. Views, exports and imports call
// these instead of Intl or toLocaleString so every page, PDF and spreadsheet prints amounts the same way.
//
// Conventions (TCVN / state document practice): "." groups thousands, "," marks decimals; plan tables
// print money in triệu đồng; dates are dd/MM/yyyy in Vietnam time (UTC+7, no daylight saving).

const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const DONG_PER_MILLION = 1_000_000n;
const MILLION_FRACTION_DIGITS = 6; // 1 đồng = 0,000001 triệu, so 6 digits are always exact.

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
  return getNumberFormat(options).format(value);
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

function getVietnamDateParts(instant: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Cannot format an invalid date");
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

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "dd/MM/yyyy". A "YYYY-MM-DD" string is a calendar date (a deadline, a decision date) and is printed as
 * is; anything else is an instant and is shown as the date in Vietnam, so 2025-06-30T17:30Z is 01/07/2025.
 */
export function formatDate(value: Date | string): string {
  if (typeof value === "string") {
    const calendarDate = CALENDAR_DATE.exec(value);
    if (calendarDate) {
      const [, year, month, day] = calendarDate;
      const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      // Date.UTC rolls 2025-02-30 over to 2 March; a changed month or day means the date does not exist.
      if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) {
        throw new RangeError(`Not a calendar date: ${value}`);
      }
      return `${day}/${month}/${year}`;
    }
  }
  const { day, month, year } = getVietnamDateParts(typeof value === "string" ? new Date(value) : value);
  return `${day}/${month}/${year}`;
}

/** "dd/MM/yyyy HH:mm" in Vietnam time. */
export function formatDateTime(value: Date): string {
  const { day, month, year, hour, minute } = getVietnamDateParts(value);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

// ---------------------------------------------------------------------------------------------------------
// Amount in words ("Bằng chữ" on plans, decisions and invoices)
//
// Reading rules, as used in state financial documents:
// - Digits go in groups of three: units, "nghìn", "triệu"; above that the whole reading repeats before
//   "tỷ", so 10^12 is "một nghìn tỷ", 10^15 "một triệu tỷ", 10^18 "một tỷ tỷ".
// - A group that is entirely zero is skipped (2_000_500_000 → "hai tỷ năm trăm nghìn").
// - The leading group is read as short as possible (15 → "mười lăm"); every later non-zero group is
//   read in full with its hundreds, "không trăm" included (3_030_000_000 → "ba tỷ không trăm ba mươi
//   triệu"), so a reader can never mistake "ba mươi triệu" for the leading group.
// - Tens: 0 with a unit after a spoken hundreds → "linh" (105 → "một trăm linh năm"); 1 → "mười";
//   2–9 → digit + "mươi".
// - Units after a tens word: 5 → "lăm" (15, 25); after "mươi" 1 → "mốt" (21). 4 stays "bốn" (24 → "hai
//   mươi bốn"), as State Treasury vouchers print it; "tư" is accepted when reading. After "linh" or "mười"
//   units keep their plain names ("linh năm", "mười một", "mười bốn").
// - Vocabulary: "nghìn" (not "ngàn"), "linh" (not "lẻ"), "tỷ" (not "tỉ"). amountWordsMatch accepts those
//   variants because other software prints them.
// ---------------------------------------------------------------------------------------------------------

const DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
const BILLION = 1_000_000_000n;
const GROUP_SCALES = [
  { size: 1_000_000, word: "triệu" },
  { size: 1_000, word: "nghìn" },
  { size: 1, word: "" },
] as const;

function readUnitAfterTens(tens: number, units: number): string {
  if (units === 5 && tens >= 1) return "lăm";
  if (units === 1 && tens >= 2) return "mốt";
  return DIGIT_WORDS[units]!;
}

function readGroup(group: number, isLeading: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const isHundredsSpoken = hundreds > 0 || !isLeading;
  if (isHundredsSpoken) words.push(DIGIT_WORDS[hundreds]!, "trăm");
  if (tens === 0) {
    if (units > 0) words.push(...(isHundredsSpoken ? ["linh"] : []), DIGIT_WORDS[units]!);
    return words;
  }
  words.push(...(tens === 1 ? ["mười"] : [DIGIT_WORDS[tens]!, "mươi"]));
  if (units > 0) words.push(readUnitAfterTens(tens, units));
  return words;
}

function readBelowBillion(value: number, isLeading: boolean): string[] {
  const words: string[] = [];
  let isGroupLeading = isLeading;
  for (const { size, word } of GROUP_SCALES) {
    const group = Math.floor(value / size) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, isGroupLeading), ...(word ? [word] : []));
    isGroupLeading = false;
  }
  return words;
}

function readPositive(value: bigint, isLeading: boolean): string[] {
  if (value < BILLION) return readBelowBillion(Number(value), isLeading);
  const rest = value % BILLION;
  return [...readPositive(value / BILLION, isLeading), "tỷ", ...readBelowBillion(Number(rest), false)];
}

/** "Ba tỷ không trăm ba mươi triệu đồng". Negative amounts start with "Âm". */
export function amountInWords(dong: bigint): string {
  const absolute = dong < 0n ? -dong : dong;
  const words = absolute === 0n ? ["không"] : readPositive(absolute, true);
  const sentence = [...(dong < 0n ? ["âm"] : []), ...words, "đồng"].join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

// Spellings other software prints for the same word; anything not listed (a typo) does not match.
const WORD_VARIANTS: Record<string, string> = {
  tỉ: "tỷ",
  ngàn: "nghìn",
  lẻ: "linh",
  nhăm: "lăm",
  bẩy: "bảy",
  vnđ: "đồng",
  vnd: "đồng",
};
const DIGIT_VALUES = new Map<string, number>(DIGIT_WORDS.map((word, digit) => [word, digit]));
const UNIT_AFTER_MUOI = new Map([...DIGIT_VALUES, ["mốt", 1], ["tư", 4], ["lăm", 5]]);
UNIT_AFTER_MUOI.delete("không");
UNIT_AFTER_MUOI.delete("năm"); // "hai mươi năm" reads as "twenty years"; amounts say "lăm".
const UNIT_AFTER_MUOI_TEN = new Map([...UNIT_AFTER_MUOI].filter(([word]) => word !== "mốt" && word !== "tư"));
const UNIT_AFTER_LINH = new Map([...DIGIT_VALUES, ["tư", 4]]);
UNIT_AFTER_LINH.delete("không");
const SCALE_WORDS = new Set(["nghìn", "triệu", "tỷ"]);

function normaliseAmountWords(printed: string): string[] {
  const words = printed
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => WORD_VARIANTS[word] ?? word);
  if (words.at(-1) === "chẵn") words.pop();
  if (words.at(-1) === "đồng") words.pop();
  return words;
}

/**
 * Parses words produced by the reading rules above, plus the usual variants: "không trăm" may be left out
 * of an inner group, "một" may follow "mươi". It refuses readings that speech makes ambiguous: a bare unit
 * after "trăm" or closing the amount ("một trăm năm", "một nghìn năm" may mean 150 and 1 500).
 */
function parseAmountWords(words: string[]): bigint | undefined {
  let position = 0;

  function takeUnit(units: Map<string, number>): number {
    const digit = units.get(words[position] ?? "");
    if (digit === undefined) return 0;
    position += 1;
    return digit;
  }

  // Reads one group of up to three digits; on failure it consumes nothing, so a half-read group can
  // never be silently dropped from the total.
  function parseGroup(isLeading: boolean): number | undefined {
    const start = position;
    const value = readGroupWords(isLeading);
    if (value === undefined || value === 0) {
      position = start;
      return undefined;
    }
    return value;
  }

  function readGroupWords(isLeading: boolean): number | undefined {
    let hundreds = 0;
    const first = DIGIT_VALUES.get(words[position] ?? "");
    const isHundredsSpoken =
      first !== undefined && words[position + 1] === "trăm" && (first > 0 || !isLeading);
    if (isHundredsSpoken) {
      hundreds = first * 100;
      position += 2;
    }
    const word = words[position] ?? "";
    const digit = DIGIT_VALUES.get(word);
    if (word === "linh" && (isHundredsSpoken || !isLeading)) {
      position += 1;
      const units = takeUnit(UNIT_AFTER_LINH);
      return units === 0 ? undefined : hundreds + units;
    }
    if (word === "mười") {
      position += 1;
      return hundreds + 10 + takeUnit(UNIT_AFTER_MUOI_TEN);
    }
    if (digit !== undefined && digit >= 2 && words[position + 1] === "mươi") {
      position += 2;
      return hundreds + digit * 10 + takeUnit(UNIT_AFTER_MUOI);
    }
    if (digit !== undefined && digit > 0 && !isHundredsSpoken) {
      if (!isLeading && !SCALE_WORDS.has(words[position + 1] ?? "")) return undefined;
      position += 1;
      return digit;
    }
    return hundreds;
  }

  function parseBelowBillion(isLeading: boolean): number {
    let total = 0;
    let previousScale = Number.POSITIVE_INFINITY;
    let isGroupLeading = isLeading;
    for (let group = parseGroup(isGroupLeading); group !== undefined; group = parseGroup(isGroupLeading)) {
      const scale = GROUP_SCALES.find(({ word }) => word !== "" && word === words[position])?.size ?? 1;
      if (scale >= previousScale) return Number.NaN;
      if (scale > 1) position += 1;
      total += group * scale;
      previousScale = scale;
      isGroupLeading = false;
      if (scale === 1) break;
    }
    return total;
  }

  if (words.length === 1 && words[0] === "không") return 0n;
  const isNegative = words[0] === "âm";
  if (isNegative) position += 1;
  const leading = parseBelowBillion(true);
  if (!(leading > 0)) return undefined;
  let value = BigInt(leading);
  while (words[position] === "tỷ") {
    position += 1;
    const rest = parseBelowBillion(false);
    if (Number.isNaN(rest)) return undefined;
    value = value * BILLION + BigInt(rest);
  }
  if (position !== words.length) return undefined;
  return isNegative ? -value : value;
}

/**
 * True when a printed amount in words states exactly `dong`: ignores case, punctuation, spacing, a final
 * "chẵn" and the currency word ("đồng", "VNĐ"), and accepts "tỉ", "ngàn", "lẻ", "bốn" for "tư" and "một"
 * for "mốt" after "mươi". Words with typos never match.
 */
export function amountWordsMatch(printed: string, dong: bigint): boolean {
  return parseAmountWords(normaliseAmountWords(printed)) === dong;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing typed or imported numbers
// ---------------------------------------------------------------------------------------------------------

// Either plain digits, or groups of exactly three after a first group of 1–3 digits that does not start
// with 0: "0.500" is almost always an English decimal typed by mistake, so it is refused, not read as 500.
const VIETNAMESE_NUMBER = /^([-\u2212]?)(\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;

type NumberParts = { isNegative: boolean; integerDigits: string; fractionDigits: string };
type NumberPartsResult = { ok: true; parts: NumberParts } | { ok: false; reason: "empty" | "malformed" };

function splitVietnameseNumber(text: string): NumberPartsResult {
  const trimmed = text.trim();
  // Plan tables print "-" for "nothing"; it is an empty cell, not zero.
  if (trimmed === "" || trimmed === "-" || trimmed === "\u2212") return { ok: false, reason: "empty" };
  const match = VIETNAMESE_NUMBER.exec(trimmed);
  if (!match) return { ok: false, reason: "malformed" };
  const [, sign, integer, fraction] = match;
  return {
    ok: true,
    parts: {
      isNegative: sign !== "",
      integerDigits: integer!.replaceAll(".", ""),
      fractionDigits: fraction ?? "",
    },
  };
}

/** Reads "1.234.567", "2.224,5", "-12", "1234567". A lone "-" counts as empty. */
export function parseVietnameseNumber(
  text: string,
): { ok: true; value: number } | { ok: false; reason: "empty" | "malformed" } {
  const split = splitVietnameseNumber(text);
  if (!split.ok) return split;
  const { isNegative, integerDigits, fractionDigits } = split.parts;
  const magnitude = Number(`${integerDigits}.${fractionDigits || "0"}`);
  if (!Number.isFinite(magnitude)) return { ok: false, reason: "malformed" };
  // "+ 0" turns -0 into 0 so "-0" does not leak a negative zero.
  return { ok: true, value: (isNegative ? -magnitude : magnitude) + 0 };
}

/**
 * Reads an amount typed in đồng or in triệu đồng, exactly, by moving the decimal comma in the string.
 * "244,5" million → 244_500_000n. An amount that would leave a fraction of a đồng is refused.
 */
export function parseAmountToDong(
  text: string,
  unit: "dong" | "million",
): { ok: true; dong: bigint } | { ok: false; reason: "empty" | "malformed" | "fraction-of-dong" } {
  const split = splitVietnameseNumber(text);
  if (!split.ok) return split;
  const { isNegative, integerDigits, fractionDigits } = split.parts;
  const shift = unit === "million" ? MILLION_FRACTION_DIGITS : 0;
  if (/[1-9]/.test(fractionDigits.slice(shift))) return { ok: false, reason: "fraction-of-dong" };
  const magnitude = BigInt(integerDigits + fractionDigits.slice(0, shift).padEnd(shift, "0"));
  return { ok: true, dong: isNegative ? -magnitude : magnitude };
}
