import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { assertCan } from "../../../../platform/authorization.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { listUnits } from "../../../identity/index.ts";
import { addDays, startOfLocalDay } from "../../calendar/dates.ts";
import { dossierEvents, dossiers, procedures, procedureVersions } from "../../schema.ts";
import type { DossierState } from "../../workflow/index.ts";
import type { RegisterFilters } from "./register-filters.ts";

// The one-stop tracking register (form 07): the dossiers the one-stop section took in during a period, with the
// dates it records for each. A dossier's row is dated by its receipt (form 01) or, while not received (or never:
// refused at reception, withdrawn), by its online submission: `coalesce(received_at, submitted_at)`.
//
// Scale: the period is one range of `dossiers_register_idx (province_id, coalesce(received_at, submitted_at), id)`
// (migration 0012): one range per province of the portal's scope (a merged province's lists its former ones),
// read in register order when there is one, sorted when several; the total counts the period's entries in the
// index. The page's rows come by id, then their details and one grouped query
// over their history entries: never a replay.

export const REGISTER_PAGE_SIZE = 50;
/** The export's ceiling: a longer period is exported in parts (the page says so). */
export const REGISTER_EXPORT_LIMIT = 50_000;
/** Details and history are read for this many dossiers at a time (bound parameters per query). */
const DETAIL_CHUNK_SIZE = 2_000;

/** States whose clock runs: only these can be "past the appointment" while still in progress. */
const RUNNING_CLOCK_STATES: readonly DossierState[] = ["received", "in-review", "proposed"];

export const REGISTER_NOTES = [
  "not-received",
  "completion-requested",
  "supplement-requested",
  "extended",
  "refused",
  "rejected",
  "stopped",
  "withdrawn",
] as const;
export type RegisterNote = (typeof REGISTER_NOTES)[number];

export type RegisterRow = {
  id: number;
  code: string | null;
  state: DossierState;
  channel: "online" | "counter" | "post";
  procedureName: string;
  procedureNameEn: string;
  applicantName: string;
  applicantAddress: string;
  applicantPhone: string;
  /** The unit the one-stop section hands the dossier to (first processing step), or the procedure's unit. */
  leadUnitName: string;
  leadUnitNameEn: string;
  /** Receipt (form 01); null while only submitted online. */
  receivedAt: Date | null;
  submittedAt: Date | null;
  /** The appointment date (form 01, moved by form 04). */
  dueDate: string | null;
  /** First hand-over from the one-stop section to the processing unit. */
  forwardedAt: Date | null;
  /** Result or refusal signed, processing stopped, refused at reception or withdrawn. */
  resultAt: Date | null;
  /** Result handed over to the applicant. */
  handedOverAt: Date | null;
  timeliness: "early" | "on-time" | "late" | null;
  /** Still in progress and past the appointment date. */
  isOverdue: boolean;
  notes: RegisterNote[];
  supplementRequests: number;
  extensions: number;
};

export type RegisterOptions = {
  procedures: { id: number; code: string; name: string; nameEn: string }[];
  units: { id: number; name: string; nameEn: string }[];
};

export type RegisterPage = RegisterOptions & {
  rows: RegisterRow[];
  total: number;
  page: number;
  pageCount: number;
};

/** Filters and unit names: what the page needs even when the period was refused. */
export async function getRegisterOptions(ctx: ServiceContext): Promise<RegisterOptions> {
  assertCan(ctx.actor, "services.process", ctx.province);
  const [procedureRows, unitRows] = await Promise.all([
    ctx.db
      .select({
        id: procedures.id,
        code: procedures.code,
        name: procedureVersions.name,
        nameEn: procedureVersions.nameEn,
      })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(inArray(procedures.provinceId, [...ctx.province.scopeIds]))
      .orderBy(asc(procedures.code)),
    listUnits(ctx.db, ctx.province.scopeIds),
  ]);
  return {
    procedures: procedureRows,
    units: unitRows.map((unit) => ({ id: unit.id, name: unit.name, nameEn: unit.nameEn ?? unit.name })),
  };
}

/** One page of the register (50 rows) with the period's total. */
export async function getRegisterPage(
  ctx: ServiceContext,
  filters: RegisterFilters,
  page: number,
  now = new Date(),
): Promise<RegisterPage> {
  const options = await getRegisterOptions(ctx);
  const condition = await buildRegisterCondition(ctx, filters);
  const total = await countRegister(ctx, condition);
  const pageCount = Math.ceil(total / REGISTER_PAGE_SIZE);
  const currentPage = Math.max(1, Math.min(page, pageCount));
  const ids = await listRegisterIds(
    ctx,
    condition,
    REGISTER_PAGE_SIZE,
    (currentPage - 1) * REGISTER_PAGE_SIZE,
  );
  const rows = await loadRegisterRows(ctx, ids, options, todayInVietnam(now));
  return { ...options, rows, total, page: currentPage, pageCount };
}

