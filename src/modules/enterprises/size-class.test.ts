import { describe, expect, test } from "vitest";
import { classifyEnterpriseSize, type SectorGroup } from "./size-class.ts";

const BILLION = 1_000_000_000n;
const HUGE = 10_000n * BILLION; // far above every limit, so only the other figure can qualify

function classify(
  sectorGroup: SectorGroup,
  employees: number | null,
  revenue: bigint | null,
  capital: bigint | null,
) {
  return classifyEnterpriseSize({ sectorGroup, employees, revenueDong: revenue, capitalDong: capital });
}

// Decree 80/2021/NĐ-CP Art. 5, one row per class and sector group: limits and the next class up.
const boundaries = [
  ["agriculture-industry-construction", "micro", 10, 3n, 3n, "small"],
  ["agriculture-industry-construction", "small", 100, 50n, 20n, "medium"],
  ["agriculture-industry-construction", "medium", 200, 200n, 100n, "large"],
  ["trade-services", "micro", 10, 10n, 3n, "small"],
  ["trade-services", "small", 50, 100n, 50n, "medium"],
  ["trade-services", "medium", 100, 300n, 100n, "large"],
] as const;

describe.each(boundaries)(
  "%s %s (≤%i workers, revenue ≤%i bn or capital ≤%i bn)",
  (sector, sizeClass, maxEmployees, maxRevenueBn, maxCapitalBn, nextClass) => {
    const maxRevenue = maxRevenueBn * BILLION;
    const maxCapital = maxCapitalBn * BILLION;

    test("revenue exactly at the limit qualifies on revenue", () => {
      expect(classify(sector, maxEmployees, maxRevenue, HUGE)).toEqual({ sizeClass, basis: "revenue" });
    });

    test("capital exactly at the limit qualifies on capital when revenue is too high", () => {
      expect(classify(sector, maxEmployees, HUGE, maxCapital)).toEqual({ sizeClass, basis: "capital" });
    });

    test("capital alone qualifies when revenue is unknown, and revenue alone when capital is", () => {
      expect(classify(sector, maxEmployees, null, maxCapital)).toEqual({ sizeClass, basis: "capital" });
      expect(classify(sector, maxEmployees, maxRevenue, null)).toEqual({ sizeClass, basis: "revenue" });
    });

    test("one đồng above the revenue limit moves up a class when capital does not qualify either", () => {
      expect(classify(sector, maxEmployees, maxRevenue + 1n, HUGE).sizeClass).toBe(nextClass);
      expect(classify(sector, maxEmployees, maxRevenue + 1n, null).sizeClass).toBe(nextClass);
    });

    test("one đồng above the capital limit moves up a class when revenue does not qualify either", () => {
      expect(classify(sector, maxEmployees, HUGE, maxCapital + 1n).sizeClass).toBe(nextClass);
      expect(classify(sector, maxEmployees, null, maxCapital + 1n).sizeClass).toBe(nextClass);
    });

    test("one đồng above both money limits moves up a class", () => {
      expect(classify(sector, maxEmployees, maxRevenue + 1n, maxCapital + 1n).sizeClass).toBe(nextClass);
    });

    test("one worker above the headcount limit moves up a class even with tiny money figures", () => {
      expect(classify(sector, maxEmployees + 1, 0n, 0n).sizeClass).toBe(nextClass);
    });
  },
);

describe("classifyEnterpriseSize", () => {
  test("the same figures are micro in trade and services but small in industry (revenue limit 10 bn vs 3 bn)", () => {
    expect(classify("trade-services", 5, 8n * BILLION, 5n * BILLION)).toEqual({
      sizeClass: "micro",
      basis: "revenue",
    });
    expect(classify("agriculture-industry-construction", 5, 8n * BILLION, 5n * BILLION)).toEqual({
      sizeClass: "small",
      basis: "revenue",
    });
  });

  test("prefers revenue as the basis when both figures qualify", () => {
    expect(classify("trade-services", 3, 1n, 1n)).toEqual({ sizeClass: "micro", basis: "revenue" });
  });

  test("large has no basis because no money figure qualified a smaller class", () => {
    expect(classify("trade-services", 500, 1n, 1n)).toEqual({ sizeClass: "large", basis: null });
  });

  test("headcount is an annual average, so a fraction above the limit no longer fits", () => {
    expect(classify("agriculture-industry-construction", 10.5, 0n, 0n).sizeClass).toBe("small");
  });

  test.each([
    ["headcount missing", null, 1n, 1n],
    ["both money figures missing", 5, null, null],
    ["negative headcount", -1, 1n, 1n],
    ["non-finite headcount", Number.NaN, 1n, 1n],
    ["only money figures are negative", 5, -1n, -1n],
  ] as const)("returns null when %s", (_reason, employees, revenue, capital) => {
    expect(classify("trade-services", employees, revenue, capital)).toEqual({ sizeClass: null, basis: null });
  });
});
