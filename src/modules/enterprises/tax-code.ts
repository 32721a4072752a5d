/**
 * Vietnamese enterprise tax codes (mã số thuế, MST).
 *
 * Structure, Circular 105/2020/TT-BTC Art. 5: an enterprise or other taxpayer gets a 10-digit code
 * N1…N10 whose tenth digit N10 is a check digit; a dependent unit (branch, representative office,
 * business location) gets the parent's 10 digits followed by "-" and N11N12N13, a sequence 001–999.
 *
 * Check digit: multiply N1…N9 by the weights 31, 29, 23, 19, 17, 13, 7, 5, 3, sum, take the sum
 * mod 11; N10 = 10 − remainder. A remainder of 0 would need a check digit of 10, so no code is issued
 * with those nine digits. The weights and rule are the ones implemented by python-stdnum
 * (stdnum/vn/mst.py) and stdnum-js (src/vn/mst.ts); the circular only names N10 as the check digit.
 *
 * Out of scope: 12-digit personal codes (citizen ID numbers used as tax codes under Circular
 * 86/2024/TT-BTC); an enterprise registry only stores enterprise and dependent-unit codes.
 */

export type TaxCodeKind = "enterprise" | "branch";

export type TaxCodeValidation =
  | { ok: true; taxCode: string; kind: TaxCodeKind; parent: string }
  | { ok: false; reason: "format" | "checkDigit" | "branchSuffix" };

const CHECK_DIGIT_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

// Ten digits, then optionally a three-digit dependent-unit suffix, with or without the dash.
const TAX_CODE_SHAPE = /^(\d{10})(?:-?(\d{3}))?$/;

/** The check digit for nine leading digits, or null when the rule yields 10 (no code exists). */
export function calculateTaxCodeCheckDigit(firstNineDigits: string): number | null {
  let weightedSum = 0;
  CHECK_DIGIT_WEIGHTS.forEach((weight, index) => {
    weightedSum += weight * Number(firstNineDigits[index]);
  });
  const checkDigit = 10 - (weightedSum % 11);
  return checkDigit === 10 ? null : checkDigit;
}

export function validateTaxCode(input: string): TaxCodeValidation {
  // People type codes as "0312 687 878 - 001"; spaces carry no meaning, so drop them all.
  const compact = input.replace(/\s+/g, "");
  const match = TAX_CODE_SHAPE.exec(compact);
  if (!match) return { ok: false, reason: "format" };

  const parent = match[1]!;
  const branchSuffix = match[2];
  if (calculateTaxCodeCheckDigit(parent.slice(0, 9)) !== Number(parent[9])) {
    return { ok: false, reason: "checkDigit" };
  }
  if (branchSuffix === undefined) return { ok: true, taxCode: parent, kind: "enterprise", parent };
  // Circular 105/2020 Art. 5: dependent units are numbered from 001; 000 is never issued.
  if (branchSuffix === "000") return { ok: false, reason: "branchSuffix" };
  return { ok: true, taxCode: `${parent}-${branchSuffix}`, kind: "branch", parent };
}
