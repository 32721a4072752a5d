import { eq } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import type { HostedProvince } from "../../../../platform/request-context.ts";
import { listProvinces, scopeOf } from "../../../geo/index.ts";
import { getPlan, listPlans } from "../../../plans/index.ts";
import { procedures } from "../../schema.ts";
import type { ProcedureWorkflow } from "../../workflow/index.ts";
import { storeProcedureVersion } from "../services/store-version.ts";
import type { VersionDraft } from "../version-draft.ts";
import type { CatalogueEntry, UnitRole } from "./catalogue-entry.ts";
import { departmentProcedures } from "./department-procedures.ts";
import { SUBSIDY_PLAN_DECISION, subsidyProgrammes } from "./subsidy-programmes.ts";

export type CatalogueUnits = {
  /** The one-stop section (Bộ phận Một cửa): receives dossiers and returns results. */
  reception: number;
  /** The trade management office. */
  trade: number;
  /** The industrial safety and environment office. */
  safety: number;
  /** The Department's directorate: its leaders approve. */
  directorate: number;
  /** The trade promotion centre, where the province has one; otherwise the trade office stands in. */
  promotion?: number;
};

export { departmentProcedures, subsidyProgrammes };

function unitOf(units: CatalogueUnits, role: UnitRole): number {
  if (role === "promotion") return units.promotion ?? units.trade;
  return units[role];
}

function toDraft(entry: CatalogueEntry, units: CatalogueUnits, budgetLineId: number | null): VersionDraft {
  const workflow: ProcedureWorkflow = {
    receptionUnitId: String(units.reception),
    steps: entry.steps.map((step) => ({
      id: step.id,
      name: step.name,
      unitId: String(unitOf(units, step.unit)),
      workingDays: step.workingDays,
    })) as unknown as ProcedureWorkflow["steps"],
    approvalUnitId: String(units.directorate),
  };
  const { code: _code, kind: _kind, unit, steps: _steps, subsidy, ...rest } = entry;
  return {
    ...rest,
    implementingUnitId: unitOf(units, unit),
    workflow,
    subsidy: subsidy?.terms ?? null,
    budgetLineId,
  };
}

/**
 * The provincial budget line of each subsidy programme, by the plan activity it belongs to — or null when the
 * province's scope does not hold Đồng Tháp's 2011–2015 plan (then the programmes are not seeded there).
 */
async function findSubsidyBudgetLines(db: Executor, provinceId: number): Promise<Map<string, number> | null> {
  const province = (await listProvinces(db)).find((candidate) => candidate.id === provinceId);
  if (!province) throw new Error(`Province ${provinceId} does not exist`);
  const scopeIds = scopeOf(province);
  const plan = (await listPlans(db, scopeIds)).find((item) => item.decisionNumber === SUBSIDY_PLAN_DECISION);
  if (!plan) return null;
  const hosted: HostedProvince = {
    id: province.id,
    slug: province.slug,
    name: province.name,
    kind: province.kind,
    status: province.status,
    successor: province.successor,
    changedOn: province.changedOn,
    scopeIds,
  };
  const { plan: detail } = await getPlan({ ctx: { db, actor: null, province: hosted }, planId: plan.id });
  const lines = new Map<string, number>();
  for (const entry of subsidyProgrammes) {
    const activity = entry.subsidy!.planActivityNumber;
    const line = detail.budgetLines.find(
      (candidate) => candidate.activityNumber === activity && candidate.source === "provincial",
    );
    if (!line) throw new Error(`Plan ${plan.id} has no provincial budget line for activity ${activity}`);
    lines.set(entry.code, line.id);
  }
  return lines;
}

/**
 * Seeds a province's catalogue: the Department's procedures, and the Đồng Tháp plan's three subsidy programmes
 * where the province's scope holds that plan. Idempotent: a procedure whose code the province already has is
 * left as it is (an administrator may have published newer versions or retired it), so a second run writes
 * nothing. Each procedure created gets version 1 and an audit row.
 */
export async function seedProcedureCatalogue(
  tx: Executor,
  options: { provinceId: number; units: CatalogueUnits; actorUserId: number | null },
): Promise<{ created: string[] }> {
  const existing = new Set(
    (
      await tx
        .select({ code: procedures.code })
        .from(procedures)
        .where(eq(procedures.provinceId, options.provinceId))
    ).map((row) => row.code),
  );
  const budgetLines = await findSubsidyBudgetLines(tx, options.provinceId);
  const entries = [...departmentProcedures, ...(budgetLines ? subsidyProgrammes : [])];
  const created: string[] = [];
  for (const entry of entries) {
    if (existing.has(entry.code)) continue;
    const [procedure] = await tx
      .insert(procedures)
      .values({ provinceId: options.provinceId, code: entry.code, kind: entry.kind })
      .returning();
    const version = await storeProcedureVersion(tx, {
      procedureId: procedure!.id,
      code: entry.code,
      version: 1,
      draft: toDraft(entry, options.units, budgetLines?.get(entry.code) ?? null),
      createdBy: options.actorUserId,
    });
    await recordAudit(tx, {
      provinceId: options.provinceId,
      actorUserId: options.actorUserId,
      action: "services.procedure.seeded",
      entityType: "procedure",
      entityId: procedure!.id,
      after: { code: entry.code, kind: entry.kind, versionId: version.id, name: version.name },
    });
    created.push(entry.code);
  }
  return { created };
}
