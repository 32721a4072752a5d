import { describe, expect, it } from "vitest";
import { parseAmountToDong, parseVietnameseNumber } from "./vn-number-parse.ts";

describe("parseVietnameseNumber", () => {
  it.each([
    ["1.234.567", 1_234_567],
    ["2.224,5", 2_224.5],
    ["300", 300],
    ["0,5", 0.5],
    ["-12", -12],
    ["\u221212", -12],
    ["1234567", 1_234_567],
    ["1234,75", 1_234.75],
    ["1.234", 1_234],
    ["  2.224,5 ", 2_224.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: true, value });
  });

  it("reads -0 as plain zero", () => {
    const result = parseVietnameseNumber("-0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each(["", "   ", "-", " - "])("treats %j as empty", (text) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    "150.0000.000",
    "1.23.456",
    "12.34",
    "1,234.5",
    "1.234,5,6",
    "abc",
    "1.234.",
    ".234",
    ",5",
    "1 234",
    "+5",
    "1234.567",
    "0.500",
    "1.234,",
    "--1",
  ])("refuses %j as malformed", (text) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("parseAmountToDong", () => {
  it.each([
    ["244,5", "million", 244_500_000n],
    ["2.224,5", "million", 2_224_500_000n],
    ["0,000001", "million", 1n],
    ["1,0000010", "million", 1_000_001n],
    ["-12", "million", -12_000_000n],
    ["3.050.000.000", "dong", 3_050_000_000n],
    ["1.000,00", "dong", 1_000n],
    ["9.007.199.254.740.993", "dong", 9_007_199_254_740_993n],
    ["9.007.199.254,740993", "million", 9_007_199_254_740_993n],
    ["0", "dong", 0n],
  ] as const)("reads %j in %s as %d đồng exactly", (text, unit, dong) => {
    expect(parseAmountToDong(text, unit)).toEqual({ ok: true, dong });
  });

  it.each(["", "  ", "-"])("treats %j as empty, not zero", (text) => {
    expect(parseAmountToDong(text, "dong")).toEqual({ ok: false, reason: "empty" });
    expect(parseAmountToDong(text, "million")).toEqual({ ok: false, reason: "empty" });
  });

  it.each(["150.0000.000", "12.34", "1,234.5", "abc"])("refuses %j as malformed", (text) => {
    expect(parseAmountToDong(text, "dong")).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses amounts that leave a fraction of a đồng", () => {
    expect(parseAmountToDong("1,5", "dong")).toEqual({ ok: false, reason: "fraction-of-dong" });
    expect(parseAmountToDong("0,0000005", "million")).toEqual({ ok: false, reason: "fraction-of-dong" });
  });
});
