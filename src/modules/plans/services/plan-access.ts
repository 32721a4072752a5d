import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Actor, ServiceContext } from "../../../platform/request-context.ts";
import { plans } from "../schema.ts";

export type PlanRow = typeof plans.$inferSelect;

/** A plan the actor may change: an administrator of the portal, and the plan within the portal's provinces. */
export async function getManageablePlan(
  ctx: ServiceContext,
  planId: number,
): Promise<{ actor: Actor; plan: PlanRow }> {
  const actor = assertCan(ctx.actor, "plans.manage", ctx.province);
  const [plan] = await ctx.db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), inArray(plans.provinceId, [...ctx.province.scopeIds])));
  if (!plan) throw new NotFoundError("plans.notFound");
  return { actor, plan };
}

/** Records one change to a plan's content and marks the plan as updated, in the caller's transaction. */
export async function recordPlanChange(
  db: Executor,
  ctx: ServiceContext,
  change: {
    plan: PlanRow;
    action: string;
    entityType: string;
    entityId: number;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  // The database's clock, not this web process's: public page versions compare these across processes.
  await db.update(plans).set({ updatedAt: sql`clock_timestamp()` }).where(eq(plans.id, change.plan.id));
  await recordAudit(db, {
    // Filed under the portal where the change was made, so its administrators see it in their log.
    provinceId: ctx.province.id,
    actorUserId: ctx.actor?.userId ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    ipAddress: ctx.ipAddress,
  });
}
