import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { provinces } from "../geo/schema.ts";
import { findUnitsVersion, listUnits } from "../identity/index.ts";
import type { PlanDetail } from "./plan-detail.ts";
import {
  planActivities,
  planActivityUnits,
  planAssignments,
  planBudgetLines,
  planDecisionCitations,
  planObjectives,
  planStatedTotals,
  planStatedWords,
  plans,
  planTargets,
} from "./schema.ts";

export type PlanListItem = {
  id: number;
  title: string;
  periodStart: number;
  periodEnd: number;
  decisionNumber: string;
  decisionDate: string;
  province: { id: number; slug: string; name: string; kind: string; status: "current" | "former" };
  totalDong: bigint;
};

/** Plans of a province and of the former provinces merged into it, newest period first. */
export async function listPlans(db: Executor, provinceIds: readonly number[]): Promise<PlanListItem[]> {
  const rows = await db
    .select({
      id: plans.id,
      title: plans.title,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      decisionNumber: plans.decisionNumber,
      decisionDate: plans.decisionDate,
      provinceId: provinces.id,
      provinceSlug: provinces.slug,
      provinceName: provinces.name,
      provinceKind: provinces.kind,
      provinceStatus: provinces.status,
      totalDong: sql<string>`coalesce((select sum(${planBudgetLines.amountDong}) from ${planBudgetLines} where ${planBudgetLines.planId} = ${plans.id}), 0)::text`,
    })
    .from(plans)
    .innerJoin(provinces, eq(provinces.id, plans.provinceId))
    .where(inArray(plans.provinceId, [...provinceIds]))
    .orderBy(desc(plans.periodStart), asc(plans.title));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    province: {
      id: row.provinceId,
      slug: row.provinceSlug,
      name: row.provinceName,
      kind: row.provinceKind,
      status: row.provinceStatus,
    },
    totalDong: BigInt(row.totalDong),
  }));
}

