import { and, asc, between, eq, ne } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { recordAudit } from "../../../../platform/audit.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import { NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { parseInput } from "../../../../platform/validation.ts";
import { dayOfWeek, generatePublicHolidays, type PublicHoliday } from "../../calendar/index.ts";
import {
  type DeadlineRecomputeTrigger,
  nudgeDeadlineRecomputes,
  queueDeadlineRecompute,
} from "../../dossiers/index.ts";
import { holidays } from "../../schema.ts";
import { type HolidayRow, HolidayRowInput, HolidayYearInput } from "./holiday-inputs.ts";

// The administrator's holiday table. A year with rows is read as it stands (the core's loadWorkingCalendar);
// a year without rows falls back to the generated defaults. So adding the first row of a year generates the
// defaults first: one manual row must never silently replace Tết and every other statutory day off.

// Every change queues, in its own transaction, the recomputation of the open dossiers' snapshot due dates from
// the earliest date it touched; once committed, the background worker is nudged (../../dossiers/recompute-jobs.ts).

/** A committed change of the table and the recomputation run it queued. */
export type HolidayChange<Value> = { value: Value; recomputeRunId: number };

/** Queues the run inside the change's transaction: the change and its run commit together or not at all. */
const queueRecompute = (tx: Executor, ctx: ServiceContext, from: string, trigger: DeadlineRecomputeTrigger) =>
  queueDeadlineRecompute(tx, {
    provinceId: ctx.province.id,
    from,
    trigger,
    userId: ctx.actor?.userId ?? null,
  });

/** After the commit: the worker starts at once instead of at its next tick; not awaited. */
function committed<Value>(value: Value, recomputeRunId: number): HolidayChange<Value> {
  nudgeDeadlineRecomputes();
  return { value, recomputeRunId };
}

const yearRange = (year: number) => between(holidays.date, `${year}-01-01`, `${year}-12-31`);

export type HolidayYear = {
  year: number;
  rows: HolidayRow[];
  /** What "generate" would insert (and what the calendar uses while the year has no rows). */
  defaults: PublicHoliday[];
};

export async function listHolidayYear(ctx: ServiceContext, year: number): Promise<HolidayYear> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const rows = await ctx.db
    .select()
    .from(holidays)
    .where(and(eq(holidays.provinceId, ctx.province.id), yearRange(year)))
    .orderBy(asc(holidays.date));
  return { year, rows, defaults: generatePublicHolidays(year) };
}

async function countYearRows(db: Executor, provinceId: number, year: number): Promise<number> {
  const rows = await db
    .select({ id: holidays.id })
    .from(holidays)
    .where(and(eq(holidays.provinceId, provinceId), yearRange(year)));
  return rows.length;
}

async function insertDefaults(tx: Executor, ctx: ServiceContext, year: number): Promise<number> {
  const defaults = generatePublicHolidays(year);
  const inserted = await tx
    .insert(holidays)
    .values(
      defaults.map((entry) => ({
        provinceId: ctx.province.id,
        date: entry.date,
        name: entry.name.vi,
        nameEn: entry.name.en,
        kind: entry.kind,
        source: "generated" as const,
        updatedBy: ctx.actor!.userId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: holidays.id });
  await recordAudit(tx, {
    provinceId: ctx.province.id,
    actorUserId: ctx.actor!.userId,
    action: "services.holidays.generate",
    entityType: "holiday-year",
    entityId: year,
    after: { year, dates: defaults.map((entry) => entry.date) },
    ipAddress: ctx.ipAddress,
  });
  return inserted.length;
}

/**
 * Writes the Labour Code defaults of a year into the table; refused once the year has rows (edit those). The
 * calendar already used these defaults for the empty year, so the recomputation normally moves nothing.
 */
export async function generateHolidayYear(
  ctx: ServiceContext,
  form: unknown,
): Promise<HolidayChange<number>> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const { year } = parseInput(HolidayYearInput, form);
  const [from] = generatePublicHolidays(year)
    .map((entry) => entry.date)
    .sort();
  const runId = await ctx.db.transaction(async (tx) => {
    if ((await countYearRows(tx, ctx.province.id, year)) > 0) {
      throw new ValidationError([
        { field: "year", messageKey: "services.processing.holidays.validation.alreadyGenerated" },
      ]);
    }
    await insertDefaults(tx, ctx, year);
    return queueRecompute(tx, ctx, from!, "holidays.generate");
  });
  return committed(year, runId);
}

/** A weekend day can only be worked; a working day can only be given off (Decision 188/1999: Sat and Sun off). */
function checkKindAgainstWeekday(input: HolidayRowInput): void {
  const weekday = dayOfWeek(input.date);
  const isWeekend = weekday === 0 || weekday === 6;
  if (input.kind === "working-day" && !isWeekend) {
    throw new ValidationError([
      { field: "kind", messageKey: "services.processing.holidays.validation.workingDayOnWeekday" },
    ]);
  }
  if ((input.kind === "compensatory" || input.kind === "swapped") && isWeekend) {
    throw new ValidationError([
      { field: "kind", messageKey: "services.processing.holidays.validation.dayOffOnWeekend" },
    ]);
  }
}

function checkYear(date: string): number {
  const year = Number(date.slice(0, 4));
  if (!HolidayYearInput.safeParse({ year }).success) {
    throw new ValidationError([
      { field: "date", messageKey: "services.processing.holidays.validation.year" },
    ]);
  }
  return year;
}

async function assertDateFree(tx: Executor, provinceId: number, date: string, exceptId?: number) {
  const [taken] = await tx
    .select({ id: holidays.id })
    .from(holidays)
    .where(
      and(
        eq(holidays.provinceId, provinceId),
        eq(holidays.date, date),
        exceptId === undefined ? undefined : ne(holidays.id, exceptId),
      ),
    );
  if (taken) {
    throw new ValidationError([
      { field: "date", messageKey: "services.processing.holidays.validation.dateTaken" },
    ]);
  }
}

const auditImage = (row: HolidayRow) => ({
  date: row.date,
  name: row.name,
  nameEn: row.nameEn,
  kind: row.kind,
});

/** Adds a row (a decided extra day off, a swap, a worked Saturday); the year's defaults come first. */
export async function addHoliday(ctx: ServiceContext, form: unknown): Promise<HolidayChange<HolidayRow>> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const input = parseInput(HolidayRowInput, form);
  const year = checkYear(input.date);
  checkKindAgainstWeekday(input);
  const { added, runId } = await ctx.db.transaction(async (tx) => {
    if ((await countYearRows(tx, ctx.province.id, year)) === 0) await insertDefaults(tx, ctx, year);
    await assertDateFree(tx, ctx.province.id, input.date);
    const [row] = await tx
      .insert(holidays)
      .values({ provinceId: ctx.province.id, ...input, source: "manual", updatedBy: actor.userId })
      .returning();
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.holidays.add",
      entityType: "holiday",
      entityId: row!.id,
      after: auditImage(row!),
      ipAddress: ctx.ipAddress,
    });
    // The defaults written first for an empty year are what the calendar already used: only the new day counts.
    return { added: row!, runId: await queueRecompute(tx, ctx, row!.date, "holidays.add") };
  });
  return committed(added, runId);
}

