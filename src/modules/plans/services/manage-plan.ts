import { eq } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Translate } from "../../../platform/i18n.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { slugify } from "../../../platform/text.ts";
import { parseInput } from "../../../platform/validation.ts";
import { PlanHeaderInput } from "../inputs.ts";
import { plans } from "../schema.ts";
import { getManageablePlan, recordPlanChange } from "./plan-access.ts";

/** What the new-plan form starts with: a five-year period from this year in Vietnam, the province's committee. */
export function getNewPlanDefaults({
  ctx,
  t,
}: {
  ctx: ServiceContext;
  t: Translate;
}): Record<string, string> {
  assertCan(ctx.actor, "plans.manage", ctx.province);
  const year = Number(
    new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date()),
  );
  return {
    periodStart: String(year),
    periodEnd: String(year + 4),
    budgetDisplayUnit: "million",
    issuer: t("plans.defaultIssuer", { province: ctx.province.name }),
  };
}

/** Creates an empty plan (header only) in the portal's own province. */
export async function createPlan({ ctx, form }: { ctx: ServiceContext; form: unknown }): Promise<number> {
  const actor = assertCan(ctx.actor, "plans.manage", ctx.province);
  const input = parseInput(PlanHeaderInput, form);
  return ctx.db.transaction(async (tx) => {
    const slug = `${slugify(input.title).slice(0, 60)}-${Date.now().toString(36)}`;
    const [plan] = await tx
      .insert(plans)
      .values({ ...input, provinceId: ctx.province.id, slug })
      .returning();
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "plan.create",
      entityType: "plan",
      entityId: plan!.id,
      after: input,
      ipAddress: ctx.ipAddress,
    });
    return plan!.id;
  });
}

export async function updatePlan({
  ctx,
  planId,
  form,
}: {
  ctx: ServiceContext;
  planId: number;
  form: unknown;
}): Promise<void> {
  await getManageablePlan(ctx, planId);
  const input = parseInput(PlanHeaderInput, form);
  await ctx.db.transaction(async (tx) => {
    // The "before" image is read under a row lock, so two administrators saving at once audit truthfully.
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for("update");
    if (!plan) throw new NotFoundError("plans.notFound");
    await tx.update(plans).set(input).where(eq(plans.id, planId));
    const {
      id: _id,
      createdAt: _created,
      updatedAt: _updated,
      slug: _slug,
      provinceId: _province,
      ...before
    } = plan;
    await recordPlanChange(tx, ctx, {
      plan,
      action: "plan.update",
      entityType: "plan",
      entityId: planId,
      before,
      after: input,
    });
  });
}
