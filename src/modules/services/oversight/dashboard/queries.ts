import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { assertCan } from "../../../../platform/authorization.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { getServiceSettings, loadWorkingCalendar } from "../../dossiers/index.ts";
import { averageProcessingWorkingDays, type ProcessingDaysGroup } from "./processing-days.ts";

/**
 * The Decision 766/QĐ-TTg figures of the one-stop shop for one calendar year (months in Vietnam's time):
 * - progress (tiến độ giải quyết): dossiers received (the clock started: form 01), processed (decided:
 *   approved, rejected or stopped), of which early + on time and late against the legal due day (the
 *   snapshot's `timeliness`, computed by the deadline engine), and the average processing working days;
 * - online service (dịch vụ công trực tuyến): the share of received dossiers submitted online;
 * - online payment (thanh toán trực tuyến): among received dossiers with a fee, the share paid online;
 * - satisfaction (mức độ hài lòng): the applicants' 1–5 ratings given in the year, mean and distribution.
 *
 * Everything is aggregated in SQL over the snapshot columns, never by replaying histories. The received and
 * processed counts come from ONE scan of the province's dossiers, each row counted under its receipt month
 * and its decision month (a lateral pair), grouped by procedure × month × kind; totals and the per-month and
 * per-procedure tables are sums of that small cube. Index: `dossiers_submitted_idx (province_id,
 * submitted_at)` bounds the scan from above (a dossier is received and decided after it was submitted), so
 * past years read only their rows; for the current year at national scale an index on (province_id,
 * received_at) and one on (province_id, decided_at) would turn the scan into two range reads (schema
 * change proposed to the lead, not made here).
 */

export type MonthKey = string; // "2026-03"

export type ProgressFigures = {
  received: number;
  receivedOnline: number;
  /** Received dossiers with a fee, and of those the ones paid online. */
  withFee: number;
  paidOnline: number;
  processed: number;
  early: number;
  onTime: number;
  late: number;
};

export type ProcedureFigures = ProgressFigures & {
  procedureId: number;
  code: string;
  name: string;
  nameEn: string;
  averageProcessingDays: number | null;
};

export type ServiceDashboard = {
  year: number;
  /** Years offered in the selector: from the first submission to this year. */
  years: number[];
  totals: ProgressFigures & { averageProcessingDays: number | null };
  /** Now, whatever the year: dossiers being processed, and those past their appointment date. */
  inProgress: number;
  overdueInProgress: number;
  byMonth: (ProgressFigures & { month: MonthKey })[];
  byProcedure: ProcedureFigures[];
  satisfaction: { count: number; average: number | null; distribution: { score: number; count: number }[] };
};

const emptyFigures = (): ProgressFigures => ({
  received: 0,
  receivedOnline: 0,
  withFee: 0,
  paidOnline: 0,
  processed: 0,
  early: 0,
  onTime: 0,
  late: 0,
});

/** States in which the agency is working on a received dossier (the clock has started and not ended). */
export const processingStates = ["received", "in-review", "awaiting-supplement", "proposed"] as const;

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

