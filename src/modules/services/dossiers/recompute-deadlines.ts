import { and, asc, count, eq, gt, gte, inArray, isNull, or } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { DomainError, ValidationError } from "../../../platform/errors.ts";
import { isValidIsoDate } from "../calendar/dates.ts";
import { dossierEvents, dossiers } from "../schema.ts";
import {
  DOSSIER_STATES,
  type DossierState,
  type HistoryEntry,
  replay,
  TERMINAL_STATES,
} from "../workflow/index.ts";
import { getServiceSettings, loadWorkingCalendar } from "./calendar-store.ts";
import type { DossierRow } from "./listeners.ts";
import { computeDeadline, snapshotOf } from "./snapshot.ts";
import { contextOf, loadVersionWorkflow } from "./workflow-context.ts";

/**
 * The states whose snapshot follows the holiday table: a provisional appointment (submitted, needs-completion),
 * a running or paused clock (received, in-review, awaiting-supplement, proposed), and a decided result not yet
 * handed over (approved, rejected: its early/on-time/late is what the dossier page shows live). Closed dossiers
 * (completed, stopped, refused, withdrawn) keep the record they were closed with; drafts have no clock.
 */
export const RECOMPUTED_STATES: readonly DossierState[] = DOSSIER_STATES.filter(
  (state) => state !== "draft" && !(TERMINAL_STATES as readonly DossierState[]).includes(state),
);

/** Rows per transaction: short row locks beside officers' actions, and one events query per batch. */
export const RECOMPUTE_BATCH_SIZE = 500;

export type RecomputeOptions = {
  /** The earliest date the holiday change touched (yyyy-mm-dd); without it every open dossier is examined. */
  from?: string;
  /** What asked for the run (e.g. "holidays.add", "cli"): written in the audit row. */
  trigger: string;
  actorUserId?: number | null;
  ipAddress?: string | undefined;
  batchSize?: number;
  now?: Date;
};

export type RecomputeResult = { examined: number; changed: number; failed: number };

export type VersionWorkflow = Awaited<ReturnType<typeof loadVersionWorkflow>>;
type ClockColumns = Pick<DossierRow, "dueDate" | "timeliness">;

/** The open dossiers a run reads: this province's, in a recomputed state, due on or after `from` (or undated). */
function inScope(provinceId: number, from: string | undefined) {
  return and(
    eq(dossiers.provinceId, provinceId),
    inArray(dossiers.state, [...RECOMPUTED_STATES]),
    from === undefined ? undefined : or(isNull(dossiers.dueDate), gte(dossiers.dueDate, from)),
  );
}

/** Refuses a start date that is not a real yyyy-mm-dd day (the CLI's `--from`). */
export function assertRecomputeFrom(from: string | undefined): void {
  if (from !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(from) && isValidIsoDate(from))) {
    throw new ValidationError([{ field: "from", messageKey: "calendar.invalidDate" }]);
  }
}

/** How many open dossiers a run from `from` will read (the progress bar's length); a row may change meanwhile. */
export async function countRecomputeScope(
  db: Executor,
  provinceId: number,
  from: string | undefined,
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dossiers).where(inScope(provinceId, from));
  return row?.n ?? 0;
}

/** What one batch did; `lastId` is the keyset cursor to continue after, null when no row was left. */
export type RecomputeBatch = RecomputeResult & { lastId: number | null; failedIds: number[] };

export type RecomputeBatchOptions = {
  from: string | undefined;
  /** The keyset cursor: only dossiers with a larger id are read. */
  afterId: number;
  batchSize: number;
  now: Date;
  /** Procedure versions already loaded by earlier batches of the run. */
  versions?: Map<number, VersionWorkflow>;
};

/**
 * One batch of the replay, inside the caller's transaction: locks the next `batchSize` open dossiers after the
 * cursor in id order, replays each through the snapshot writer's own functions with the current calendar and
 * cut-off, "as of" its last action (the instant the writer used, so an open supplement pause counts as the writer
 * counted it and only the calendar can make a difference), and writes the rows whose dates moved. No history
 * entry, no e-mail, no listener. A due day depends only on the calendar up to that day, so a change on `from`
 * cannot move a due date before it: rows due earlier are not read. `recomputeOpenDeadlines` and the durable job
 * (`recompute-jobs.ts`) both go through here.
 */
