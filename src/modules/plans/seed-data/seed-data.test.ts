import { describe, expect, it } from "vitest";
import { computeTotals } from "../consistency.ts";
import type { PlanDocument } from "../plan-document.ts";
import { baRiaVungTau2011, baRiaVungTau2021, dongThap2011, seedPlans } from "./index.ts";

const MILLION = 1_000_000n;

function findTarget(plan: PlanDocument, code: string) {
  const target = plan.objectives.flatMap((objective) => objective.targets).find((t) => t.code === code);
  if (!target) throw new Error(`No target ${code} in ${plan.slug}`);
  return target;
}

function findActivity(plan: PlanDocument, number: string) {
  const activity = plan.activities.find((a) => a.number === number);
  if (!activity) throw new Error(`No activity ${number} in ${plan.slug}`);
  return activity;
}

describe("seed plans", () => {
  it("are the three source documents, each valid against the PlanDocument schema", () => {
    expect(seedPlans.map((plan) => [plan.provinceCode, plan.slug, plan.decisionNumber])).toEqual([
      ["77", "ke-hoach-tmdt-2011-2015", "3023/QĐ-UBND"],
      ["87", "ke-hoach-tmdt-2011-2015", "1096/QĐ-UBND.HC"],
      ["77", "ke-hoach-tmdt-2021-2025", "93/QĐ-UBND"],
    ]);
  });

  describe.each(seedPlans.map((plan) => [`${plan.provinceCode}/${plan.slug}`, plan] as const))(
    "%s",
    (_name, plan) => {
      it("refers only to units it lists, each listed once", () => {
        const codes = plan.units.map((unit) => unit.code);
        expect(new Set(codes).size).toBe(codes.length);
        const referenced = [
          ...plan.activities.flatMap((a) => [...a.leadUnitCodes, ...a.coordinatingUnitCodes]),
          ...plan.assignments.map((assignment) => assignment.unitCode),
        ];
        expect(referenced.filter((code) => !codes.includes(code))).toEqual([]);
      });

      it("gives every activity a lead unit and a unique number", () => {
        const numbers = plan.activities.map((a) => a.number);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(plan.activities.filter((a) => a.leadUnitCodes.length === 0)).toEqual([]);
      });

      it("budgets only activities it lists, within the plan period", () => {
        const numbers = new Set(plan.activities.map((a) => a.number));
        for (const line of plan.budgetLines) {
          if (line.activityNumber !== null) expect(numbers).toContain(line.activityNumber);
          if (line.year !== null) {
            expect(line.year).toBeGreaterThanOrEqual(plan.periodStart);
            expect(line.year).toBeLessThanOrEqual(plan.periodEnd);
          }
        }
      });

      it("uses unique target codes", () => {
        const codes = plan.objectives.flatMap((objective) => objective.targets.map((t) => t.code));
        expect(new Set(codes).size).toBe(codes.length);
      });
    },
  );

  it("keeps one name and kind per unit code across the plans of a province", () => {
    const seen = new Map<string, string>();
    for (const plan of seedPlans) {
      for (const unit of plan.units) {
        const key = `${plan.provinceCode}/${unit.code}`;
        const value = `${unit.name}|${unit.kind}`;
        expect(seen.get(key) ?? value, key).toBe(value);
        seen.set(key, value);
      }
    }
  });
});

