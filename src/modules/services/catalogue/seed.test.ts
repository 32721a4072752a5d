import { and, count, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { auditLog } from "../../identity/schema.ts";
import { planBudgetLines, plans } from "../../plans/schema.ts";
import { procedureComponents, procedures, procedureVersions } from "../schema.ts";
import { defineProcedureWorkflow, type ProcedureWorkflow } from "../workflow/index.ts";
import { readStoredQuestions } from "./questions.ts";
import { subsidyProgrammes } from "./seed/subsidy-programmes.ts";
import { seedDemoCatalogue } from "./test-support.ts";

let testApp: TestApp;
const db = () => testApp.database.db;

beforeAll(async () => {
  testApp = await buildTestApp();
});
afterAll(() => testApp.close());

const seedProvince = (slug: string) => seedDemoCatalogue(db(), slug);

async function tableCounts(provinceId: number) {
  const [procedureCount] = await db()
    .select({ n: count() })
    .from(procedures)
    .where(eq(procedures.provinceId, provinceId));
  const [versionCount] = await db()
    .select({ n: count() })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedures.provinceId, provinceId));
  const [componentCount] = await db()
    .select({ n: count() })
    .from(procedureComponents)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedureComponents.versionId))
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedures.provinceId, provinceId));
  const [auditCount] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.provinceId, provinceId), like(auditLog.action, "services.procedure.%")));
  return [procedureCount!.n, versionCount!.n, componentCount!.n, auditCount!.n];
}

test("seeding Đồng Tháp gives at least ten procedures and the plan's three subsidy programmes; a second run writes nothing", async () => {
  const { province, run } = await seedProvince("dong-thap");
  const before = await tableCounts(province.id);
  const second = await run();
  expect(second.created).toEqual([]);
  expect(await tableCounts(province.id)).toEqual(before);

  const rows = await db().select().from(procedures).where(eq(procedures.provinceId, province.id));
  expect(rows.filter((row) => row.kind === "procedure").length).toBeGreaterThanOrEqual(10);
  expect(
    rows
      .filter((row) => row.kind === "subsidy")
      .map((row) => row.code)
      .sort(),
  ).toEqual(subsidyProgrammes.map((entry) => entry.code).sort());
  // One audit row per procedure created.
  expect(before[3]).toBeGreaterThanOrEqual(rows.length);
});

test("each subsidy programme is paid by the provincial line of its plan activity, and its amounts equal the plan's lines", async () => {
  const { province } = await seedProvince("dong-thap");
  const versions = await db()
    .select({ code: procedures.code, version: procedureVersions })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(and(eq(procedures.provinceId, province.id), eq(procedures.kind, "subsidy")));
  expect(versions).toHaveLength(3);
  const expected = {
    "DTP.TMDT.01": {
      activity: "8",
      province: 225_000_000n,
      perEnterprise: 1_500_000,
      quota: 150,
      other: 75_000_000n,
    },
    "DTP.TMDT.02": {
      activity: "9",
      province: 480_000_000n,
      perEnterprise: 8_000_000,
      quota: 60,
      other: 120_000_000n,
    },
    "DTP.TMDT.03": {
      activity: "10",
      province: 350_000_000n,
      perEnterprise: 3_500_000,
      quota: 100,
      other: 300_000_000n,
    },
  } as const;
  for (const { code, version } of versions) {
    const want = expected[code as keyof typeof expected];
    const terms = version.subsidy!;
    expect(terms.amountPerEnterpriseDong).toBe(want.perEnterprise);
    expect(terms.quotaTotal).toBe(want.quota);
    const [line] = await db()
      .select({ line: planBudgetLines, decision: plans.decisionNumber })
      .from(planBudgetLines)
      .innerJoin(plans, eq(plans.id, planBudgetLines.planId))
      .where(eq(planBudgetLines.id, version.budgetLineId!));
    expect(line!.decision).toBe("1096/QĐ-UBND.HC");
    expect(line!.line.source).toBe("provincial");
    expect(line!.line.amountDong).toBe(want.province);
    expect(BigInt(terms.amountPerEnterpriseDong * terms.quotaTotal)).toBe(line!.line.amountDong);
    // The other line of the same activity: the enterprises' contribution or the central support.
    const others = await db()
      .select()
      .from(planBudgetLines)
      .where(
        and(
          eq(planBudgetLines.planId, line!.line.planId),
          eq(planBudgetLines.activityId, line!.line.activityId!),
        ),
      );
    const other = others.find((candidate) => candidate.id !== line!.line.id)!;
    expect(other.amountDong).toBe(want.other);
    const perEnterprise = terms.enterpriseContributionDong || terms.centralAmountPerEnterpriseDong;
    expect(BigInt(perEnterprise * terms.quotaTotal)).toBe(other.amountDong);
  }
  const email = versions.find((row) => row.code === "DTP.TMDT.01")!.version.subsidy!;
  expect(email.quotaPerYear).toBe(30);
  expect(versions.find((row) => row.code === "DTP.TMDT.03")!.version.subsidy!.quotaPerYear).toBe(20);
});

