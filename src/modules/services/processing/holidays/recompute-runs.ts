import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { ConflictError, NotFoundError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import {
  type DeadlineRecomputeListItem,
  findDeadlineRecomputeForUpdate,
  listDeadlineRecomputes,
  nudgeDeadlineRecomputes,
  queueDeadlineRecompute,
} from "../../dossiers/index.ts";

/** How many of the province's latest recomputation runs the holiday page lists. */
export const RECENT_RUNS = 5;

/** The province's latest recomputation runs (who asked, progress, result) for the holiday page. */
export async function listRecomputeRuns(ctx: ServiceContext): Promise<DeadlineRecomputeListItem[]> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  return listDeadlineRecomputes(ctx.db, ctx.province.id, RECENT_RUNS);
}

/**
 * "Chạy lại": queues a new run (trigger `retry`) with the failed run's start date. Only a failed run of this
 * province can be retried; the failed run stays as it was, for the record.
 */
export async function retryRecomputeRun(ctx: ServiceContext, runId: number): Promise<number> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const queuedId = await ctx.db.transaction(async (tx) => {
    const failed = await findDeadlineRecomputeForUpdate(tx, ctx.province.id, runId);
    if (!failed) throw new NotFoundError();
    if (failed.status !== "failed") {
      throw new ConflictError("services.processing.holidays.recomputeRun.notFailed");
    }
    const queued = await queueDeadlineRecompute(tx, {
      provinceId: ctx.province.id,
      from: failed.fromDate,
      trigger: "retry",
      userId: actor.userId,
    });
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.deadlines.recomputeRetry",
      entityType: "deadline_recomputation",
      entityId: runId,
      after: { runId: queued, from: failed.fromDate },
      ipAddress: ctx.ipAddress,
    });
    return queued;
  });
  nudgeDeadlineRecomputes();
  return queuedId;
}