/** Everything a plan page, an export or the API shows, in a fixed number of queries. */
export async function findPlanDetail(
  db: Executor,
  planId: number,
  provinceIds: readonly number[],
): Promise<PlanDetail | undefined> {
  const [plan] = await db
    .select({ plan: plans, province: provinces })
    .from(plans)
    .innerJoin(provinces, eq(provinces.id, plans.provinceId))
    .where(and(eq(plans.id, planId), inArray(plans.provinceId, [...provinceIds])));
  if (!plan) return undefined;
  const byPlan = (table: { planId: AnyPgColumn }) => eq(table.planId, planId);
  const [
    objectives,
    targets,
    activities,
    activityUnits,
    budgetLines,
    statedTotals,
    statedWords,
    citations,
    assignments,
    unitRows,
  ] = await Promise.all([
    db.select().from(planObjectives).where(byPlan(planObjectives)).orderBy(asc(planObjectives.position)),
    db.select().from(planTargets).where(byPlan(planTargets)).orderBy(asc(planTargets.position)),
    db.select().from(planActivities).where(byPlan(planActivities)).orderBy(asc(planActivities.position)),
    db
      .select({
        activityId: planActivityUnits.activityId,
        unitId: planActivityUnits.unitId,
        role: planActivityUnits.role,
      })
      .from(planActivityUnits)
      .innerJoin(planActivities, eq(planActivities.id, planActivityUnits.activityId))
      .where(eq(planActivities.planId, planId))
      .orderBy(asc(planActivityUnits.position)),
    db.select().from(planBudgetLines).where(byPlan(planBudgetLines)).orderBy(asc(planBudgetLines.position)),
    db
      .select()
      .from(planStatedTotals)
      .where(byPlan(planStatedTotals))
      .orderBy(asc(planStatedTotals.position)),
    db.select().from(planStatedWords).where(byPlan(planStatedWords)).orderBy(asc(planStatedWords.position)),
    db
      .select()
      .from(planDecisionCitations)
      .where(byPlan(planDecisionCitations))
      .orderBy(asc(planDecisionCitations.position)),
    db.select().from(planAssignments).where(byPlan(planAssignments)).orderBy(asc(planAssignments.position)),
    listUnits(db, [plan.plan.provinceId]),
  ]);
  const unitCode = new Map(unitRows.map((unit) => [unit.id, unit.code]));
  const activityNumber = new Map(activities.map((activity) => [activity.id, activity.number]));
  const codesFor = (activityId: number, role: "lead" | "coordinating") =>
    activityUnits
      .filter((link) => link.activityId === activityId && link.role === role)
      .map((link) => unitCode.get(link.unitId)!);
  const { plan: row, province } = plan;
  return {
    id: row.id,
    slug: row.slug,
    ...(province.gsoCode ? { provinceCode: province.gsoCode } : {}),
    province: {
      id: province.id,
      slug: province.slug,
      name: province.name,
      kind: province.kind,
      status: province.status,
    },
    title: row.title,
    ...(row.titleEn ? { titleEn: row.titleEn } : {}),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    issuer: row.issuer,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    budgetDisplayUnit: row.budgetDisplayUnit,
    summary: row.summary,
    updatedAt: row.updatedAt,
    units: unitRows.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      ...(unit.nameEn ? { nameEn: unit.nameEn } : {}),
      kind: unit.kind,
    })),
    objectives: objectives.map((objective) => ({
      id: objective.id,
      code: objective.code,
      title: objective.title,
      targets: targets
        .filter((target) => target.objectiveId === objective.id)
        .map((target) => ({
          id: target.id,
          code: target.code,
          description: target.description,
          value: target.value,
          valueText: target.valueText,
          unit: target.unit,
          comparator: target.comparator,
          targetYear: target.targetYear,
          location: target.location,
          variants: target.variants,
        })),
    })),
    activities: activities.map((activity) => ({
      id: activity.id,
      number: activity.number,
      title: activity.title,
      description: activity.description,
      leadUnitCodes: codesFor(activity.id, "lead"),
      coordinatingUnitCodes: codesFor(activity.id, "coordinating"),
    })),
    budgetLines: budgetLines.map((line) => ({
      id: line.id,
      activityNumber: line.activityId ? (activityNumber.get(line.activityId) ?? null) : null,
      year: line.year,
      source: line.source,
      amountDong: line.amountDong,
      label: line.label,
      unitPriceDong: line.unitPriceDong,
      quantity: line.quantity,
      quantityUnit: line.quantityUnit,
    })),
    statedTotals: statedTotals.map(({ scope, key, printed, printedUnit, location }) => ({
      scope,
      key,
      printed,
      printedUnit,
      location,
    })),
    statedWords: statedWords.map(({ text, location }) => ({ text, location })),
    decisionCitations: citations.map(({ number, location }) => ({ number, location })),
    assignments: assignments.map((assignment) => ({
      unitCode: unitCode.get(assignment.unitId)!,
      duties: assignment.duties,
    })),
  };
}

/**
 * A cheap fingerprint of the data behind public plan pages: changes whenever a plan in the scope is added,
 * removed or edited (every change to a plan's content bumps its updated_at).
 */
export async function findPlansVersion(
  db: Executor,
  provinceIds: readonly number[],
  planId?: number,
): Promise<string | undefined> {
  // A digest of every (id, updated_at), not max(updated_at): an edit whose timestamp is not the newest
  // (another process's clock, commits in another order) still changes the version. Unit names show on
  // plan pages too, so their last change is part of it.
  const [[row], unitsVersion] = await Promise.all([
    db
      .select({
        count: sql<number>`count(*)::int`,
        digest: sql<
          string | null
        >`md5(string_agg(${plans.id}::text || ':' || ${plans.updatedAt}::text, ',' order by ${plans.id}))`,
      })
      .from(plans)
      .where(
        and(
          inArray(plans.provinceId, [...provinceIds]),
          planId === undefined ? undefined : eq(plans.id, planId),
        ),
      ),
    findUnitsVersion(db, provinceIds),
  ]);
  if (!row || row.count === 0) return planId === undefined ? "empty" : undefined;
  return `${row.count}:${row.digest}:${unitsVersion}`;
}