function idList(ids: readonly number[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

export function monthsOf(year: number): MonthKey[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`);
}

export function currentVietnamYear(now = new Date()): number {
  return Number(todayInVietnam(now).slice(0, 4));
}

const local = (column: SQL) => sql`(${column} at time zone 'Asia/Ho_Chi_Minh')`;

export async function getServiceDashboard({
  ctx,
  year,
  now = new Date(),
}: {
  ctx: ServiceContext;
  year: number;
  now?: Date;
}): Promise<ServiceDashboard> {
  assertCan(ctx.actor, "services.oversee", ctx.province);
  const db = ctx.db;
  const scope = idList(ctx.province.scopeIds);
  const start = `${year}-01-01T00:00:00+07:00`;
  const end = `${year + 1}-01-01T00:00:00+07:00`;
  const inYear = (column: SQL) =>
    sql`(${column} >= ${start}::timestamptz and ${column} < ${end}::timestamptz)`;

  const cube = rowsOf<{
    procedure_id: number;
    kind: "received" | "decided";
    month: string;
    n: string | number;
    online: string | number;
    with_fee: string | number;
    paid_online: string | number;
    early: string | number;
    on_time: string | number;
    late: string | number;
  }>(
    await db.execute(sql`
      select d.procedure_id, e.kind, to_char(${local(sql`e.at`)}, 'YYYY-MM') as month,
        count(*) as n,
        count(*) filter (where d.channel = 'online') as online,
        count(*) filter (where d.fee_dong > 0) as with_fee,
        count(*) filter (where d.fee_dong > 0 and d.paid_at is not null) as paid_online,
        count(*) filter (where d.timeliness = 'early') as early,
        count(*) filter (where d.timeliness = 'on-time') as on_time,
        count(*) filter (where d.timeliness = 'late') as late
      from dossiers d
      cross join lateral (values ('received', d.received_at), ('decided', d.decided_at)) as e(kind, at)
      where d.province_id in (${scope})
        and d.submitted_at < ${end}::timestamptz
        and d.received_at is not null
        and (${inYear(sql`d.received_at`)} or ${inYear(sql`d.decided_at`)})
        and ${inYear(sql`e.at`)}
      group by 1, 2, 3`),
  );

  const byMonth = new Map(monthsOf(year).map((month) => [month, emptyFigures()]));
  const byProcedure = new Map<number, ProgressFigures>();
  const totals = emptyFigures();
  for (const row of cube) {
    const procedure = byProcedure.get(row.procedure_id) ?? emptyFigures();
    byProcedure.set(row.procedure_id, procedure);
    for (const figures of [totals, byMonth.get(row.month)!, procedure]) {
      if (row.kind === "received") {
        figures.received += Number(row.n);
        figures.receivedOnline += Number(row.online);
        figures.withFee += Number(row.with_fee);
        figures.paidOnline += Number(row.paid_online);
      } else {
        figures.processed += Number(row.n);
        figures.early += Number(row.early);
        figures.onTime += Number(row.on_time);
        figures.late += Number(row.late);
      }
    }
  }

  const [calendar, settings] = await Promise.all([
    loadWorkingCalendar(db, ctx.province.id),
    getServiceSettings(db, ctx.province.id),
  ]);
  const dayGroups = rowsOf<{
    procedure_id: number;
    received_date: string;
    after_cut_off: boolean;
    decided_date: string;
    n: string | number;
  }>(
    await db.execute(sql`
      select procedure_id,
        to_char(${local(sql`received_at`)}, 'YYYY-MM-DD') as received_date,
        ${local(sql`received_at`)}::time >= ${settings.cutOffTime}::time as after_cut_off,
        to_char(${local(sql`decided_at`)}, 'YYYY-MM-DD') as decided_date,
        count(*) as n
      from dossiers
      where province_id in (${scope}) and submitted_at < ${end}::timestamptz
        and received_at is not null and ${inYear(sql`decided_at`)}
      group by 1, 2, 3, 4`),
  );
  const groupsByProcedure = new Map<number, ProcessingDaysGroup[]>();
  const allGroups: ProcessingDaysGroup[] = dayGroups.map((row) => {
    const group = {
      receivedDate: row.received_date,
      receivedAfterCutOff: Boolean(row.after_cut_off),
      decidedDate: row.decided_date,
      count: Number(row.n),
    };
    groupsByProcedure.set(row.procedure_id, [...(groupsByProcedure.get(row.procedure_id) ?? []), group]);
    return group;
  });

  const names = await procedureNames(db, [...byProcedure.keys()]);
  const today = todayInVietnam(now);
  const processing = sql.join(
    processingStates.map((state) => sql`${state}`),
    sql`, `,
  );
  const [current] = rowsOf<{ in_progress: string | number; overdue: string | number }>(
    await db.execute(sql`
      select count(*) as in_progress,
        count(*) filter (where state <> 'awaiting-supplement' and due_date < ${today}::date) as overdue
      from dossiers
      where province_id in (${scope}) and state in (${processing})`),
  );
  const ratings = rowsOf<{ score: number; n: string | number }>(
    await db.execute(sql`
      select r.score, count(*) as n
      from dossier_ratings r join dossiers d on d.id = r.dossier_id
      where d.province_id in (${scope}) and ${inYear(sql`r.created_at`)}
      group by 1`),
  );
  const distribution = [1, 2, 3, 4, 5].map((score) => ({
    score,
    count: Number(ratings.find((row) => Number(row.score) === score)?.n ?? 0),
  }));
  const ratingCount = distribution.reduce((sum, row) => sum + row.count, 0);
  const ratingSum = distribution.reduce((sum, row) => sum + row.score * row.count, 0);

  return {
    year,
    years: await yearsWithDossiers(db, ctx.province.scopeIds, now),
    totals: { ...totals, averageProcessingDays: averageProcessingWorkingDays(calendar, allGroups) },
    inProgress: Number(current?.in_progress ?? 0),
    overdueInProgress: Number(current?.overdue ?? 0),
    byMonth: [...byMonth].map(([month, figures]) => ({ month, ...figures })),
    byProcedure: [...byProcedure]
      .map(([procedureId, figures]) => ({
        procedureId,
        code: names.get(procedureId)?.code ?? String(procedureId),
        name: names.get(procedureId)?.name ?? "",
        nameEn: names.get(procedureId)?.nameEn ?? "",
        averageProcessingDays: averageProcessingWorkingDays(
          calendar,
          groupsByProcedure.get(procedureId) ?? [],
        ),
        ...figures,
      }))
      .sort((a, b) => b.received - a.received || b.processed - a.processed || a.code.localeCompare(b.code)),
    satisfaction: {
      count: ratingCount,
      average: ratingCount === 0 ? null : Math.round((ratingSum / ratingCount) * 100) / 100,
      distribution,
    },
  };
}

/** The procedures' codes and current names (a renamed procedure is shown under its current name). */
async function procedureNames(
  db: Executor,
  ids: number[],
): Promise<Map<number, { code: string; name: string; nameEn: string }>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: number; code: string; name: string | null; name_en: string | null }>(
    await db.execute(sql`
      select p.id, p.code, v.name, v.name_en
      from procedures p left join procedure_versions v on v.id = p.current_version_id
      where p.id in (${idList(ids)})`),
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { code: row.code, name: row.name ?? row.code, nameEn: row.name_en ?? row.code },
    ]),
  );
}

/** From the year of the first submission (min over `dossiers_submitted_idx`, one probe per province) to now. */
async function yearsWithDossiers(db: Executor, scopeIds: readonly number[], now: Date): Promise<number[]> {
  const thisYear = currentVietnamYear(now);
  let first = thisYear;
  for (const provinceId of scopeIds) {
    const [row] = rowsOf<{ first: string | Date | null }>(
      await db.execute(sql`
        select min(submitted_at) as first from dossiers where province_id = ${provinceId}`),
    );
    if (row?.first) first = Math.min(first, currentVietnamYear(new Date(row.first)));
  }
  return Array.from({ length: thisYear - first + 1 }, (_, index) => thisYear - index);
}
