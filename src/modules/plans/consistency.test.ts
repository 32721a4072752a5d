import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Translate } from "../../platform/i18n.ts";
import {
  type ConsistencyFinding,
  checkPlanConsistency,
  computeTotals,
  describeFinding,
} from "./consistency.ts";
import { type BudgetLine, PlanDocument } from "./plan-document.ts";
import { baRiaVungTau2011, baRiaVungTau2021, dongThap2011 } from "./seed-data/index.ts";

const MILLION = 1_000_000n;

function budgetLine(overrides: Partial<BudgetLine> & Pick<BudgetLine, "amountDong">): BudgetLine {
  return {
    activityNumber: "1",
    year: 2021,
    source: "provincial",
    label: null,
    unitPriceDong: null,
    quantity: null,
    quantityUnit: null,
    ...overrides,
  };
}

/** A small plan whose stated figures all agree: 2 activities, 2 years, 2 sources, 100 triệu in all. */
function buildPlan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return PlanDocument.parse({
    slug: "ke-hoach-thu",
    provinceCode: "01",
    title: "Kế hoạch thử",
    periodStart: 2021,
    periodEnd: 2022,
    decisionNumber: "12/QĐ-UBND",
    decisionDate: "2021-01-04",
    issuer: "Ủy ban nhân dân tỉnh",
    signerName: "Nguyễn Văn A",
    signerTitle: "CHỦ TỊCH",
    budgetDisplayUnit: "million",
    units: [{ code: "SCT", name: "Sở Công Thương", kind: "provincial" }],
    objectives: [
      {
        code: "1",
        title: "Mục tiêu",
        targets: [
          {
            code: "1.a",
            description: "Doanh nghiệp có website",
            value: 40,
            valueText: "40%",
            unit: "%",
            comparator: "eq",
            targetYear: 2022,
            location: "Kế hoạch, mục I.1.a",
          },
        ],
      },
    ],
    activities: [
      { number: "1", title: "Tập huấn", leadUnitCodes: ["SCT"] },
      { number: "2", title: "Hỗ trợ website", leadUnitCodes: ["SCT"] },
    ],
    budgetLines: [
      budgetLine({ activityNumber: "1", year: 2021, amountDong: 20n * MILLION }),
      budgetLine({ activityNumber: "1", year: 2022, amountDong: 30n * MILLION }),
      budgetLine({
        activityNumber: "2",
        year: 2021,
        source: "central",
        amountDong: 40n * MILLION,
        label: "Hỗ trợ 20 doanh nghiệp",
        unitPriceDong: 2n * MILLION,
        quantity: 20,
      }),
      budgetLine({ activityNumber: "2", year: 2022, source: "enterprise", amountDong: 10n * MILLION }),
    ],
    statedTotals: [
      { scope: "activity", key: "1", printed: "50", printedUnit: "million", location: "Bảng, dòng 1" },
      { scope: "activity", key: "2", printed: "50.000.000", printedUnit: "dong", location: "Mục II.2" },
      {
        scope: "activity-source",
        key: "2:central",
        printed: "40",
        printedUnit: "million",
        location: "Mục II.2",
      },
      { scope: "year", key: "2021", printed: "60", printedUnit: "million", location: "Bảng, dòng Tổng" },
      { scope: "year", key: "2022", printed: "40", printedUnit: "million", location: "Bảng, dòng Tổng" },
      { scope: "source", key: "provincial", printed: "50", printedUnit: "million", location: "Mục III" },
      { scope: "grand", key: "", printed: "100", printedUnit: "million", location: "Bảng, dòng Tổng" },
    ],
    statedWords: [{ text: "Một trăm triệu đồng", location: "Mục III" }],
    decisionCitations: [{ number: "12 /QĐ-UBND", location: "Kế hoạch, phần đầu" }],
    ...overrides,
  });
}

function replaceStatedTotal(plan: PlanDocument, key: string, printed: string): PlanDocument {
  return {
    ...plan,
    statedTotals: plan.statedTotals.map((total) =>
      total.scope === "activity" && total.key === key ? { ...total, printed } : total,
    ),
  };
}

