import { describe, expect, test } from "vitest";
import { fixtureTaxCode } from "../../../test/helpers/floor.ts";
import { ValidationError } from "../../platform/errors.ts";
import { parseInput } from "../../platform/validation.ts";
import {
  EnterpriseProfileInput,
  normalizePhone,
  normalizeWebsite,
  RegisterEnterpriseInput,
  StatusChangeInput,
  splitList,
} from "./inputs.ts";
import { sectionOfVsicCode } from "./vsic-division.ts";

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => [issue.field, issue.messageKey]);
    throw error;
  }
  return [];
};

describe("profile normalisers", () => {
  test.each([
    ["0254 3812 345", "02543812345"],
    ["+84 903 123 456", "0903123456"],
    ["84903123456", "0903123456"],
    ["0903.123.456", "0903123456"],
    ["(028) 3829 1234", "02838291234"],
    ["1900 1234", "19001234"],
  ])("phone %s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
  test.each(["12345", "0123456789", "+1 202 555 0100", "0903 123 45"])("phone %s is refused", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
  test("websites: http(s) only; a bare domain gets https", () => {
    expect(normalizeWebsite("saobien.vn")).toBe("https://saobien.vn");
    expect(normalizeWebsite("http://saobien.vn/gioi-thieu")).toBe("http://saobien.vn/gioi-thieu");
    expect(normalizeWebsite("javascript:alert(1)")).toBeNull();
    expect(normalizeWebsite("ftp://saobien.vn")).toBeNull();
    expect(normalizeWebsite("localhost")).toBeNull();
  });
  test("lists: trimmed, de-duplicated, ISO codes upper-cased", () => {
    expect(splitList(" Nhật Bản, us;EU\nus ")).toEqual(["Nhật Bản", "US", "EU"]);
  });
});

describe("form schemas", () => {
  test("the tax code is refused with its reason", () => {
    const valid = fixtureTaxCode(4242);
    expect(
      parseInput(RegisterEnterpriseInput, { taxCode: `${valid.slice(0, 4)} ${valid.slice(4)}` }).taxCode,
    ).toBe(valid);
    expect(issuesOf(() => parseInput(RegisterEnterpriseInput, { taxCode: "03126878" }))).toEqual([
      ["taxCode", "enterprises.validation.taxCode.format"],
    ]);
    const wrong = `${valid.slice(0, 9)}${(Number(valid[9]) + 1) % 10}`;
    expect(issuesOf(() => parseInput(RegisterEnterpriseInput, { taxCode: wrong }))).toEqual([
      ["taxCode", "enterprises.validation.taxCode.checkDigit"],
    ]);
    expect(issuesOf(() => parseInput(RegisterEnterpriseInput, { taxCode: `${valid}-000` }))).toEqual([
      ["taxCode", "enterprises.validation.taxCode.branchSuffix"],
    ]);
  });

  test("amounts in triệu đồng become đồng; readiness answers become true/false/null", () => {
    const profile = parseInput(EnterpriseProfileInput, {
      name: "Công ty A",
      legalForm: "joint-stock",
      vsicSection: "G",
      vsicCode: "46201",
      revenueMillion: "1.250,5",
      capitalMillion: "0,000001",
      usesEmail: "yes",
      hasWebsite: "no",
      onMarketplaces: "unknown",
      hsCodes: "0801.32, 080132",
    });
    expect(profile).toMatchObject({
      revenueDong: 1_250_500_000n,
      capitalDong: 1n,
      usesEmail: true,
      hasWebsite: false,
      onMarketplaces: null,
      hsCodes: ["080132"],
      isExporter: false,
    });
    expect(
      issuesOf(() =>
        parseInput(EnterpriseProfileInput, {
          name: "A",
          legalForm: "other",
          vsicSection: "G",
          revenueMillion: "-3",
        }),
      ),
    ).toEqual([["revenueMillion", "enterprises.validation.amountMillion"]]);
  });

  test("suspension needs a reason; verification does not", () => {
    expect(issuesOf(() => parseInput(StatusChangeInput, { status: "suspended", reason: "  " }))).toEqual([
      ["reason", "enterprises.validation.reasonRequired"],
    ]);
    expect(parseInput(StatusChangeInput, { status: "verified" })).toEqual({ status: "verified", reason: "" });
  });

  test("VSIC divisions map to their sections at every boundary", () => {
    const cases: [string, string | null][] = [
      ["0111", "A"],
      ["0322", "A"],
      ["0510", "B"],
      ["0990", "B"],
      ["1010", "C"],
      ["3320", "C"],
      ["3510", "D"],
      ["3600", "E"],
      ["3900", "E"],
      ["4101", "F"],
      ["4390", "F"],
      ["4511", "G"],
      ["4799", "G"],
      ["4911", "H"],
      ["5320", "H"],
      ["5510", "I"],
      ["5630", "I"],
      ["5811", "J"],
      ["6399", "J"],
      ["6411", "K"],
      ["6630", "K"],
      ["6810", "L"],
      ["6910", "M"],
      ["7500", "M"],
      ["7710", "N"],
      ["8299", "N"],
      ["8411", "O"],
      ["8510", "P"],
      ["8610", "Q"],
      ["8890", "Q"],
      ["9000", "R"],
      ["9329", "R"],
      ["9411", "S"],
      ["9639", "S"],
      ["9700", "T"],
      ["9820", "T"],
      ["9900", "U"],
      ["0400", null],
      ["3400", null],
      ["4000", null],
      ["4400", null],
      ["4800", null],
      ["5400", null],
      ["5700", null],
      ["6700", null],
      ["7600", null],
      ["8300", null],
      ["8900", null],
      ["abc", null],
    ];
    for (const [code, section] of cases) expect(sectionOfVsicCode(code), code).toBe(section);
  });
});
