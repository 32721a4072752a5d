import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import { assertCan } from "../../../../platform/authorization.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { listUnits } from "../../../identity/index.ts";
import { users } from "../../../identity/schema.ts";
import { loadWorkingCalendar } from "../../dossiers/index.ts";
import { dossiers, procedures, procedureVersions } from "../../schema.ts";
import type { DossierState } from "../../workflow/index.ts";

// The officer inbox. At a million dossiers it must stay within ~50 ms (p95, PostgreSQL), so every query
// here is shaped for `dossiers_inbox_idx (province_id, stage_unit_id, state, due_date)`: the province, an
// explicit list of units (the province-wide view lists the province's units rather than leaving the column
// open, so the btree still descends once per (unit, state) instead of reading the province's whole history)
// and an explicit list of states. Counts are capped; nothing replays history per row.

/** States where a dossier sits in some unit's inbox (the stage columns are set). */
export const INBOX_STATES = [
  "submitted",
  "received",
  "in-review",
  "awaiting-supplement",
  "proposed",
  "approved",
  "rejected",
] as const satisfies readonly DossierState[];

/** States whose clock is running: only these can be due soon or overdue (a supplement pauses the clock). */
const RUNNING_CLOCK_STATES = ["received", "in-review", "proposed"] as const satisfies readonly DossierState[];

/** "Due soon" = at most this many working days left (issue 4). */
export const DUE_SOON_WORKING_DAYS = 2;
export const INBOX_PAGE_SIZE = 25;
/** Beyond this the total is shown as "more than …": counting further would read rows nobody pages to. */
export const INBOX_COUNT_CAP = 1000;

export type InboxFilters = {
  scope: "unit" | "province";
  state: "" | (typeof INBOX_STATES)[number];
  procedure: string;
  due: "" | "soon" | "overdue";
  holder: "" | "me" | "unheld";
};

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export function readInboxFilters(query: Record<string, string | undefined>): InboxFilters {
  return {
    scope: pick(query.scope, ["unit", "province"], "unit"),
    state: pick(query.state, ["", ...INBOX_STATES], ""),
    procedure: /^\d{1,9}$/.test(query.procedure ?? "") ? query.procedure! : "",
    due: pick(query.due, ["", "soon", "overdue"], ""),
    holder: pick(query.holder, ["", "me", "unheld"], ""),
  };
}

export type InboxRow = {
  id: number;
  code: string | null;
  state: DossierState;
  procedureName: string;
  procedureNameEn: string;
  applicantName: string;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueDate: string | null;
  holderUserId: number | null;
  holderName: string | null;
  /** Working days from today to the due date (negative: overdue); null when the clock is not running. */
  workingDaysLeft: number | null;
};

export type Inbox = {
  items: InboxRow[];
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageCount: number;
  stateCounts: Partial<Record<DossierState, number>>;
  procedures: { id: number; code: string; name: string; nameEn: string }[];
  /** Leaders and administrators may widen the inbox to every unit of the province. */
  canSeeProvince: boolean;
  /** The actor has no unit: the unit inbox is empty by construction. */
  hasNoUnit: boolean;
};

const isLeaderOrAdmin = (ctx: ServiceContext) =>
  Boolean(
    ctx.actor?.roles.has("leader") || ctx.actor?.roles.has("admin") || ctx.actor?.roles.has("operator"),
  );