describe("computeTotals", () => {
  it("adds the lines by year, source, activity and activity-source", () => {
    const totals = computeTotals(buildPlan());
    expect(totals.grand).toBe(100n * MILLION);
    expect(totals.byYear).toEqual(
      new Map([
        [2021, 60n * MILLION],
        [2022, 40n * MILLION],
      ]),
    );
    expect(totals.bySource).toEqual(
      new Map([
        ["provincial", 50n * MILLION],
        ["central", 40n * MILLION],
        ["enterprise", 10n * MILLION],
      ]),
    );
    expect(totals.byActivity).toEqual(
      new Map([
        ["1", 50n * MILLION],
        ["2", 50n * MILLION],
      ]),
    );
    expect(totals.byActivitySource.get("2:enterprise")).toBe(10n * MILLION);
    expect(totals.wholePeriod).toBe(0n);
  });

  it("keeps whole-period lines out of the year totals and counts them apart", () => {
    const plan = buildPlan({
      budgetLines: [
        budgetLine({ year: null, amountDong: 7n }),
        budgetLine({ activityNumber: null, year: 2021, amountDong: 5n }),
      ],
    });
    const totals = computeTotals(plan);
    expect(totals.wholePeriod).toBe(7n);
    expect(totals.byYear).toEqual(new Map([[2021, 5n]]));
    expect(totals.byActivity).toEqual(new Map([["1", 7n]]));
    expect(totals.grand).toBe(12n);
  });
});