export async function recomputeDeadlineBatch(
  tx: Executor,
  provinceId: number,
  options: RecomputeBatchOptions,
): Promise<RecomputeBatch> {
  const versions = options.versions ?? new Map<number, VersionWorkflow>();
  const batch: RecomputeBatch = { examined: 0, changed: 0, failed: 0, lastId: null, failedIds: [] };
  const rows = await tx
    .select()
    .from(dossiers)
    .where(and(inScope(provinceId, options.from), gt(dossiers.id, options.afterId)))
    .orderBy(asc(dossiers.id))
    .limit(options.batchSize)
    .for("update");
  if (rows.length === 0) return batch;
  batch.lastId = rows.at(-1)!.id;
  // Read inside the batch: a second edit committed meanwhile is seen by the remaining batches.
  const settings = await getServiceSettings(tx, provinceId);
  const calendar = await loadWorkingCalendar(tx, provinceId);
  const histories = await loadHistories(tx, rows);
  for (const row of rows) {
    let clock: ClockColumns;
    try {
      const loaded =
        versions.get(row.procedureVersionId) ?? (await loadVersionWorkflow(tx, row.procedureVersionId));
      versions.set(row.procedureVersionId, loaded);
      const status = replay(histories.get(row.id) ?? [], contextOf(row, loaded.workflow, null));
      if (status.lastActionAt === null) continue;
      const deadline = computeDeadline({
        calendar,
        status,
        processingWorkingDays: loaded.version.processingWorkingDays,
        cutOff: settings.cutOffTime,
        now: new Date(status.lastActionAt),
      });
      clock = snapshotOf({ status, context: contextOf(row, loaded.workflow, row.dueDate), deadline });
    } catch (error) {
      // A history the rules refuse is reported (audit row) and left for a person; the rest go on.
      if (!(error instanceof DomainError)) throw error;
      batch.failed += 1;
      batch.failedIds.push(row.id);
      continue;
    } finally {
      batch.examined += 1;
    }
    if (clock.dueDate === row.dueDate && clock.timeliness === row.timeliness) continue;
    await tx
      .update(dossiers)
      .set({ dueDate: clock.dueDate, timeliness: clock.timeliness, updatedAt: options.now })
      .where(eq(dossiers.id, row.id));
    batch.changed += 1;
  }
  return batch;
}

/**
 * Rewrites the due date and early/on-time/late snapshot of the province's open dossiers after a holiday change,
 * in the foreground: batches of `batchSize` rows (`recomputeDeadlineBatch`), one transaction each, then one audit
 * row for the run. The holiday page queues a durable run instead (`queueDeadlineRecompute`); this is for callers
 * that want the counts at once.
 */
export async function recomputeOpenDeadlines(
  db: Executor,
  provinceId: number,
  options: RecomputeOptions,
): Promise<RecomputeResult> {
  const from = options.from;
  assertRecomputeFrom(from);
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH_SIZE;
  const now = options.now ?? new Date();
  const versions = new Map<number, VersionWorkflow>();
  const failedIds: number[] = [];
  const result: RecomputeResult = { examined: 0, changed: 0, failed: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await db.transaction((tx) =>
      recomputeDeadlineBatch(tx, provinceId, { from, afterId, batchSize, now, versions }),
    );
    // Stop on an empty batch, not a short one: a row changed meanwhile drops out of a locked batch.
    if (batch.lastId === null) break;
    afterId = batch.lastId;
    result.examined += batch.examined;
    result.changed += batch.changed;
    result.failed += batch.failed;
    failedIds.push(...batch.failedIds.slice(0, 20 - failedIds.length));
  }
  await recordAudit(db, {
    provinceId,
    actorUserId: options.actorUserId ?? null,
    action: "services.deadlines.recomputed",
    entityType: "province",
    entityId: provinceId,
    after: {
      trigger: options.trigger,
      from: from ?? null,
      ...result,
      ...(failedIds.length ? { failedIds } : {}),
    },
    ipAddress: options.ipAddress,
  });
  return result;
}

/** The histories of a batch in one query, oldest entry first per dossier. */
async function loadHistories(tx: Executor, rows: readonly DossierRow[]) {
  const events = await tx
    .select({ dossierId: dossierEvents.dossierId, entry: dossierEvents.entry })
    .from(dossierEvents)
    .where(
      inArray(
        dossierEvents.dossierId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.seq));
  const byDossier = new Map<number, HistoryEntry[]>();
  for (const event of events) {
    const list = byDossier.get(event.dossierId) ?? [];
    list.push(event.entry as HistoryEntry);
    byDossier.set(event.dossierId, list);
  }
  return byDossier;
}
