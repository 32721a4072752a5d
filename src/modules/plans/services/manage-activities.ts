import { and, eq, ne, sql } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { findUnitIdsInProvince } from "../../identity/index.ts";
import { ActivityInput } from "../inputs.ts";
import { planActivities, planActivityUnits } from "../schema.ts";
import { getManageablePlan, recordPlanChange } from "./plan-access.ts";

/** Adds or changes an activity with its lead and coordinating units (units of the plan's province only). */
export async function saveActivity({
  ctx,
  planId,
  activityId,
  form,
}: {
  ctx: ServiceContext;
  planId: number;
  activityId: number | null;
  form: unknown;
}): Promise<number> {
  const { plan } = await getManageablePlan(ctx, planId);
  const input = parseInput(ActivityInput, form);
  const { leadUnitIds, coordinatingUnitIds, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const unitIds = [...new Set([...leadUnitIds, ...coordinatingUnitIds])];
    if ((await findUnitIdsInProvince(tx, plan.provinceId, unitIds)).length !== unitIds.length) {
      throw new ValidationError([{ field: "leadUnitIds", messageKey: "validation.invalid" }]);
    }
    const [clash] = await tx
      .select({ id: planActivities.id })
      .from(planActivities)
      .where(
        and(
          eq(planActivities.planId, planId),
          eq(planActivities.number, fields.number),
          activityId ? ne(planActivities.id, activityId) : undefined,
        ),
      );
    if (clash)
      throw new ValidationError([
        {
          field: "number",
          messageKey: "plans.validation.activityNumberTaken",
          params: { number: fields.number },
        },
      ]);

    let id = activityId;
    let before: unknown;
    if (id === null) {
      const [row] = await tx
        .insert(planActivities)
        .values({
          ...fields,
          planId,
          provinceId: plan.provinceId,
          position: sql`(select coalesce(max(position) + 1, 0) from plan_activities where plan_id = ${planId})`,
        })
        .returning({ id: planActivities.id });
      id = row!.id;
    } else {
      const [existing] = await tx
        .select()
        .from(planActivities)
        .where(and(eq(planActivities.id, id), eq(planActivities.planId, planId)));
      if (!existing) throw new NotFoundError();
      const links = await tx.select().from(planActivityUnits).where(eq(planActivityUnits.activityId, id));
      before = { ...existing, units: links };
      await tx.update(planActivities).set(fields).where(eq(planActivities.id, id));
      await tx.delete(planActivityUnits).where(eq(planActivityUnits.activityId, id));
    }
    const activity = id;
    const links = [
      ...leadUnitIds.map((unitId, position) => ({
        activityId: activity,
        unitId,
        role: "lead" as const,
        position,
      })),
      ...coordinatingUnitIds.map((unitId, position) => ({
        activityId: activity,
        unitId,
        role: "coordinating" as const,
        position,
      })),
    ];
    if (links.length) await tx.insert(planActivityUnits).values(links);
    await recordPlanChange(tx, ctx, {
      plan,
      action: activityId === null ? "plan.activity.create" : "plan.activity.update",
      entityType: "planActivity",
      entityId: activity,
      before,
      after: input,
    });
    return activity;
  });
}

/** Deleting an activity deletes its budget lines too (cascade), which the audit row's before records. */
export async function deleteActivity({
  ctx,
  planId,
  activityId,
}: {
  ctx: ServiceContext;
  planId: number;
  activityId: number;
}) {
  const { plan } = await getManageablePlan(ctx, planId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(planActivities)
      .where(and(eq(planActivities.id, activityId), eq(planActivities.planId, planId)))
      .returning();
    if (!before) throw new NotFoundError();
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.activity.delete",
      entityType: "planActivity",
      entityId: activityId,
      before,
    });
  });
}
