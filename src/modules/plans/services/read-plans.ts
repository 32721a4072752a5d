import { NotFoundError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { listUnits } from "../../identity/index.ts";
import { checkPlanConsistency, computeTotals } from "../consistency.ts";
import { toPlanDocument } from "../plan-detail.ts";
import { findPlanDetail, findPlansVersion, listPlans } from "../queries.ts";
import { getManageablePlan } from "./plan-access.ts";

/** Plans are public documents: anyone may read the plans of a hosted province and its former provinces. */
export function getPlanList({ ctx }: { ctx: ServiceContext }) {
  return listPlans(ctx.db, ctx.province.scopeIds);
}

/** A plan with its recomputed totals and the findings of the consistency check. */
export async function getPlan({ ctx, planId }: { ctx: ServiceContext; planId: number }) {
  const plan = await findPlanDetail(ctx.db, planId, ctx.province.scopeIds);
  if (!plan) throw new NotFoundError("plans.notFound");
  const document = toPlanDocument(plan);
  return { plan, totals: computeTotals(document), findings: checkPlanConsistency(document) };
}

/** The plan for an edit form: only an administrator of the portal may open it. */
export async function getPlanForEdit({ ctx, planId }: { ctx: ServiceContext; planId: number }) {
  await getManageablePlan(ctx, planId);
  const units = await listUnits(ctx.db, ctx.province.scopeIds);
  const plan = await findPlanDetail(ctx.db, planId, ctx.province.scopeIds);
  if (!plan) throw new NotFoundError("plans.notFound");
  return { plan, units: units.filter((unit) => unit.provinceId === plan.province.id) };
}

/** The version of a public plan page's data; NotFound when the plan is not in the portal's scope. */
export async function getPlanVersion({
  ctx,
  planId,
}: {
  ctx: ServiceContext;
  planId?: number;
}): Promise<string> {
  const version = await findPlansVersion(ctx.db, ctx.province.scopeIds, planId);
  if (version === undefined) throw new NotFoundError("plans.notFound");
  return version;
}