describe("checkPlanConsistency", () => {
  it("reports nothing for a document whose figures agree", () => {
    expect(checkPlanConsistency(buildPlan())).toEqual([]);
  });

  it("reports a wrong row total with the amount the lines add up to", () => {
    const findings = checkPlanConsistency(replaceStatedTotal(buildPlan(), "1", "55"));
    expect(findings).toEqual([
      {
        code: "sum-mismatch",
        severity: "error",
        scope: "activity",
        key: "1",
        location: "Bảng, dòng 1",
        stated: "55",
        expected: "50",
        messageKey: "consistency.sum-mismatch.activity",
        params: {
          activity: "1",
          scope: "activity",
          unit: "million",
          expectedDong: "50000000",
          statedDong: "55000000",
        },
      },
    ]);
  });

  it("formats the expected figure in the unit the document printed", () => {
    const [finding] = checkPlanConsistency(replaceStatedTotal(buildPlan(), "2", "60.000.000"));
    expect(finding).toMatchObject({ code: "sum-mismatch", stated: "60.000.000", expected: "50.000.000" });
  });

  it("checks year, source, activity-source and grand totals", () => {
    const plan = buildPlan();
    const wrong = {
      ...plan,
      statedTotals: plan.statedTotals.map((total) =>
        total.scope === "activity" ? total : { ...total, printed: "1" },
      ),
    };
    const findings = checkPlanConsistency(wrong);
    expect(findings.map((f) => [f.messageKey, f.key, f.expected])).toEqual([
      ["consistency.sum-mismatch.activity-source", "2:central", "40"],
      ["consistency.sum-mismatch.year", "2021", "60"],
      ["consistency.sum-mismatch.year", "2022", "40"],
      ["consistency.sum-mismatch.source", "provincial", "50"],
      ["consistency.sum-mismatch.grand", "", "100"],
    ]);
    expect(findings[0]?.params).toMatchObject({ activity: "2", source: "central" });
    expect(findings[3]?.params).toMatchObject({ source: "provincial" });
  });

  it("reports a total for a key that has no lines as adding up to zero", () => {
    const plan = buildPlan();
    const findings = checkPlanConsistency({
      ...plan,
      statedTotals: [{ scope: "year", key: "2030", printed: "5", printedUnit: "million", location: "Bảng" }],
    });
    expect(findings).toMatchObject([{ code: "sum-mismatch", key: "2030", expected: "0" }]);
  });

  it("reports a figure that is not a number as malformed, not as a wrong sum", () => {
    const findings = checkPlanConsistency(replaceStatedTotal(buildPlan(), "2", "50.0000.000"));
    expect(findings).toEqual([
      expect.objectContaining({
        code: "malformed-number",
        severity: "warning",
        key: "2",
        stated: "50.0000.000",
        expected: "50.000.000",
        messageKey: "consistency.malformed-number",
        params: expect.objectContaining({ reason: "malformed", unit: "dong" }),
      }),
    ]);
  });

  it("reports an amount in words that does not say the grand total, with the right words", () => {
    const plan = buildPlan({ statedWords: [{ text: "Một trăm mười triệu đồng", location: "Mục III" }] });
    expect(checkPlanConsistency(plan)).toEqual([
      expect.objectContaining({
        code: "words-mismatch",
        stated: "Một trăm mười triệu đồng",
        expected: "Một trăm triệu đồng",
        location: "Mục III",
        params: { expectedAmount: "100.000.000", expectedDong: "100000000" },
      }),
    ]);
  });

  it("reports a line whose amount is not unit price × quantity", () => {
    const plan = buildPlan();
    const lines = plan.budgetLines.map((line) => (line.unitPriceDong ? { ...line, quantity: 21 } : line));
    expect(checkPlanConsistency({ ...plan, budgetLines: lines })).toEqual([
      expect.objectContaining({
        code: "line-product-mismatch",
        severity: "error",
        key: "2",
        stated: "40.000.000",
        expected: "42.000.000",
      }),
    ]);
  });

  it("reports each target variant and each citation of another decision number", () => {
    const base = buildPlan();
    const [objective] = base.objectives;
    const plan: PlanDocument = {
      ...base,
      objectives: [
        {
          ...objective!,
          targets: objective!.targets.map((target) => ({
            ...target,
            variants: [{ location: "Quyết định, Điều 1", valueText: "20%" }],
          })),
        },
      ],
      decisionCitations: [
        ...base.decisionCitations,
        { number: "21/QĐ-UBND", location: "Kế hoạch, phần đầu" },
      ],
    };
    expect(checkPlanConsistency(plan)).toEqual([
      expect.objectContaining({
        code: "target-differs",
        key: "1.a",
        location: "Quyết định, Điều 1",
        stated: "20%",
        expected: "40%",
        params: { objective: "1", target: "1.a", targetLocation: "Kế hoạch, mục I.1.a" },
      }),
      expect.objectContaining({
        code: "decision-number-differs",
        location: "Kế hoạch, phần đầu",
        stated: "21/QĐ-UBND",
        expected: "12/QĐ-UBND",
      }),
    ]);
  });
});

