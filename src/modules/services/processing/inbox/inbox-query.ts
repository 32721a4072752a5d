import { type SQL, sql } from "drizzle-orm";
import { executePrepared, intArray, textArray } from "../../../../db/prepared.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { listUnits } from "../../../identity/index.ts";
import { type HolidayRow, workingCalendarFromRows } from "../../dossiers/index.ts";
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
  // One round trip for what the page needs besides its rows: the filter's procedures, the holiday table (the
  // calendar is built once per distinct table), and the per-state counts kept by migration 0011's trigger.
  const [setting] = await executePrepared<{
    procedures: Inbox["procedures"];
    holidays: HolidayRow[];
    counts: { state: DossierState; count: number }[];
  }>(
    ctx.db,
    "inbox",
    sql`select
      (select coalesce(json_agg(json_build_object('id', p.id, 'code', p.code, 'name', v.name, 'nameEn', v.name_en)
          order by p.code), '[]'::json)
        from procedures p join procedure_versions v on v.id = p.current_version_id
        where p.province_id = any(${intArray(ctx.province.scopeIds)})) as procedures,
      (select coalesce(json_agg(json_build_object('date', h.date::text, 'name', h.name, 'nameEn', h.name_en,
          'kind', h.kind)), '[]'::json)
        from holidays h where h.province_id = ${ctx.province.id}::int) as holidays,
      (select coalesce(json_agg(json_build_object('state', c.state, 'count', c.count)), '[]'::json)
        from (select state, sum(count)::int as count from dossier_stage_counts
          where province_id = any(${intArray(ctx.province.scopeIds)}) and stage_unit_id = any(${intArray(unitIds)})
            and state = any(${textArray(deskStates(!canSeeProvince))})
          group by state) c) as counts`,
  );
  const procedureOptions = setting!.procedures;
  const empty = { items: [], total: 0, isTotalCapped: false, page: 1, pageCount: 0, stateCounts: {} };
  if (unitIds.length === 0) {
    return { ...empty, procedures: procedureOptions, canSeeProvince, hasNoUnit: actor.unitId === null };
  }

  const today = todayInVietnam(now);
  const calendar = workingCalendarFromRows(ctx.province.id, setting!.holidays);
  const isOfficersDesk = !canSeeProvince;
  const { condition, states } = buildInboxCondition({
    provinceIds: ctx.province.scopeIds,
    unitIds,
    isOfficersDesk,
    filters,
    actorUserId: actor.userId,
    today,
    dueSoonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS),
  });
  const stateCounts: Partial<Record<DossierState, number>> = Object.fromEntries(
    setting!.counts.map((row) => [row.state, Number(row.count)]),
  );
  // Without the filters the counts do not hold (procedure, due date, holder), the total is their sum, exact.
  // With them it is counted over at most INBOX_COUNT_CAP + 1 rows of the index.
  let total: number;
  let isTotalCapped = false;
  if (!filters.procedure && !filters.due && !filters.holder) {
    total = states.reduce((sum, state) => sum + (stateCounts[state] ?? 0), 0);
  } else {
    const [counted] = await executePrepared<{ total: number }>(
      ctx.db,
      "inbox",
      sql`select count(*)::int as total from (select 1 from dossiers where ${condition} limit ${INBOX_COUNT_CAP + 1}) capped`,
    );
    const cappedTotal = Number(counted?.total ?? 0);
    isTotalCapped = cappedTotal > INBOX_COUNT_CAP;
    total = Math.min(cappedTotal, INBOX_COUNT_CAP);
  }
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const currentPage = Math.min(page, pageCount);

  // The page's ids from the dossiers alone (in due-date order from the index), then their details: joining the
  // holder and the procedure before the limit would join every open dossier of the unit.
  const rows =
    total === 0
      ? []
      : await executePrepared<Omit<InboxRow, "workingDaysLeft">>(
          ctx.db,
          "inbox",
          sql`with page as (
            select id, due_date from dossiers where ${condition}
            order by due_date asc nulls last, id asc
            limit ${INBOX_PAGE_SIZE} offset ${(currentPage - 1) * INBOX_PAGE_SIZE}
          )
          select d.id, d.code, d.state, v.name as "procedureName", v.name_en as "procedureNameEn",
            d.applicant_name as "applicantName", d.submitted_at as "submittedAt", d.received_at as "receivedAt",
            d.due_date::text as "dueDate", d.holder_user_id as "holderUserId", u.full_name as "holderName"
          from page
            join dossiers d on d.id = page.id
            join procedure_versions v on v.id = d.procedure_version_id
            left join users u on u.id = d.holder_user_id
          order by page.due_date asc nulls last, page.id asc`,
        );

  // A page's 25 dossiers fall due on a handful of days: each day's count is worked out once.
  const workingDaysLeftByDueDate = new Map<string, number>();
  const countWorkingDaysLeft = (dueDate: string) => {
    let days = workingDaysLeftByDueDate.get(dueDate);
    if (days === undefined) {
      days = calendar.workingDaysBetween(today, dueDate);
      workingDaysLeftByDueDate.set(dueDate, days);
    }
    return days;
  };
  return {
    // Field by field rather than spreading the driver's row: a spread of it costs several times more.
    items: rows.map((row) => ({
      id: Number(row.id),
      code: row.code,
      state: row.state,
      procedureName: row.procedureName,
      procedureNameEn: row.procedureNameEn,
      applicantName: row.applicantName,
      submittedAt: toDate(row.submittedAt),
      receivedAt: toDate(row.receivedAt),
      dueDate: row.dueDate,
      holderUserId: row.holderUserId,
      holderName: row.holderName,
      workingDaysLeft:
        row.dueDate && (RUNNING_CLOCK_STATES as readonly string[]).includes(row.state)
          ? countWorkingDaysLeft(row.dueDate)
          : null,
    })),
    total,
    isTotalCapped,
    page: currentPage,
    pageCount: total === 0 ? 0 : pageCount,
    stateCounts,
    procedures: procedureOptions,
    canSeeProvince,
    hasNoUnit: actor.unitId === null,
  };
}