describe("Bà Rịa – Vũng Tàu 2011–2015 (Quyết định 3023/QĐ-UBND)", () => {
  const plan = baRiaVungTau2011;

  it("records the decision and says the signer is not printed", () => {
    expect(plan.decisionDate).toBe("2010-11-16");
    expect(plan.issuer).toBe("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu");
    expect(plan.signerName).toBe("(không ghi trong văn bản)");
  });

  it("has the 8 budget rows × 5 years, source unspecified, adding up to the printed year totals", () => {
    const budgeted = [...new Set(plan.budgetLines.map((line) => line.activityNumber))];
    expect(budgeted).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(plan.budgetLines).toHaveLength(40);
    expect(new Set(plan.budgetLines.map((line) => line.source))).toEqual(new Set(["unspecified"]));

    const totals = computeTotals(plan);
    expect([...totals.byYear]).toEqual([
      [2011, 770n * MILLION],
      [2012, 614n * MILLION],
      [2013, 582n * MILLION],
      [2014, 532n * MILLION],
      [2015, 532n * MILLION],
    ]);
    expect(totals.grand).toBe(3_030n * MILLION);
    expect(totals.wholePeriod).toBe(0n);
    expect(totals.byActivity.get("5")).toBe(600n * MILLION);
    expect(totals.byActivity.get("7")).toBe(500n * MILLION);
  });

  it("keeps section IV contents without a budget row as activities", () => {
    expect(findActivity(plan, "IV.3.c").coordinatingUnitCodes).toEqual(["CTMDT", "VECOM"]);
    expect(plan.budgetLines.filter((line) => line.activityNumber?.startsWith("IV."))).toEqual([]);
  });

  it("enters the targets with their own deadlines", () => {
    expect(findTarget(plan, "1.b")).toMatchObject({
      value: 80,
      unit: "%",
      comparator: "eq",
      targetYear: 2015,
    });
    expect(findTarget(plan, "4.a.1")).toMatchObject({ value: 80, targetYear: 2013 });
    expect(findTarget(plan, "4.a.2")).toMatchObject({ value: 40, targetYear: 2015 });
    expect(findTarget(plan, "4.e.1")).toMatchObject({ value: 50, targetYear: 2014 });
    expect(findTarget(plan, "4.b")).toMatchObject({ value: 3, unit: "mức độ", comparator: "gte" });
    expect(plan.objectives.flatMap((o) => o.targets)).toHaveLength(18);
  });

  it("keeps the amount in words exactly as printed", () => {
    expect(plan.statedWords.map((words) => words.text)).toEqual(["Ba tỷ, không trăm ba mươi triệu đồng"]);
  });
});