describe("checkPlanConsistency on the seed plans", () => {
  it("finds nothing wrong in Bà Rịa – Vũng Tàu 2011–2015", () => {
    expect(checkPlanConsistency(baRiaVungTau2011)).toEqual([]);
  });

  it("finds nothing wrong in Bà Rịa – Vũng Tàu 2021–2025", () => {
    expect(checkPlanConsistency(baRiaVungTau2021)).toEqual([]);
  });

  it("finds exactly the misprints and discrepancies of Đồng Tháp 2011–2015", () => {
    const findings = checkPlanConsistency(dongThap2011);
    expect(
      findings.map(({ code, key, location, stated, expected }) => ({
        code,
        key,
        location,
        stated,
        expected,
      })),
    ).toEqual([
      {
        code: "malformed-number",
        key: "12",
        location: "Quyết định, Điều 1, mục “II. Nhu cầu và nguồn kinh phí”, bảng kinh phí",
        stated: "150.0000.000",
        expected: "150.000.000",
      },
      {
        code: "words-mismatch",
        key: "",
        location: "Quyết định, Điều 1, mục “II. Nhu cầu và nguồn kinh phí”, dưới bảng kinh phí",
        stated: "Ba t\u0159i không trăm năm mươi triệu đồng chẵn",
        expected: "Ba tỷ không trăm năm mươi triệu đồng",
      },
      {
        code: "words-mismatch",
        key: "",
        location: "Kế hoạch kèm theo, mục III.1",
        stated: "Ba tis không trăm năm mươi triệu đồng chẵn",
        expected: "Ba tỷ không trăm năm mươi triệu đồng",
      },
      {
        code: "words-mismatch",
        key: "",
        location: "Kế hoạch kèm theo, mục III.1, dưới bảng kinh phí",
        stated: "Ba t\u0159i không trăm năm mươi triệu đồng chẵn",
        expected: "Ba tỷ không trăm năm mươi triệu đồng",
      },
      {
        code: "target-differs",
        key: "2.b",
        location: "Quyết định, Điều 1, mục I.2.b",
        stated: "20%",
        expected: "40%",
      },
      {
        code: "target-differs",
        key: "2.d",
        location: "Quyết định, Điều 1, mục I.2.d",
        stated: "70%",
        expected: "20%",
      },
      {
        code: "decision-number-differs",
        key: "",
        location: "Kế hoạch kèm theo, phần đầu (Ban hành kèm theo Quyết định số … ngày 25/11/2010)",
        stated: "1073/QĐ-UBND-HC",
        expected: "1096/QĐ-UBND.HC",
      },
    ]);
  });

  it("would catch a wrong figure entered in the seed data", () => {
    const tampered = replaceStatedTotal(dongThap2011, "11", "246.000.000");
    const sums = checkPlanConsistency(tampered).filter((finding) => finding.code === "sum-mismatch");
    expect(sums.map((f) => [f.key, f.stated, f.expected])).toEqual([
      ["11", "246.000.000", "264.000.000"],
      ["11", "246.000.000", "264.000.000"],
      ["11", "246.000.000", "264.000.000"],
    ]);
  });
});

describe("consistency messages", () => {
  const readCatalogue = (locale: "vi" | "en") =>
    JSON.parse(
      readFileSync(new URL(`../../../locales/${locale}/consistency.json`, import.meta.url), "utf8"),
    ) as Record<string, string>;
  const catalogues = { vi: readCatalogue("vi"), en: readCatalogue("en") };
  // The platform translator's rule: `{name}` is replaced by params[name]; an unknown name stays.
  const translatorFor =
    (catalogue: Record<string, string>): Translate =>
    (key, params) =>
      (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params?.[name];
        return value === undefined || value === null ? whole : String(value);
      });

  const plan = buildPlan();
  const everyKindOfFinding: ConsistencyFinding[] = [
    ...checkPlanConsistency(dongThap2011),
    ...checkPlanConsistency({
      ...plan,
      statedTotals: plan.statedTotals.map((total) => ({ ...total, printed: "1" })),
      budgetLines: plan.budgetLines.map((line) => (line.unitPriceDong ? { ...line, quantity: 3 } : line)),
    }),
  ];

  it("covers every kind of finding in the test set", () => {
    expect(new Set(everyKindOfFinding.map((f) => f.messageKey)).size).toBe(10);
  });

  it("has the same keys in Vietnamese and English", () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.vi).sort());
  });

  it.each(["vi", "en"] as const)("renders every finding in %s with no placeholder left", (locale) => {
    const t = translatorFor(catalogues[locale]);
    for (const finding of everyKindOfFinding) {
      expect(catalogues[locale]).toHaveProperty([finding.messageKey]);
      const message = describeFinding(finding, t);
      expect(message, finding.messageKey).not.toMatch(/[{}]|consistency\./);
    }
  });

  it("renders a wrong row total as natural Vietnamese", () => {
    const [finding] = checkPlanConsistency(replaceStatedTotal(buildPlan(), "1", "55"));
    expect(describeFinding(finding!, translatorFor(catalogues.vi))).toBe(
      "Kinh phí của hoạt động số 1 ghi 55 triệu đồng, nhưng cộng các khoản của hoạt động này được 50 triệu đồng.",
    );
  });
});