/** Raw rows carry timestamps as Date (node-postgres) or as text, depending on the driver. */
const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

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
}): { condition: SQL; states: readonly DossierState[] } {
  const { filters } = input;
  // Lists are array parameters: the statement's text, hence its prepared plan, does not depend on their length.
  // One unit (an officer's desk, or a portal with one unit): its own province, an equality, so that the index
  // hands the rows over in due-date order even on the portal of a merged province, whose scope lists the former
  // provinces too (a unit holds dossiers of its own province only). Several units: the scope, and a sort.
  const where: SQL[] =
    input.unitIds.length === 1
      ? [
          sql`province_id = (select u.province_id from units u where u.id = ${input.unitIds[0]}::int
            and u.province_id = any(${intArray(input.provinceIds)}))`,
          sql`stage_unit_id = ${input.unitIds[0]}::int`,
        ]
      : [
          sql`province_id = any(${intArray(input.provinceIds)})`,
          sql`stage_unit_id = any(${intArray(input.unitIds)})`,
        ];
  const desk = deskStates(input.isOfficersDesk);
  let states: readonly DossierState[] = filters.state
    ? desk.filter((state) => state === filters.state)
    : desk;
  if (filters.due) {
    states = states.filter((state) => (RUNNING_CLOCK_STATES as readonly string[]).includes(state));
    where.push(
      filters.due === "overdue"
        ? sql`due_date < ${input.today}::date`
        : sql`due_date between ${input.today}::date and ${input.dueSoonUntil}::date`,
    );
  }
  // The partial index holds the open states only: the literal list tells the planner the rows are in it.
  where.push(
    states.length > 0
      ? sql`state = any(${textArray(states)}) and state in ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')`
      : sql`false`,
  );
  if (filters.procedure) where.push(sql`procedure_id = ${Number(filters.procedure)}::int`);
  if (filters.holder === "me") where.push(sql`holder_user_id = ${input.actorUserId}::int`);
  if (filters.holder === "unheld") where.push(sql`holder_user_id is null`);
  return { condition: sql.join(where, sql` and `), states };
}