/** The rows of the export (at most 50,000, in register order) and the period's total. */
export async function listRegisterForExport(
  ctx: ServiceContext,
  filters: RegisterFilters,
  now = new Date(),
): Promise<{ rows: RegisterRow[]; total: number }> {
  const options = await getRegisterOptions(ctx);
  const condition = await buildRegisterCondition(ctx, filters);
  const total = await countRegister(ctx, condition);
  const ids = await listRegisterIds(ctx, condition, REGISTER_EXPORT_LIMIT, 0);
  const today = todayInVietnam(now);
  const rows: RegisterRow[] = [];
  for (let start = 0; start < ids.length; start += DETAIL_CHUNK_SIZE) {
    rows.push(...(await loadRegisterRows(ctx, ids.slice(start, start + DETAIL_CHUNK_SIZE), options, today)));
  }
  return { rows, total };
}

const registeredAt = sql`coalesce(${dossiers.receivedAt}, ${dossiers.submittedAt})`;
/** The register's order: the index's own (province first: one province per query). */
export const registerOrder = [registeredAt, asc(dossiers.id)];

/** The register's WHERE clause: province, period (see the note at the top), then procedure and unit. */
export async function buildRegisterCondition(
  ctx: Pick<ServiceContext, "db" | "province">,
  filters: RegisterFilters,
): Promise<SQL | undefined> {
  const start = new Date(startOfLocalDay(filters.from)).toISOString();
  const end = new Date(startOfLocalDay(addDays(filters.to, 1))).toISOString();
  const where: SQL[] = [
    inArray(dossiers.provinceId, [...ctx.province.scopeIds]),
    sql`${registeredAt} >= ${start}::timestamptz`,
    sql`${registeredAt} < ${end}::timestamptz`,
  ];
  if (filters.procedure !== null) where.push(eq(dossiers.procedureId, filters.procedure));
  if (filters.unit !== null) {
    // The lead unit is a property of the procedure version: the few versions of the province are read and
    // matched here, so the dossiers are filtered on their own column rather than through a join.
    const versionIds = (await listVersionLeadUnits(ctx))
      .filter((version) => version.leadUnitId === filters.unit)
      .map((version) => version.id);
    where.push(versionIds.length > 0 ? inArray(dossiers.procedureVersionId, versionIds) : sql`false`);
  }
  return and(...where);
}

async function countRegister(ctx: ServiceContext, condition: SQL | undefined): Promise<number> {
  const [row] = await ctx.db
    .select({ total: sql<number>`count(*)::int`.mapWith(Number) })
    .from(dossiers)
    .where(condition);
  return row?.total ?? 0;
}

async function listRegisterIds(
  ctx: ServiceContext,
  condition: SQL | undefined,
  limit: number,
  offset: number,
): Promise<number[]> {
  const rows = await ctx.db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(condition)
    .orderBy(...registerOrder)
    .limit(limit)
    .offset(offset);
  return rows.map((row) => row.id);
}

type VersionWorkflow = { steps?: { unitId?: string }[] };

/** The unit that leads the processing: the first step's unit, else the procedure's implementing unit. */
function leadUnitOf(version: { workflow: unknown; implementingUnitId: number }): number {
  const firstStepUnit = Number((version.workflow as VersionWorkflow | null)?.steps?.[0]?.unitId);
  return Number.isInteger(firstStepUnit) && firstStepUnit > 0 ? firstStepUnit : version.implementingUnitId;
}