export async function listInbox(
  ctx: ServiceContext,
  filters: InboxFilters,
  page: number,
  now = new Date(),
): Promise<Inbox> {
  const actor = assertCan(ctx.actor, "services.process", ctx.province);
  const canSeeProvince = isLeaderOrAdmin(ctx);
  const scope = filters.scope === "province" && canSeeProvince ? "province" : "unit";
  const unitIds =
    scope === "province"
      ? (await listUnits(ctx.db, ctx.province.scopeIds)).map((unit) => unit.id)
      : actor.unitId === null
        ? []
        : [actor.unitId];
  const procedureOptions = await listProcedureOptions(ctx);
  const empty = { items: [], total: 0, isTotalCapped: false, page: 1, pageCount: 0, stateCounts: {} };
  if (unitIds.length === 0) {
    return { ...empty, procedures: procedureOptions, canSeeProvince, hasNoUnit: actor.unitId === null };
  }

  const today = todayInVietnam(now);
  const calendar = await loadWorkingCalendar(ctx.db, ctx.province.id);
  const { base, condition } = buildInboxCondition({
    provinceIds: ctx.province.scopeIds,
    unitIds,
    isOfficersDesk: !canSeeProvince,
    filters,
    actorUserId: actor.userId,
    today,
    dueSoonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS),
  });

  const capped = ctx.db
    .select({ one: sql<number>`1`.as("one") })
    .from(dossiers)
    .where(condition)
    .limit(INBOX_COUNT_CAP + 1)
    .as("capped");
  const [counted] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(capped);
  const cappedTotal = Number(counted?.total ?? 0);
  const isTotalCapped = cappedTotal > INBOX_COUNT_CAP;
  const total = Math.min(cappedTotal, INBOX_COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const currentPage = Math.min(page, pageCount);

  // The page's ids from the dossiers alone (in due-date order from the index), then their details: joining the
  // holder and the procedure before the limit would join every open dossier of the unit.
  const pageIds = await ctx.db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(condition)
    .orderBy(sql`${dossiers.dueDate} asc nulls last`, asc(dossiers.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((currentPage - 1) * INBOX_PAGE_SIZE);
  const detailRows =
    pageIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: dossiers.id,
            code: dossiers.code,
            state: dossiers.state,
            procedureName: procedureVersions.name,
            procedureNameEn: procedureVersions.nameEn,
            applicantName: dossiers.applicantName,
            submittedAt: dossiers.submittedAt,
            receivedAt: dossiers.receivedAt,
            dueDate: dossiers.dueDate,
            holderUserId: dossiers.holderUserId,
            holderName: users.fullName,
          })
          .from(dossiers)
          .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
          .leftJoin(users, eq(users.id, dossiers.holderUserId))
          .where(
            inArray(
              dossiers.id,
              pageIds.map((row) => row.id),
            ),
          );
  const byId = new Map(detailRows.map((row) => [row.id, row]));
  const rows = pageIds.map((row) => byId.get(row.id)!);

  const stateCountRows = await ctx.db
    .select({ state: dossiers.state, count: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(...base, inArray(dossiers.state, [...deskStates(!canSeeProvince)])))
    .groupBy(dossiers.state);

  return {
    items: rows.map((row) => ({
      ...row,
      workingDaysLeft:
        row.dueDate && (RUNNING_CLOCK_STATES as readonly string[]).includes(row.state)
          ? calendar.workingDaysBetween(today, row.dueDate)
          : null,
    })),
    total,
    isTotalCapped,
    page: currentPage,
    pageCount: total === 0 ? 0 : pageCount,
    stateCounts: Object.fromEntries(stateCountRows.map((row) => [row.state, Number(row.count)])),
    procedures: procedureOptions,
    canSeeProvince,
    hasNoUnit: actor.unitId === null,
  };
}

/**
 * The states an inbox lists. An officer's desk leaves out `proposed`, the only state whose stage is the leader's
 * (getStage): a condition on the state, which the index holds, rather than on the stage role, which it does not.
 */
function deskStates(isOfficersDesk: boolean): readonly DossierState[] {
  return isOfficersDesk ? INBOX_STATES.filter((state) => state !== "proposed") : INBOX_STATES;
}

/**
 * The inbox's WHERE clause: the index's columns first (province, units, states), then the due-date range,
 * then the filters the index does not hold (procedure, holder) on the few rows left. `base` is the unit part
 * alone, for the per-state counts.
 */
export function buildInboxCondition(input: {
  provinceIds: readonly number[];
  unitIds: readonly number[];
  /** An officer's desk is the officers' stages of the unit; the leader's stage (proposed) is the leader's. */
  isOfficersDesk: boolean;
  filters: InboxFilters;
  actorUserId: number;
  today: string;
  dueSoonUntil: string;
}): { base: SQL[]; condition: SQL | undefined } {
  const { filters } = input;
  const base: SQL[] = [
    inArray(dossiers.provinceId, [...input.provinceIds]),
    inArray(dossiers.stageUnitId, [...input.unitIds]),
  ];
  const where: SQL[] = [...base];
  const desk = deskStates(input.isOfficersDesk);
  let states: readonly DossierState[] = filters.state
    ? desk.filter((state) => state === filters.state)
    : desk;
  if (filters.due) {
    states = states.filter((state) => (RUNNING_CLOCK_STATES as readonly string[]).includes(state));
    where.push(
      filters.due === "overdue"
        ? lt(dossiers.dueDate, input.today)
        : sql`${dossiers.dueDate} between ${input.today} and ${input.dueSoonUntil}`,
    );
  }
  where.push(states.length > 0 ? inArray(dossiers.state, [...states]) : sql`false`);
  if (filters.procedure) where.push(eq(dossiers.procedureId, Number(filters.procedure)));
  if (filters.holder === "me") where.push(eq(dossiers.holderUserId, input.actorUserId));
  if (filters.holder === "unheld") where.push(isNull(dossiers.holderUserId));
  return { base, condition: and(...where) };
}

/** The province's procedures (current versions) for the filter. */
async function listProcedureOptions(ctx: ServiceContext) {
  return ctx.db
    .select({
      id: procedures.id,
      code: procedures.code,
      name: procedureVersions.name,
      nameEn: procedureVersions.nameEn,
    })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(inArray(procedures.provinceId, [...ctx.province.scopeIds]))
    .orderBy(asc(procedures.code));
}