test("Bà Rịa – Vũng Tàu, whose scope does not hold the Đồng Tháp plan, gets the procedures but no subsidy programme", async () => {
  const { province } = await seedProvince("ba-ria-vung-tau");
  const rows = await db().select().from(procedures).where(eq(procedures.provinceId, province.id));
  expect(rows.filter((row) => row.kind === "procedure").length).toBeGreaterThanOrEqual(10);
  expect(rows.filter((row) => row.kind === "subsidy")).toEqual([]);
});

test("every seeded version is complete: components with a required one, legal basis, a valid workflow over the province's own units", async () => {
  const { province, catalogueUnits } = await seedProvince("ba-ria-vung-tau");
  const ownUnits = new Set(Object.values(catalogueUnits).map(String));
  const versions = await db()
    .select({ code: procedures.code, version: procedureVersions })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(eq(procedures.provinceId, province.id));
  const components = await db()
    .select()
    .from(procedureComponents)
    .where(
      inArray(
        procedureComponents.versionId,
        versions.map((row) => row.version.id),
      ),
    );
  for (const { code, version } of versions) {
    const own = components.filter((component) => component.versionId === version.id);
    expect(
      own.some((component) => component.required),
      code,
    ).toBe(true);
    expect(version.legalBasis.length, code).toBeGreaterThan(0);
    expect(version.processingWorkingDays, code).toBeGreaterThan(0);
    expect([1, 2, 3, 4]).toContain(version.level);
    const workflow = defineProcedureWorkflow(version.workflow as ProcedureWorkflow);
    for (const unitId of [
      workflow.receptionUnitId,
      workflow.approvalUnitId,
      ...workflow.steps.map((s) => s.unitId),
    ])
      expect(ownUnits.has(unitId), `${code} unit ${unitId}`).toBe(true);
    const stepDays = workflow.steps.reduce((sum, step) => sum + step.workingDays, 0);
    expect(stepDays, code).toBeLessThanOrEqual(version.processingWorkingDays);
    expect(() => readStoredQuestions(version.questions), code).not.toThrow();
    const payable = version.fees
      .filter((fee) => fee.payableOnline)
      .reduce((sum, fee) => sum + fee.amountDong, 0);
    expect(version.onlineFeeDong, code).toBe(payable);
    expect(version.searchText, code).toBe(version.searchText.toLowerCase());
  }
  const alcohol = versions.find((row) => row.code === "2.000636")!.version;
  expect(alcohol.legalBasis.join(" ")).toContain("105/2017/NĐ-CP");
  expect(alcohol.legalBasis.join(" ")).toContain("17/2020/NĐ-CP");
  expect(alcohol.resultValidityMonths).toBe(60);
});
