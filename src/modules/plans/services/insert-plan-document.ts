import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { upsertUnits } from "../../identity/index.ts";
import type { PlanDocument } from "../plan-document.ts";
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
} from "../schema.ts";

/**
 * Stores a whole plan document (seed data, or a plan entered elsewhere) for a province in the caller's
 * transaction, creating the units it names. Returns the plan id.
 */
export async function insertPlanDocument(
  db: Executor,
  input: { document: PlanDocument; provinceId: number; actorUserId: number | null },
): Promise<number> {
  const { document: doc, provinceId } = input;
  const unitIds = await upsertUnits(db, { provinceId, units: doc.units, actorUserId: input.actorUserId });
  const unitId = (code: string) => {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`Plan ${doc.slug} names unit ${code} that it does not list`);
    return id;
  };
  const [plan] = await db
    .insert(plans)
    .values({
      provinceId,
      slug: doc.slug,
      title: doc.title,
      titleEn: doc.titleEn ?? null,
      periodStart: doc.periodStart,
      periodEnd: doc.periodEnd,
      decisionNumber: doc.decisionNumber,
      decisionDate: doc.decisionDate,
      issuer: doc.issuer,
      signerName: doc.signerName,
      signerTitle: doc.signerTitle,
      budgetDisplayUnit: doc.budgetDisplayUnit,
      summary: doc.summary,
    })
    .returning({ id: plans.id });
  const planId = plan!.id;
  const owned = { planId, provinceId };

  for (const [position, objective] of doc.objectives.entries()) {
    const [row] = await db
      .insert(planObjectives)
      .values({ ...owned, position, code: objective.code, title: objective.title })
      .returning({ id: planObjectives.id });
    if (objective.targets.length === 0) continue;
    await db.insert(planTargets).values(
      objective.targets.map((target, targetPosition) => ({
        ...owned,
        objectiveId: row!.id,
        position: targetPosition,
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
    );
  }

  const activityIds = new Map<string, number>();
  for (const [position, activity] of doc.activities.entries()) {
    const [row] = await db
      .insert(planActivities)
      .values({
        ...owned,
        position,
        number: activity.number,
        title: activity.title,
        description: activity.description,
      })
      .returning({ id: planActivities.id });
    activityIds.set(activity.number, row!.id);
    const links = [
      ...activity.leadUnitCodes.map((code, index) => ({
        unitId: unitId(code),
        role: "lead" as const,
        position: index,
      })),
      ...activity.coordinatingUnitCodes.map((code, index) => ({
        unitId: unitId(code),
        role: "coordinating" as const,
        position: index,
      })),
    ];
    if (links.length)
      await db.insert(planActivityUnits).values(links.map((link) => ({ ...link, activityId: row!.id })));
  }

  if (doc.budgetLines.length) {
    await db.insert(planBudgetLines).values(
      doc.budgetLines.map((line, position) => {
        const activityId = line.activityNumber === null ? null : activityIds.get(line.activityNumber);
        if (activityId === undefined)
          throw new Error(`Budget line names unknown activity ${line.activityNumber}`);
        return {
          ...owned,
          position,
          activityId,
          year: line.year,
          source: line.source,
          amountDong: line.amountDong,
          label: line.label,
          unitPriceDong: line.unitPriceDong,
          quantity: line.quantity,
          quantityUnit: line.quantityUnit,
        };
      }),
    );
  }
  if (doc.statedTotals.length) {
    await db
      .insert(planStatedTotals)
      .values(doc.statedTotals.map((total, position) => ({ ...owned, position, ...total })));
  }
  if (doc.statedWords.length) {
    await db
      .insert(planStatedWords)
      .values(doc.statedWords.map((words, position) => ({ ...owned, position, ...words })));
  }
  if (doc.decisionCitations.length) {
    await db
      .insert(planDecisionCitations)
      .values(doc.decisionCitations.map((citation, position) => ({ ...owned, position, ...citation })));
  }
  if (doc.assignments.length) {
    await db.insert(planAssignments).values(
      doc.assignments.map((assignment, position) => ({
        ...owned,
        position,
        unitId: unitId(assignment.unitCode),
        duties: assignment.duties,
      })),
    );
  }
  await recordAudit(db, {
    provinceId,
    actorUserId: input.actorUserId,
    action: "plan.create",
    entityType: "plan",
    entityId: planId,
    after: {
      title: doc.title,
      decisionNumber: doc.decisionNumber,
      objectives: doc.objectives.length,
      activities: doc.activities.length,
      budgetLines: doc.budgetLines.length,
    },
  });
  return planId;
}
