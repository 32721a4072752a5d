import type { VsicSection } from "./vsic.ts";

/**
 * VSIC 2018 (Decision 27/2018/QĐ-TTg) keeps the two-digit divisions (ngành cấp 2) of ISIC Rev. 4 and groups them
 * into sections exactly as ISIC does: A 01–03, B 05–09, C 10–33, D 35, E 36–39, F 41–43, G 45–47, H 49–53,
 * I 55–56, J 58–63, K 64–66, L 68, M 69–75, N 77–82, O 84, P 85, Q 86–88, R 90–93, S 94–96, T 97–98, U 99.
 * Numbers between the ranges (04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89) are not divisions.
 */
const DIVISION_RANGES: readonly [from: number, to: number, section: VsicSection][] = [
  [1, 3, "A"],
  [5, 9, "B"],
  [10, 33, "C"],
  [35, 35, "D"],
  [36, 39, "E"],
  [41, 43, "F"],
  [45, 47, "G"],
  [49, 53, "H"],
  [55, 56, "I"],
  [58, 63, "J"],
  [64, 66, "K"],
  [68, 68, "L"],
  [69, 75, "M"],
  [77, 82, "N"],
  [84, 84, "O"],
  [85, 85, "P"],
  [86, 88, "Q"],
  [90, 93, "R"],
  [94, 96, "S"],
  [97, 98, "T"],
  [99, 99, "U"],
];

/** The section of a VSIC code (level 2 to 5: "46", "4620", "46201"), or null when its division does not exist. */
export function sectionOfVsicCode(code: string): VsicSection | null {
  if (!/^\d{2,5}$/.test(code)) return null;
  const division = Number(code.slice(0, 2));
  const range = DIVISION_RANGES.find(([from, to]) => division >= from && division <= to);
  return range ? range[2] : null;
}
