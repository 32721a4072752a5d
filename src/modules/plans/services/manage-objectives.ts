import { and, eq, sql } from "drizzle-orm";
import { NotFoundError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { ObjectiveInput, TargetInput } from "../inputs.ts";
import { planObjectives, planTargets } from "../schema.ts";
import { getManageablePlan, recordPlanChange } from "./plan-access.ts";

type ItemInput = { ctx: ServiceContext; planId: number; form: unknown };

/** Adds an objective (objectiveId null) or changes one; the position keeps the document's order. */
export async function saveObjective({
  ctx,
  planId,
  objectiveId,
  form,
}: ItemInput & { objectiveId: number | null }): Promise<number> {
  const { plan } = await getManageablePlan(ctx, planId);
  const input = parseInput(ObjectiveInput, form);
  return ctx.db.transaction(async (tx) => {
    if (objectiveId === null) {
      const [row] = await tx
        .insert(planObjectives)
        .values({
          ...input,
          planId,
          provinceId: plan.provinceId,
          position: sql`(select coalesce(max(position) + 1, 0) from plan_objectives where plan_id = ${planId})`,
        })
        .returning();
      await recordPlanChange(tx, ctx, {
        plan,
        action: "plan.objective.create",
        entityType: "planObjective",
        entityId: row!.id,
        after: input,
      });
      return row!.id;
    }
    const [before] = await tx
      .select()
      .from(planObjectives)
      .where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)));
    if (!before) throw new NotFoundError();
    await tx.update(planObjectives).set(input).where(eq(planObjectives.id, objectiveId));
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.objective.update",
      entityType: "planObjective",
      entityId: objectiveId,
      before,
      after: input,
    });
    return objectiveId;
  });
}

export async function deleteObjective({
  ctx,
  planId,
  objectiveId,
}: {
  ctx: ServiceContext;
  planId: number;
  objectiveId: number;
}) {
  const { plan } = await getManageablePlan(ctx, planId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(planObjectives)
      .where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)))
      .returning();
    if (!before) throw new NotFoundError();
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.objective.delete",
      entityType: "planObjective",
      entityId: objectiveId,
      before,
    });
  });
}

export async function saveTarget({
  ctx,
  planId,
  objectiveId,
  targetId,
  form,
}: ItemInput & { objectiveId: number; targetId: number | null }): Promise<number> {
  const { plan } = await getManageablePlan(ctx, planId);
  const input = parseInput(TargetInput, form);
  return ctx.db.transaction(async (tx) => {
    const [objective] = await tx
      .select()
      .from(planObjectives)
      .where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)));
    if (!objective) throw new NotFoundError();
    if (targetId === null) {
      const [row] = await tx
        .insert(planTargets)
        .values({
          ...input,
          planId,
          objectiveId,
          provinceId: plan.provinceId,
          location: "",
          position: sql`(select coalesce(max(position) + 1, 0) from plan_targets where objective_id = ${objectiveId})`,
        })
        .returning();
      await recordPlanChange(tx, ctx, {
        plan,
        action: "plan.target.create",
        entityType: "planTarget",
        entityId: row!.id,
        after: input,
      });
      return row!.id;
    }
    const [before] = await tx
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.id, targetId), eq(planTargets.objectiveId, objectiveId)));
    if (!before) throw new NotFoundError();
    await tx.update(planTargets).set(input).where(eq(planTargets.id, targetId));
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.target.update",
      entityType: "planTarget",
      entityId: targetId,
      before,
      after: input,
    });
    return targetId;
  });
}

export async function deleteTarget({
  ctx,
  planId,
  targetId,
}: {
  ctx: ServiceContext;
  planId: number;
  targetId: number;
}) {
  const { plan } = await getManageablePlan(ctx, planId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(planTargets)
      .where(and(eq(planTargets.id, targetId), eq(planTargets.planId, planId)))
      .returning();
    if (!before) throw new NotFoundError();
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.target.delete",
      entityType: "planTarget",
      entityId: targetId,
      before,
    });
  });
}