describe("Đồng Tháp 2011–2015 (Quyết định 1096/QĐ-UBND.HC)", () => {
  const plan = dongThap2011;

  it("records the decision and its signer", () => {
    expect(plan.decisionDate).toBe("2010-11-25");
    expect(plan.signerName).toBe("Nguyễn Văn Dương");
    expect(plan.signerTitle).toContain("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  });

  it("budgets every row of the table for the whole period, adding up to 3.050.000.000 đồng", () => {
    const totals = computeTotals(plan);
    expect(totals.grand).toBe(3_050_000_000n);
    expect(totals.wholePeriod).toBe(3_050_000_000n);
    expect(totals.byYear.size).toBe(0);
    expect(Object.fromEntries(totals.byActivity)).toEqual({
      "1": 150_000_000n,
      "2": 102_000_000n,
      "3": 277_000_000n,
      "4": 210_000_000n,
      "5": 260_000_000n,
      "6": 75_000_000n,
      "7": 12_000_000n,
      "8": 300_000_000n,
      "9": 600_000_000n,
      "10": 650_000_000n,
      "11": 264_000_000n,
      "12": 150_000_000n,
    });
  });

  it("splits rows 8–11 by the sources the cost tables name", () => {
    const totals = computeTotals(plan);
    expect(totals.byActivitySource.get("8:provincial")).toBe(225_000_000n);
    expect(totals.byActivitySource.get("8:enterprise")).toBe(75_000_000n);
    expect(totals.byActivitySource.get("9:provincial")).toBe(480_000_000n);
    expect(totals.byActivitySource.get("9:central")).toBe(120_000_000n);
    expect(totals.byActivitySource.get("10:provincial")).toBe(350_000_000n);
    expect(totals.byActivitySource.get("10:enterprise")).toBe(300_000_000n);
    expect(totals.byActivitySource.get("11:central")).toBe(80_000_000n);
    expect(totals.byActivitySource.get("11:unspecified")).toBe(184_000_000n);
    expect(Object.fromEntries(totals.bySource)).toEqual({
      unspecified: 1_420_000_000n,
      provincial: 1_055_000_000n,
      enterprise: 375_000_000n,
      central: 200_000_000n,
    });
  });

  it("keeps the unit-price breakdowns", () => {
    const row4 = plan.budgetLines.filter((line) => line.activityNumber === "4");
    expect(row4.map((line) => [line.unitPriceDong, line.quantity, line.amountDong])).toEqual([
      [150_000_000n, 1, 150_000_000n],
      [15_000_000n, 4, 60_000_000n],
    ]);
    const row2 = plan.budgetLines.find((line) => line.activityNumber === "2");
    expect(row2).toMatchObject({
      label: "20.400.000 VNĐ/lớp x 5 lớp",
      unitPriceDong: 20_400_000n,
      quantity: 5,
    });
  });

  it("keeps the annex activities that have no budget row, with their units", () => {
    expect(findActivity(plan, "II.3")).toMatchObject({
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: ["ECOMVIET"],
    });
    expect(findActivity(plan, "II.4.a").coordinatingUnitCodes).toEqual(["SNV", "STTTT", "TTXTTMDT"]);
    for (const number of ["II.5.d", "II.5.e", "II.5.f"]) {
      expect(findActivity(plan, number).leadUnitCodes).toEqual(["TTXTTMDT"]);
    }
    expect(findActivity(plan, "11").coordinatingUnitCodes).toEqual(["ECOMVIET", "VCCI"]);
    expect(plan.activities).toHaveLength(17);
  });

  it("takes the plan's targets and keeps the decision's differing values as variants", () => {
    expect(findTarget(plan, "2.b")).toMatchObject({
      value: 40,
      variants: [{ location: "Quyết định, Điều 1, mục I.2.b", valueText: "20%" }],
    });
    expect(findTarget(plan, "2.d")).toMatchObject({
      value: 20,
      variants: [{ location: "Quyết định, Điều 1, mục I.2.d", valueText: "70%" }],
    });
    expect(findTarget(plan, "2")).toMatchObject({ value: 55, variants: [] });
  });

  it("keeps the misprints: row 12 of the decision's table, the amounts in words, the annex's decision number", () => {
    const row12 = plan.statedTotals.filter((total) => total.scope === "activity" && total.key === "12");
    expect(row12.map((total) => total.printed)).toEqual(["150.0000.000", "150.000.000", "150.000.000"]);
    expect(plan.statedWords.map((words) => words.text)).toEqual([
      "Ba tỉ không trăm năm mươi triệu đồng chẵn",
      "Ba t\u0159i không trăm năm mươi triệu đồng chẵn",
      "Ba tis không trăm năm mươi triệu đồng chẵn",
      "Ba t\u0159i không trăm năm mươi triệu đồng chẵn",
    ]);
    expect(plan.decisionCitations.map((citation) => citation.number)).toEqual(["1073/QĐ-UBND-HC"]);
  });
});

describe("Bà Rịa – Vũng Tàu 2021–2025 (Quyết định 93/QĐ-UBND)", () => {
  const plan = baRiaVungTau2021;

  it("budgets by source and year, adding up to the printed totals", () => {
    expect(plan.budgetLines.every((line) => line.activityNumber === null)).toBe(true);
    const totals = computeTotals(plan);
    expect([...totals.byYear]).toEqual([
      [2021, 544_500_000n],
      [2022, 590n * MILLION],
      [2023, 290n * MILLION],
      [2024, 460n * MILLION],
      [2025, 340n * MILLION],
    ]);
    expect(totals.bySource.get("central")).toBe(300n * MILLION);
    expect(totals.bySource.get("provincial")).toBe(1_924_500_000n);
    expect(totals.grand).toBe(2_224_500_000n);
  });

  it("has the five contents of section II as activities and the 13 headings of section IV as duties", () => {
    expect(plan.activities.map((a) => a.number)).toEqual(["1", "2", "3", "4", "5"]);
    // Heading 12 names two groups (departments; district committees), so it gives two assignments.
    expect(plan.assignments.map((assignment) => assignment.unitCode)).toEqual([
      "SCT",
      "STTTT",
      "SKHCN",
      "STC",
      "SKHDT",
      "SNNPTNT",
      "CAT",
      "CTHUE",
      "CHQ",
      "NHNN",
      "QLTT",
      "SO-BAN-NGANH",
      "UBND-HUYEN",
      "DN-HIEP-HOI",
    ]);
  });

  it("enters the 2025 targets with their comparators", () => {
    expect(findTarget(plan, "2.b.2")).toMatchObject({
      value: 1000,
      valueText: "khoảng 1.000 lượt",
      unit: "lượt người",
      comparator: "about",
      targetYear: 2025,
    });
    expect(findTarget(plan, "2.c.1")).toMatchObject({ value: 100, comparator: "eq" });
    expect(findTarget(plan, "2.c.2")).toMatchObject({ value: 80, comparator: "eq" });
    expect(findTarget(plan, "2.d.1")).toMatchObject({ value: 80, valueText: "trên 80%", comparator: "gt" });
    expect(findTarget(plan, "2.d.2")).toMatchObject({
      value: 60,
      valueText: "từ 60% trở lên",
      comparator: "gte",
    });
    expect(findTarget(plan, "2.d.3")).toMatchObject({ value: 100, unit: "%" });
    expect(findTarget(plan, "1")).toMatchObject({ value: null, valueText: null, comparator: null });
  });
});