async function listVersionLeadUnits(ctx: Pick<ServiceContext, "db" | "province">) {
  const versions = await ctx.db
    .select({
      id: procedureVersions.id,
      workflow: procedureVersions.workflow,
      implementingUnitId: procedureVersions.implementingUnitId,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(inArray(procedures.provinceId, [...ctx.province.scopeIds]));
  return versions.map((version) => ({ id: version.id, leadUnitId: leadUnitOf(version) }));
}

/** The dossiers' columns and, in one grouped query, the dates and counts their history adds. */
async function loadRegisterRows(
  ctx: ServiceContext,
  ids: number[],
  options: RegisterOptions,
  today: string,
): Promise<RegisterRow[]> {
  if (ids.length === 0) return [];
  const [details, histories] = await Promise.all([
    ctx.db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        state: dossiers.state,
        channel: dossiers.channel,
        procedureName: procedureVersions.name,
        procedureNameEn: procedureVersions.nameEn,
        workflow: procedureVersions.workflow,
        implementingUnitId: procedureVersions.implementingUnitId,
        applicantName: dossiers.applicantName,
        applicantAddress: dossiers.applicantAddress,
        applicantPhone: dossiers.applicantPhone,
        submittedAt: dossiers.submittedAt,
        receivedAt: dossiers.receivedAt,
        dueDate: dossiers.dueDate,
        decidedAt: dossiers.decidedAt,
        completedAt: dossiers.completedAt,
        timeliness: dossiers.timeliness,
      })
      .from(dossiers)
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .where(inArray(dossiers.id, ids)),
    ctx.db
      .select({
        dossierId: dossierEvents.dossierId,
        forwardedAt:
          sql<Date | null>`min(${dossierEvents.at}) filter (where ${dossierEvents.action} = 'forward')`.mapWith(
            dossierEvents.at,
          ),
        refusedAt:
          sql<Date | null>`max(${dossierEvents.at}) filter (where ${dossierEvents.action} = 'refuse')`.mapWith(
            dossierEvents.at,
          ),
        withdrawnAt:
          sql<Date | null>`max(${dossierEvents.at}) filter (where ${dossierEvents.action} = 'withdraw')`.mapWith(
            dossierEvents.at,
          ),
        // Form 02 before receipt (guidance, no clock) and during processing (the clock pauses) are told apart by
        // the state the request led to.
        completionRequests:
          sql<number>`count(*) filter (where ${dossierEvents.action} = 'request-supplement' and ${dossierEvents.stateAfter} = 'needs-completion')::int`.mapWith(
            Number,
          ),
        supplementRequests:
          sql<number>`count(*) filter (where ${dossierEvents.action} = 'request-supplement' and ${dossierEvents.stateAfter} = 'awaiting-supplement')::int`.mapWith(
            Number,
          ),
        extensions: sql<number>`count(*) filter (where ${dossierEvents.action} = 'extend')::int`.mapWith(
          Number,
        ),
        rejections: sql<number>`count(*) filter (where ${dossierEvents.action} = 'reject')::int`.mapWith(
          Number,
        ),
      })
      .from(dossierEvents)
      .where(inArray(dossierEvents.dossierId, ids))
      .groupBy(dossierEvents.dossierId),
  ]);
  const unitById = new Map(options.units.map((unit) => [unit.id, unit]));
  const historyById = new Map(histories.map((history) => [history.dossierId, history]));
  const detailById = new Map(details.map((detail) => [detail.id, detail]));
  return ids.flatMap((id) => {
    const detail = detailById.get(id);
    if (!detail) return [];
    const history = historyById.get(id);
    const unit = unitById.get(leadUnitOf(detail));
    const notes: RegisterNote[] = [];
    if (detail.state === "submitted" || detail.state === "needs-completion") notes.push("not-received");
    if ((history?.completionRequests ?? 0) > 0) notes.push("completion-requested");
    if ((history?.supplementRequests ?? 0) > 0) notes.push("supplement-requested");
    if ((history?.extensions ?? 0) > 0) notes.push("extended");
    if (detail.state === "refused") notes.push("refused");
    if ((history?.rejections ?? 0) > 0) notes.push("rejected");
    if (detail.state === "stopped") notes.push("stopped");
    if (detail.state === "withdrawn") notes.push("withdrawn");
    return [
      {
        id: detail.id,
        code: detail.code,
        state: detail.state,
        channel: detail.channel,
        procedureName: detail.procedureName,
        procedureNameEn: detail.procedureNameEn,
        applicantName: detail.applicantName,
        applicantAddress: detail.applicantAddress,
        applicantPhone: detail.applicantPhone,
        leadUnitName: unit?.name ?? "",
        leadUnitNameEn: unit?.nameEn ?? "",
        receivedAt: detail.receivedAt,
        submittedAt: detail.submittedAt,
        dueDate: detail.dueDate,
        forwardedAt: history?.forwardedAt ?? null,
        resultAt: detail.decidedAt ?? history?.refusedAt ?? history?.withdrawnAt ?? null,
        handedOverAt: detail.completedAt,
        timeliness: detail.timeliness,
        isOverdue:
          detail.dueDate !== null && detail.dueDate < today && RUNNING_CLOCK_STATES.includes(detail.state),
        notes,
        supplementRequests: history?.supplementRequests ?? 0,
        extensions: history?.extensions ?? 0,
      },
    ];
  });
}