/** A row of this portal's table, locked for a change; another province's row is not found. */
async function lockHoliday(tx: Executor, ctx: ServiceContext, holidayId: number): Promise<HolidayRow> {
  const [row] = await tx
    .select()
    .from(holidays)
    .where(and(eq(holidays.id, holidayId), eq(holidays.provinceId, ctx.province.id)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

export async function getHoliday(ctx: ServiceContext, holidayId: number): Promise<HolidayRow> {
  assertCan(ctx.actor, "services.manage", ctx.province);
  const [row] = await ctx.db
    .select()
    .from(holidays)
    .where(and(eq(holidays.id, holidayId), eq(holidays.provinceId, ctx.province.id)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Changes a row; an edited generated row becomes manual, so the table shows what a person decided. */
export async function updateHoliday(
  ctx: ServiceContext,
  holidayId: number,
  form: unknown,
): Promise<HolidayChange<HolidayRow>> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const input = parseInput(HolidayRowInput, form);
  checkYear(input.date);
  checkKindAgainstWeekday(input);
  const { after, runId } = await ctx.db.transaction(async (tx) => {
    const before = await lockHoliday(tx, ctx, holidayId);
    if (before.date.slice(0, 4) !== input.date.slice(0, 4)) {
      throw new ValidationError([
        { field: "date", messageKey: "services.processing.holidays.validation.sameYear" },
      ]);
    }
    await assertDateFree(tx, ctx.province.id, input.date, holidayId);
    const [after] = await tx
      .update(holidays)
      .set({ ...input, source: "manual", updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(holidays.id, holidayId))
      .returning();
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.holidays.update",
      entityType: "holiday",
      entityId: holidayId,
      before: auditImage(before),
      after: auditImage(after!),
      ipAddress: ctx.ipAddress,
    });
    // A moved row changes both its old and its new date.
    const [from] = [before.date, after!.date].sort();
    return { after: after!, runId: await queueRecompute(tx, ctx, from!, "holidays.edit") };
  });
  return committed(after, runId);
}

/**
 * Removes a row (e.g. the 2/9 adjacent day the government did not choose). The last row of a year cannot go:
 * an empty year would quietly fall back to the generated defaults, the opposite of what was asked.
 */
export async function removeHoliday(
  ctx: ServiceContext,
  holidayId: number,
): Promise<HolidayChange<HolidayRow>> {
  const actor = assertCan(ctx.actor, "services.manage", ctx.province);
  const { removed, runId } = await ctx.db.transaction(async (tx) => {
    const before = await lockHoliday(tx, ctx, holidayId);
    if ((await countYearRows(tx, ctx.province.id, Number(before.date.slice(0, 4)))) <= 1) {
      throw new ValidationError([
        { field: "form", messageKey: "services.processing.holidays.validation.lastRow" },
      ]);
    }
    await tx.delete(holidays).where(eq(holidays.id, holidayId));
    await recordAudit(tx, {
      provinceId: ctx.province.id,
      actorUserId: actor.userId,
      action: "services.holidays.remove",
      entityType: "holiday",
      entityId: holidayId,
      before: auditImage(before),
      ipAddress: ctx.ipAddress,
    });
    return { removed: before, runId: await queueRecompute(tx, ctx, before.date, "holidays.remove") };
  });
  return committed(removed, runId);
}
