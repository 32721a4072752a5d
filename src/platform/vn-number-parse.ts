// Parsing typed or imported numbers, in the format vn-format.ts prints: "." groups thousands, "," marks
// decimals (TCVN).

// 1 đồng = 0,000001 triệu, so 6 digits are always exact.
export const MILLION_FRACTION_DIGITS = 6;

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
