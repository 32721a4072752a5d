import { and, asc, eq, sql } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { parseInput } from "../../../platform/validation.ts";
import { parseAmountToDong } from "../../../platform/vn-format.ts";
import { BudgetLineInput } from "../inputs.ts";
import { planActivities, planBudgetLines } from "../schema.ts";
import { getManageablePlan, type PlanRow, recordPlanChange } from "./plan-access.ts";

/** Adds or changes one budget line; the amount is typed in the plan's display unit (triệu đồng or đồng). */
export async function saveBudgetLine({
  ctx,
  planId,
  lineId,
  form,
}: {
  ctx: ServiceContext;
  planId: number;
  lineId: number | null;
  form: unknown;
}): Promise<number> {
  const { plan } = await getManageablePlan(ctx, planId);
  const input = parseInput(BudgetLineInput, form);
  const amount = parseAmountToDong(input.amount, plan.budgetDisplayUnit);
  if (!amount.ok)
    throw new ValidationError([{ field: "amount", messageKey: `plans.validation.amount.${amount.reason}` }]);
  if (input.year !== null && (input.year < plan.periodStart || input.year > plan.periodEnd)) {
    throw new ValidationError([
      {
        field: "year",
        messageKey: "plans.validation.yearOutOfPeriod",
        params: { start: plan.periodStart, end: plan.periodEnd },
      },
    ]);
  }
  const values = {
    activityId: input.activityId,
    year: input.year,
    source: input.source,
    amountDong: amount.dong,
    label: input.label,
  };
  return ctx.db.transaction(async (tx) => {
    await assertActivityOfPlan(tx, plan, input.activityId);
    if (lineId === null) {
      const [row] = await tx
        .insert(planBudgetLines)
        .values({
          ...values,
          planId,
          provinceId: plan.provinceId,
          position: sql`(select coalesce(max(position) + 1, 0) from plan_budget_lines where plan_id = ${planId})`,
        })
        .returning({ id: planBudgetLines.id });
      await recordPlanChange(tx, ctx, {
        plan,
        action: "plan.budgetLine.create",
        entityType: "planBudgetLine",
        entityId: row!.id,
        after: values,
      });
      return row!.id;
    }
    const [before] = await tx
      .select()
      .from(planBudgetLines)
      .where(and(eq(planBudgetLines.id, lineId), eq(planBudgetLines.planId, planId)));
    if (!before) throw new NotFoundError();
    await tx.update(planBudgetLines).set(values).where(eq(planBudgetLines.id, lineId));
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.budgetLine.update",
      entityType: "planBudgetLine",
      entityId: lineId,
      before,
      after: values,
    });
    return lineId;
  });
}

async function assertActivityOfPlan(tx: ServiceContext["db"], plan: PlanRow, activityId: number | null) {
  if (activityId === null) return;
  const [activity] = await tx
    .select({ id: planActivities.id })
    .from(planActivities)
    .where(and(eq(planActivities.id, activityId), eq(planActivities.planId, plan.id)));
  if (!activity) throw new ValidationError([{ field: "activityId", messageKey: "validation.invalid" }]);
}

export async function deleteBudgetLine({
  ctx,
  planId,
  lineId,
}: {
  ctx: ServiceContext;
  planId: number;
  lineId: number;
}) {
  const { plan } = await getManageablePlan(ctx, planId);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(planBudgetLines)
      .where(and(eq(planBudgetLines.id, lineId), eq(planBudgetLines.planId, planId)))
      .returning();
    if (!before) throw new NotFoundError();
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.budgetLine.delete",
      entityType: "planBudgetLine",
      entityId: lineId,
      before,
    });
  });
}

export async function listActivityNumbers(ctx: ServiceContext, planId: number) {
  return ctx.db
    .select({ id: planActivities.id, number: planActivities.number })
    .from(planActivities)
    .where(eq(planActivities.planId, planId))
    .orderBy(asc(planActivities.position));
}
