import { and, asc, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { DomainError } from "../../../platform/errors.ts";
import { users } from "../../identity/schema.ts";
import { deadlineRecomputations } from "../schema.ts";
import {
  assertRecomputeFrom,
  countRecomputeScope,
  RECOMPUTE_BATCH_SIZE,
  recomputeDeadlineBatch,
  type VersionWorkflow,
} from "./recompute-deadlines.ts";

/*
 * The recomputation after a holiday change as a durable job. The change queues a run in its own transaction
 * (both commit or neither); a worker claims it and works through the open dossiers in keyset batches, each
 * committing its dossier updates together with the run's cursor, counts and heartbeat, so a crash between
 * batches neither loses nor repeats work. `heartbeatAt` is also the lease: a worker writes only while the row
 * still carries the heartbeat it wrote last, so a worker that was merely slow stops once another took its run
 * over (after STALE_AFTER_MS without a heartbeat).
 */

export type DeadlineRecomputeRun = typeof deadlineRecomputations.$inferSelect;
export type DeadlineRecomputeTrigger =
  | "holidays.add"
  | "holidays.edit"
  | "holidays.remove"
  | "holidays.generate"
  | "cli"
  | "retry";

/** A running run whose heartbeat is older than this belongs to a process that died: another may take it. */
export const STALE_AFTER_MS = 2 * 60_000;
/** A failed attempt waits attempts × this before the next one. */
export const RETRY_DELAY_MS = 30_000;
export const MAX_ATTEMPTS = 3;
/** First key of the transaction-level advisory lock that serialises the claims of one province. */
const CLAIM_LOCK_KEY = 727_001;

const runs = deadlineRecomputations;

/** The earlier of two start dates; no date (every open dossier) covers both. */
const earlierFrom = (a: string | null, b: string | null) => (a === null || b === null ? null : a < b ? a : b);

/**
 * Queues a recomputation for the province, inside the caller's transaction (the holiday change), so the change
 * and its run commit together. A queued run no worker has started yet absorbs the new request (its start date
 * becomes the earlier of the two): ten edits in a row give one run. Returns the run's id.
 */
export async function queueDeadlineRecompute(
  tx: Executor,
  input: {
    provinceId: number;
    from: string | null;
    trigger: DeadlineRecomputeTrigger;
    userId: number | null;
  },
): Promise<number> {
  assertRecomputeFrom(input.from ?? undefined);
  const [pending] = await tx
    .select()
    .from(runs)
    .where(and(eq(runs.provinceId, input.provinceId), eq(runs.status, "queued"), isNull(runs.startedAt)))
    .orderBy(asc(runs.id))
    .limit(1)
    .for("update");
  if (pending) {
    const from = earlierFrom(pending.fromDate, input.from);
    if (from !== pending.fromDate)
      await tx.update(runs).set({ fromDate: from }).where(eq(runs.id, pending.id));
    return pending.id;
  }
  const [created] = await tx
    .insert(runs)
    .values({
      provinceId: input.provinceId,
      fromDate: input.from,
      trigger: input.trigger,
      requestedByUserId: input.userId,
    })
    .returning({ id: runs.id });
  return created!.id;
}

// The worker, when one runs in this process (src/workflows/background.ts), listens here: a holiday change
// nudges it after its commit instead of waiting for the next tick. No listener (tests, the CLI): nothing happens.
const nudgeListeners = new Set<() => void>();

export function onDeadlineRecomputeQueued(listener: () => void): () => void {
  nudgeListeners.add(listener);
  return () => nudgeListeners.delete(listener);
}

/** Call after the transaction that queued a run has committed; returns at once. */
export function nudgeDeadlineRecomputes(): void {
  for (const listener of nudgeListeners) listener();
}

export type WorkerOptions = {
  /** Runs to work through in this call (default 10); the next tick takes the rest. */
  limit?: number;
  batchSize?: number;
  /** Stop after this many batches of a run, leaving it running (a crash, for tests). */
  maxBatches?: number;
  retryDelayMs?: number;
  now?: () => Date;
  /** Called in each batch's transaction before the replay; throwing fails the batch (fault injection). */
  beforeBatch?: (run: DeadlineRecomputeRun) => void | Promise<void>;
  /** Called after each committed batch (the CLI prints progress). */
  onProgress?: (run: DeadlineRecomputeRun) => void;
};

/** The run as this worker left it: done, failed, queued again after a failed attempt, or running elsewhere. */
export type RunOutcome = DeadlineRecomputeRun;

/**
 * Works through queued runs (and runs a dead process left behind), one at a time, until none is left or
 * `limit` runs were handled. Safe to call from several processes at once.
 */
export async function runQueuedDeadlineRecomputes(
  db: Executor,
  options: WorkerOptions = {},
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  while (outcomes.length < (options.limit ?? 10)) {
    const claimed = await claimNextRun(db, options);
    if (!claimed) break;
    outcomes.push(await workRun(db, claimed, options));
  }
  return outcomes;
}

/** Works one run through (the CLI's foreground run): claims it if it is free, else reports it as it stands. */
export async function runDeadlineRecompute(
  db: Executor,
  runId: number,
  options: WorkerOptions = {},
): Promise<RunOutcome> {
  const claimed = await claimNextRun(db, options, runId);
  if (claimed) return workRun(db, claimed, options);
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  return run!;
}

/**
 * Claims the oldest run that is queued (and past its retry delay) or running with a stale heartbeat. SKIP LOCKED:
 * two processes never take the same row. One province never has two runs going: the advisory lock makes a
 * second claimer of the same province wait for the first one's commit, then see its running row.
 */
async function claimNextRun(
  db: Executor,
  options: WorkerOptions,
  onlyRunId?: number,
): Promise<DeadlineRecomputeRun | null> {
  const now = (options.now ?? (() => new Date()))();
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  const other = sql.raw('"other"');
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(runs)
      .where(
        and(
          onlyRunId === undefined ? undefined : eq(runs.id, onlyRunId),
          or(
            and(
              eq(runs.status, "queued"),
              or(
                eq(runs.attempts, 0),
                sql`${runs.heartbeatAt} + ${runs.attempts} * ${retryDelayMs}::integer * interval '1 millisecond' <= ${now.toISOString()}::timestamptz`,
              ),
              sql`not exists (select 1 from ${runs} ${other} where ${other}.province_id = ${runs.provinceId}
                and ${other}.status = 'running' and ${other}.id <> ${runs.id})`,
            ),
            and(
              eq(runs.status, "running"),
              sql`${runs.heartbeatAt} < ${staleBefore.toISOString()}::timestamptz`,
            ),
          ),
        ),
      )
      .orderBy(asc(runs.id))
      .limit(10)
      .for("update", { skipLocked: true });
    for (const run of candidates) {
      await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY}, ${run.provinceId})`);
      const [busy] = await tx
        .select({ id: runs.id })
        .from(runs)
        .where(and(eq(runs.provinceId, run.provinceId), eq(runs.status, "running"), ne(runs.id, run.id)))
        .limit(1);
      if (busy) continue;
      const total = run.total ?? (await countRecomputeScope(tx, run.provinceId, run.fromDate ?? undefined));
      const [claimed] = await tx
        .update(runs)
        .set({ status: "running", startedAt: run.startedAt ?? now, heartbeatAt: now, total })
        .where(eq(runs.id, run.id))
        .returning();
      return claimed!;
    }
    return null;
  });
}

type BatchStep =
  | { kind: "lost" }
  | { kind: "progress"; run: DeadlineRecomputeRun }
  | { kind: "done"; run: DeadlineRecomputeRun };

async function workRun(
  db: Executor,
  claimed: DeadlineRecomputeRun,
  options: WorkerOptions,
): Promise<RunOutcome> {
  const clock = options.now ?? (() => new Date());
  const versions = new Map<number, VersionWorkflow>();
  // Rows the rules refused, for the audit row; counted by this worker only (a takeover starts them again).
  const refused = { failed: 0, failedIds: [] as number[] };
  let lease = claimed.heartbeatAt!;
  let current = claimed;
  for (let batches = 0; ; batches += 1) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) return current;
    const heldLease = lease;
    let step: BatchStep;
    try {
      step = await db.transaction(async (tx): Promise<BatchStep> => {
        const [run] = await tx.select().from(runs).where(eq(runs.id, claimed.id)).for("update");
        if (run?.status !== "running" || run.heartbeatAt?.getTime() !== heldLease.getTime()) {
          return { kind: "lost" };
        }
        await options.beforeBatch?.(run);
        const now = clock();
        const batch = await recomputeDeadlineBatch(tx, run.provinceId, {
          from: run.fromDate ?? undefined,
          afterId: run.afterId ?? 0,
          batchSize: options.batchSize ?? RECOMPUTE_BATCH_SIZE,
          now,
          versions,
        });
        refused.failed += batch.failed;
        refused.failedIds.push(...batch.failedIds.slice(0, 20 - refused.failedIds.length));
        // Stop on an empty batch, not a short one: a row changed meanwhile drops out of a locked batch.
        const isDone = batch.lastId === null;
        const [updated] = await tx
          .update(runs)
          .set({
            afterId: batch.lastId ?? run.afterId,
            examined: run.examined + batch.examined,
            changed: run.changed + batch.changed,
            heartbeatAt: now,
            ...(isDone ? { status: "done" as const, finishedAt: now } : {}),
          })
          .where(eq(runs.id, run.id))
          .returning();
        if (isDone) await auditFinished(tx, updated!, refused);
        return { kind: isDone ? "done" : "progress", run: updated! };
      });
    } catch (error) {
      return recordFailure(db, claimed.id, heldLease, error, clock());
    }
    if (step.kind === "lost") return current;
    current = step.run;
    lease = step.run.heartbeatAt!;
    if (step.kind === "done") return current;
    options.onProgress?.(current);
    // Let page requests in between batches: PGlite has one connection.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function auditFinished(
  tx: Executor,
  run: DeadlineRecomputeRun,
  refused: { failed: number; failedIds: number[] },
): Promise<void> {
  return recordAudit(tx, {
    provinceId: run.provinceId,
    actorUserId: run.requestedByUserId,
    action: "services.deadlines.recomputed",
    entityType: "province",
    entityId: run.provinceId,
    after: {
      runId: run.id,
      trigger: run.trigger,
      from: run.fromDate,
      examined: run.examined,
      changed: run.changed,
      failed: refused.failed,
      ...(refused.failedIds.length ? { failedIds: refused.failedIds } : {}),
    },
  });
}

/** What the page shows of an error: a domain error's catalogue key, else the error's first line. */
function describeError(error: unknown): string {
  if (error instanceof DomainError) return error.messageKey;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}

/** A batch failed (nothing of it committed): back to the queue after a delay, or failed after MAX_ATTEMPTS. */
async function recordFailure(
  db: Executor,
  runId: number,
  lease: Date,
  error: unknown,
  now: Date,
): Promise<RunOutcome> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId)).for("update");
    if (run?.status !== "running" || run.heartbeatAt?.getTime() !== lease.getTime()) return run!;
    const attempts = run.attempts + 1;
    const isFinal = attempts >= MAX_ATTEMPTS;
    const [updated] = await tx
      .update(runs)
      .set({
        attempts,
        error: describeError(error),
        heartbeatAt: now,
        status: isFinal ? "failed" : "queued",
        ...(isFinal ? { finishedAt: now } : {}),
      })
      .where(eq(runs.id, runId))
      .returning();
    if (isFinal) {
      await recordAudit(tx, {
        provinceId: run.provinceId,
        actorUserId: run.requestedByUserId,
        action: "services.deadlines.recomputeFailed",
        entityType: "province",
        entityId: run.provinceId,
        after: {
          runId,
          trigger: run.trigger,
          from: run.fromDate,
          attempts,
          error: updated!.error,
          examined: run.examined,
          changed: run.changed,
        },
      });
    }
    return updated!;
  });
}

export type DeadlineRecomputeListItem = DeadlineRecomputeRun & { requestedBy: string | null };

/** The province's latest runs, newest first, with the name of who asked. */
export async function listDeadlineRecomputes(
  db: Executor,
  provinceId: number,
  limit = 5,
): Promise<DeadlineRecomputeListItem[]> {
  const rows = await db
    .select({ run: runs, requestedBy: users.fullName })
    .from(runs)
    .leftJoin(users, eq(users.id, runs.requestedByUserId))
    .where(eq(runs.provinceId, provinceId))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(limit);
  return rows.map((row) => ({ ...row.run, requestedBy: row.requestedBy }));
}

/** A run of this province, locked (the retry reads a failed run's start date); another province's is not found. */
export async function findDeadlineRecomputeForUpdate(
  tx: Executor,
  provinceId: number,
  runId: number,
): Promise<DeadlineRecomputeRun | undefined> {
  const [run] = await tx
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.provinceId, provinceId)))
    .for("update");
  return run;
}
