import { describe, expect, test } from "vitest";
import { calculateTaxCodeCheckDigit, validateTaxCode } from "./tax-code.ts";

describe("calculateTaxCodeCheckDigit", () => {
  test("reproduces the weighted mod-11 digit for known codes", () => {
    // 0·31 + 1·29 + 0·23 + 0·19 + 0·17 + 4·13 + 7·7 + 5·5 + 1·3 = 158; 158 mod 11 = 4; 10 − 4 = 6.
    expect(calculateTaxCodeCheckDigit("010004751")).toBe(6);
    expect(calculateTaxCodeCheckDigit("030000000")).toBe(0);
  });

  test("returns null when the sum is divisible by 11, because no single digit can be 10", () => {
    expect(calculateTaxCodeCheckDigit("010000005")).toBeNull();
    expect(calculateTaxCodeCheckDigit("000000000")).toBeNull();
  });
});

describe("validateTaxCode accepts", () => {
  test.each(["0100047516", "0100233488", "0100112437", "0314409058", "0123456787", "0300000000"])(
    "enterprise code %s with a correct check digit",
    (code) => {
      expect(validateTaxCode(code)).toEqual({ ok: true, taxCode: code, kind: "enterprise", parent: code });
    },
  );

  test("a dependent-unit code and reports its parent", () => {
    expect(validateTaxCode("0312687878-001")).toEqual({
      ok: true,
      taxCode: "0312687878-001",
      kind: "branch",
      parent: "0312687878",
    });
    expect(validateTaxCode("0314409058-999")).toMatchObject({ ok: true, kind: "branch" });
  });
});

describe("validateTaxCode normalises", () => {
  test.each([
    ["  0100233488  ", "0100233488"],
    ["0100 233 488", "0100233488"],
    ["0312687878001", "0312687878-001"],
    ["0312 687 878 - 001", "0312687878-001"],
    ["\t0312687878-002\n", "0312687878-002"],
  ])("%j to %s", (input, expected) => {
    expect(validateTaxCode(input)).toMatchObject({ ok: true, taxCode: expected });
  });
});

describe("validateTaxCode rejects", () => {
  test.each([
    ["", "empty input"],
    ["01002334A8", "a letter among the digits"],
    ["010023348", "nine digits"],
    ["01002334880", "eleven digits"],
    ["010023348800", "twelve digits (a personal code, not an enterprise's)"],
    ["0100233488-01", "a two-digit suffix"],
    ["0100233488-0001", "a four-digit suffix"],
    ["01002-33488", "a dash inside the parent code"],
    ["010023348-8001", "a dash one place too early"],
    ["0100233488--001", "two dashes"],
    ["0100233488-", "a trailing dash"],
    ["-0100233488", "a leading dash"],
    ["0100.233.488", "dots as separators"],
  ])("%j as format (%s)", (input) => {
    expect(validateTaxCode(input)).toEqual({ ok: false, reason: "format" });
  });

  test.each(["0100233480", "0100233489", "0100000050", "0312687879-001"])("%s as checkDigit", (input) => {
    expect(validateTaxCode(input)).toEqual({ ok: false, reason: "checkDigit" });
  });

  test("suffix 000 as branchSuffix, with or without the dash", () => {
    expect(validateTaxCode("0312687878-000")).toEqual({ ok: false, reason: "branchSuffix" });
    expect(validateTaxCode("0312687878000")).toEqual({ ok: false, reason: "branchSuffix" });
  });

  test("a branch of an invalid parent as checkDigit, before looking at the suffix", () => {
    expect(validateTaxCode("0312687879-000")).toEqual({ ok: false, reason: "checkDigit" });
  });
});
