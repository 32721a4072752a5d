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
