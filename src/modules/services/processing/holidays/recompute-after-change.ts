import type { ServiceContext } from "../../../../platform/request-context.ts";
import { type RecomputeResult, recomputeOpenDeadlines } from "../../dossiers/index.ts";

/** What the recomputation after a holiday change gave: the counts, or the error it stopped on. */
export type RecomputeOutcome = ({ ok: true } & RecomputeResult) | { ok: false; error: unknown };

/**
 * Moves the snapshot due dates of the province's open dossiers to the calendar just committed, from the earliest
 * date the change touched. Runs after the holiday transaction: the table edit stands even if this fails (the
 * dates then follow at each dossier's next action, or with `recompute-deadlines` on the command line), so a
 * failure is returned for the page to say so rather than thrown as if nothing had been saved.
 */
export async function recomputeAfterHolidayChange(
  ctx: ServiceContext,
  from: string | undefined,
  trigger: string,
): Promise<RecomputeOutcome> {
  try {
    const result = await recomputeOpenDeadlines(ctx.db, ctx.province.id, {
      from,
      trigger,
      actorUserId: ctx.actor?.userId ?? null,
      ipAddress: ctx.ipAddress,
    });
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, error };
  }
}
