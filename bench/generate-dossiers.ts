import { and, asc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../src/db/client.ts";
import { units, userRoles, users } from "../src/modules/identity/schema.ts";
import { addDays, type WorkingCalendar } from "../src/modules/services/calendar/index.ts";
import { getServiceSettings, loadWorkingCalendar } from "../src/modules/services/dossiers/index.ts";
import { procedureComponents, procedures, procedureVersions } from "../src/modules/services/schema.ts";
import {
  type Actor,
  compileDossierCodePattern,
  type DossierAction,
  type DossierContext,
  type DossierState,
  defineProcedureWorkflow,
  formatDossierCode,
  getStage,
  type HistoryEntry,
  type ProcedureWorkflow,
  replay,
} from "../src/modules/services/workflow/index.ts";
import { todayInVietnam } from "../src/platform/vn-format.ts";

/**
 * Deterministic bench data for the one-stop shop: `dossiers` dossiers of one province across its procedures
 * (current versions), with their snapshot columns AND their full histories (dossier_events), so that the
 * officer inbox reads realistic rows and every dossier still replays: the generator builds one history
 * template per path through the workflow (completed, refused, in review at step i, …), replays each template
 * with the real rules before writing anything, and takes the snapshot columns (state, step, stage, holder,
 * timestamps, event count) from that replay. Dates come from the province's real working calendar (holidays
 * table or generated defaults): receipt on a working day before the cut-off, due date = receipt + the
 * version's processing working days, decision early / on time / late by construction.
 *
 * Everything is set-based (generate_series), so 1,000,000 dossiers build on PostgreSQL in minutes; the same
 * numbers and the same `today` give the same rows. About 96 % of the dossiers are closed (spread over the last
 * two years), 4 % are in flight (recent, some overdue), like a one-stop shop's real table.
 *
 * Bench rows are marked: applicants are bench accounts `bench-applicant-N@bench.invalid` (no usable
 * password) and their dossiers are replaced on each run. Dossier codes continue the province's daily
 * sequences (dossier_sequences is advanced), so later real submissions never reuse a code.
 * Not generated: uploaded files, audit rows, e-mails, payments rows (paid_at is set), supplements that were
 * supplied (supply needs files), extensions.
 */

const benchEmailDomain = "bench.invalid";

type ActorKind = "applicant" | "submitter" | "reception" | "step" | "leader";
/** The instant an event happens at: one of the plan's per-dossier times plus a fixed offset in minutes. */
type TimeKey = "sub" | "rec" | "step" | "prop" | "dec" | "ret";
const timeKeys: TimeKey[] = ["sub", "rec", "step", "prop", "dec", "ret"];

type TemplateEvent = {
  action: DossierAction;
  actor: ActorKind;
  stepNo: number | null;
  time: TimeKey;
  offset: number;
  comment?: string;
  delivery?: boolean;
};

type PathBuild = (steps: number, claimed: boolean, atStep: number) => TemplateEvent[];
type Path = { name: string; weight: number; recent: boolean; build: PathBuild };

const comments = {
  completion: "Thiếu bản sao Giấy chứng nhận đăng ký doanh nghiệp; đề nghị bổ sung, hoàn thiện hồ sơ.",
  supplement: "Đề nghị bổ sung bản vẽ mặt bằng và giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh.",
  refuse: "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Công Thương.",
  reject: "Địa điểm kinh doanh chưa đáp ứng điều kiện theo quy định.",
  stop: "Dừng giải quyết theo đề nghị của tổ chức, cá nhân.",
};

const ev = (
  action: DossierAction,
  actor: ActorKind,
  time: TimeKey,
  offset = 0,
  extra: Partial<TemplateEvent> = {},
): TemplateEvent => ({ action, actor, stepNo: null, time, offset, ...extra });

/** submit → receive → forward to step 1 (→ claim) → forward step by step up to step `upTo` (→ claim each). */
function through(claimed: boolean, upTo: number): TemplateEvent[] {
  const events = [
    ev("submit", "submitter", "sub"),
    ev("receive", "reception", "rec"),
    ev("forward", "reception", "rec", 15),
  ];
  if (claimed) events.push(ev("claim", "step", "rec", 40, { stepNo: 1 }));
  for (let step = 1; step < upTo; step += 1) {
    events.push(ev("forward", "step", "step", (step - 1) * 10, { stepNo: step }));
    if (claimed) events.push(ev("claim", "step", "step", (step - 1) * 10 + 5, { stepNo: step + 1 }));
  }
  return events;
}

const propose = (steps: number) => ev("propose", "step", "prop", 0, { stepNo: steps });

/** Weights per 1,000 dossiers. */
export const dossierPaths: Path[] = [
  {
    name: "completed",
    weight: 890,
    recent: false,
    build: (s, c) => [
      ...through(c, s),
      propose(s),
      ev("approve", "leader", "dec"),
      ev("return-result", "reception", "ret", 0, { delivery: true }),
    ],
  },
  {
    name: "completed-rejected",
    weight: 25,
    recent: false,
    build: (s, c) => [
      ...through(c, s),
      propose(s),
      ev("reject", "leader", "dec", 0, { comment: comments.reject }),
      ev("return-result", "reception", "ret", 0, { delivery: true }),
    ],
  },
  {
    name: "stopped",
    weight: 7,
    recent: false,
    build: (_s, c) => [...through(c, 1), ev("stop", "leader", "dec", 0, { comment: comments.stop })],
  },
  {
    name: "refused",
    weight: 20,
    recent: false,
    build: () => [
      ev("submit", "submitter", "sub"),
      ev("refuse", "reception", "rec", 0, { comment: comments.refuse }),
    ],
  },
  {
    name: "withdrawn",
    weight: 15,
    recent: false,
    build: () => [ev("submit", "submitter", "sub"), ev("withdraw", "applicant", "sub", 90)],
  },
  { name: "draft", weight: 5, recent: true, build: () => [] },
  { name: "submitted", weight: 6, recent: true, build: () => [ev("submit", "submitter", "sub")] },
  {
    name: "needs-completion",
    weight: 3,
    recent: true,
    build: () => [
      ev("submit", "submitter", "sub"),
      ev("request-supplement", "reception", "rec", 0, { comment: comments.completion }),
    ],
  },
  {
    name: "received",
    weight: 4,
    recent: true,
    build: () => [ev("submit", "submitter", "sub"), ev("receive", "reception", "rec")],
  },
  { name: "in-review", weight: 14, recent: true, build: (_s, c, at) => through(c, at) },
  {
    name: "awaiting-supplement",
    weight: 3,
    recent: true,
    build: (_s, c, at) => [
      ...through(c, at),
      ev("request-supplement", "step", "prop", 0, { stepNo: at, comment: comments.supplement }),
    ],
  },
  { name: "proposed", weight: 4, recent: true, build: (s, c) => [...through(c, s), propose(s)] },
  {
    name: "approved",
    weight: 3,
    recent: true,
    build: (s, c) => [...through(c, s), propose(s), ev("approve", "leader", "dec")],
  },
  {
    name: "rejected",
    weight: 1,
    recent: true,
    build: (s, c) => [
      ...through(c, s),
      propose(s),
      ev("reject", "leader", "dec", 0, { comment: comments.reject }),
    ],
  },
];

/** What a history template ends in, from replaying it: the snapshot columns in terms of the plan's times. */
type VariantFacts = {
  variant: string;
  events: (TemplateEvent & { stateAfter: DossierState })[];
  finalState: DossierState;
  currentStepNo: number | null;
  holder: { kind: "reception" | "step" | "leader"; stepNo: number | null } | null;
  stage: { kind: "reception" | "step" | "approval"; stepNo: number | null; role: string } | null;
  submitted: boolean;
  received: boolean;
  decided: { time: TimeKey; offset: number } | null;
  completed: { time: TimeKey; offset: number } | null;
  paused: { time: TimeKey; offset: number } | null;
  last: { time: TimeKey; offset: number } | null;
};

const syntheticUnit = (kind: "reception" | "approval" | number) =>
  typeof kind === "number" ? `step-${kind}` : kind;

function syntheticWorkflow(steps: number): ProcedureWorkflow {
  return defineProcedureWorkflow({
    receptionUnitId: syntheticUnit("reception"),
    steps: Array.from({ length: steps }, (_, index) => ({
      id: `s${index + 1}`,
      name: `Step ${index + 1}`,
      unitId: syntheticUnit(index + 1),
      workingDays: 1,
    })) as unknown as ProcedureWorkflow["steps"],
    approvalUnitId: syntheticUnit("approval"),
  });
}

function syntheticActor(kind: ActorKind, stepNo: number | null, counter: boolean): Actor {
  switch (kind) {
    case "applicant":
      return { userId: "applicant", role: "applicant", unitId: null };
    case "submitter":
      return counter
        ? syntheticActor("reception", null, counter)
        : syntheticActor("applicant", null, counter);
    case "reception":
      return { userId: "reception", role: "reception-officer", unitId: syntheticUnit("reception") };
    case "step":
      return { userId: `step-${stepNo}`, role: "processing-officer", unitId: syntheticUnit(stepNo ?? 0) };
    case "leader":
      return { userId: "leader", role: "leader", unitId: syntheticUnit("approval") };
  }
}

function syntheticEntry(event: TemplateEvent, at: string, counter: boolean): HistoryEntry {
  const base = {
    action: event.action,
    at,
    actor: syntheticActor(event.actor, event.stepNo, counter),
    ...(event.comment ? { comment: event.comment } : {}),
  };
  if (event.delivery) return { ...base, action: "return-result", deliveryMethod: "online" };
  return base as HistoryEntry;
}

/** A fake instant per (time key, offset), increasing in the order the plan guarantees. */
const fakeInstant = (time: TimeKey, offset: number) =>
  new Date(Date.UTC(2030, 0, 1) + (timeKeys.indexOf(time) * 600 + offset) * 60_000).toISOString();

/**
 * Replays every template with the real workflow rules (for online and counter submission) and reads the
 * snapshot facts off the replayed status. A template the rules refuse throws here, before any row is written.
 */
export function buildVariants(stepCounts: readonly number[]): VariantFacts[] {
  const variants: VariantFacts[] = [];
  for (const path of dossierPaths) {
    for (const steps of new Set(stepCounts)) {
      const workflow = syntheticWorkflow(steps);
      const context: DossierContext = { workflow, applicantUserId: "applicant", dueDate: null };
      for (const claimed of [false, true]) {
        for (let atStep = 1; atStep <= steps; atStep += 1) {
          const template = path.build(steps, claimed, atStep);
          const times = new Map<string, { time: TimeKey; offset: number }>();
          let status = replay([], context);
          for (const counter of [false, true]) {
            const history = template.map((event) => {
              const at = fakeInstant(event.time, event.offset);
              times.set(at, { time: event.time, offset: event.offset });
              return syntheticEntry(event, at, counter);
            });
            status = replay(history, context);
          }
          const events = template.map((event, index) => ({
            ...event,
            stateAfter: replay(
              template
                .slice(0, index + 1)
                .map((item) => syntheticEntry(item, fakeInstant(item.time, item.offset), false)),
              context,
            ).state,
          }));
          const timeOf = (instant: string | null) => (instant === null ? null : times.get(instant)!);
          const stepNo = (stepId: string | null) => (stepId === null ? null : Number(stepId.slice(1)));
          const holder = status.holder;
          const stage =
            status.state === "draft" ? null : getStage(workflow, status.state, status.currentStepId);
          const openPause = status.pauses.at(-1);
          variants.push({
            variant: `${path.name}|${steps}|${claimed ? 1 : 0}|${atStep}`,
            events,
            finalState: status.state,
            currentStepNo: stepNo(status.currentStepId),
            holder: holder
              ? holder.userId.startsWith("step-")
                ? { kind: "step", stepNo: Number(holder.userId.slice(5)) }
                : { kind: holder.userId as "reception" | "leader", stepNo: null }
              : null,
            stage: stage
              ? stage.unitId.startsWith("step-")
                ? { kind: "step", stepNo: Number(stage.unitId.slice(5)), role: stage.role }
                : { kind: stage.unitId as "reception" | "approval", stepNo: null, role: stage.role }
              : null,
            submitted: status.submittedAt !== null,
            received: status.receivedAt !== null,
            decided: timeOf(status.decidedAt),
            completed: timeOf(status.completedAt),
            paused: openPause && openPause.to === null ? timeOf(openPause.from) : null,
            last: timeOf(status.lastActionAt),
          });
        }
      }
    }
  }
  return variants;
}

function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

const values = (rows: SQL[]) => sql.join(rows, sql`, `);
const text = (value: string | null) => (value === null ? sql`null::text` : sql`${value}::text`);
const int = (value: number | null) => (value === null ? sql`null::int` : sql`${value}::int`);
const intArray = (items: readonly number[]) =>
  sql`array[${sql.join(
    items.map((item) => sql`${item}::int`),
    sql`, `,
  )}]::int[]`;
const textArray = (items: readonly string[]) =>
  sql`array[${sql.join(
    items.map((item) => sql`${item}::text`),
    sql`, `,
  )}]::text[]`;

/**
 * A deterministic pseudo-random integer in [0, modulo) from the row number `g.k` and a salt: Knuth's
 * multiplier then a xor-shift-multiply finaliser, so that picks with different salts are not linearly related
 * (with the multiplier alone, two picks of the same row would move in step).
 */
const pick = (salt: number, modulo: SQL | number) => {
  const h1 = sql`(((g.k)::bigint * 2654435761 + ${salt * 40503}::bigint) % 4294967296)`;
  const h2 = sql`(((${h1} # (${h1} >> 16)) * 73244475) % 4294967296)`;
  return sql`(((${h2} # (${h2} >> 15)) % (${modulo}))::int)`;
};

/** Local (UTC+7) wall time `minutes` after midnight of a date column, as a timestamptz. */
const localAt = (day: SQL, minutes: SQL | number) =>
  sql`((${day})::timestamp + make_interval(mins => (${minutes}) - 420)) at time zone 'UTC'`;

export type GenerateDossiersOptions = {
  dossiers: number;
  provinceSlug: string;
  /** The day the data ends (Vietnam date, "YYYY-MM-DD"); default today. Everything generated is before it. */
  today?: string;
  log?: (line: string) => void;
};

export type GeneratedDossiers = {
  dossiers: number;
  events: number;
  procedures: number;
  applicants: number;
  byState: Record<string, number>;
  firstSubmitted: string | null;
  lastSubmitted: string | null;
};

type VersionFacts = {
  n: number;
  procedureId: number;
  versionId: number;
  days: number;
  fee: number;
  receptionUnit: number;
  receptionOfficer: number;
  approvalUnit: number;
  leader: number;
  stepIds: string[];
  stepUnits: number[];
  stepOfficers: number[];
};

async function firstUserWithRole(db: Executor, unitId: number, role: "officer" | "leader") {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.unitId, unitId), eq(userRoles.role, role), eq(users.status, "active")))
    .orderBy(asc(users.id))
    .limit(1);
  if (!row) throw new Error(`no active ${role} in unit ${unitId}: the bench needs one to act there`);
  return row.id;
}

/** The province's active procedures with a current version, with the staff who act at each stage. */
async function loadVersions(db: Executor, provinceId: number): Promise<VersionFacts[]> {
  const rows = await db
    .select({
      procedureId: procedures.id,
      versionId: procedureVersions.id,
      days: procedureVersions.processingWorkingDays,
      fee: procedureVersions.onlineFeeDong,
      workflow: procedureVersions.workflow,
    })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
    .where(
      and(
        eq(procedures.provinceId, provinceId),
        eq(procedures.status, "active"),
        isNotNull(procedures.currentVersionId),
      ),
    )
    .orderBy(asc(procedures.code));
  const officerCache = new Map<string, number>();
  const staff = async (unitId: number, role: "officer" | "leader") => {
    const key = `${unitId}:${role}`;
    if (!officerCache.has(key)) officerCache.set(key, await firstUserWithRole(db, unitId, role));
    return officerCache.get(key)!;
  };
  const facts: VersionFacts[] = [];
  for (const [index, row] of rows.entries()) {
    const workflow = defineProcedureWorkflow(row.workflow as ProcedureWorkflow);
    const stepUnits = workflow.steps.map((step) => Number(step.unitId));
    const stepOfficers: number[] = [];
    for (const unit of stepUnits) stepOfficers.push(await staff(unit, "officer"));
    facts.push({
      n: index,
      procedureId: row.procedureId,
      versionId: row.versionId,
      days: row.days,
      fee: row.fee,
      receptionUnit: Number(workflow.receptionUnitId),
      receptionOfficer: await staff(Number(workflow.receptionUnitId), "officer"),
      approvalUnit: Number(workflow.approvalUnitId),
      leader: await staff(Number(workflow.approvalUnitId), "leader"),
      stepIds: workflow.steps.map((step) => step.id),
      stepUnits,
      stepOfficers,
    });
  }
  return facts;
}

/** The calendar window as rows: working flag, the working-day ordinal, the dossier-code prefix of the day. */
function calendarRows(
  calendar: WorkingCalendar,
  from: string,
  to: string,
  codePrefix: (day: string) => string,
): SQL[] {
  const rows: SQL[] = [];
  let ordinal = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const working = calendar.isWorkingDay(day);
    if (working) ordinal += 1;
    rows.push(sql`(${day}::date, ${working}, ${ordinal}::int, ${codePrefix(day)}::text)`);
  }
  return rows;
}

const benchTables = [
  "bench_days",
  "bench_work",
  "bench_versions",
  "bench_paths",
  "bench_templates",
  "bench_variants",
  "bench_applicants",
  "bench_plan",
];

export async function generateDossiers(
  db: Database,
  options: GenerateDossiersOptions,
): Promise<GeneratedDossiers> {
  const log = options.log ?? (() => {});
  const total = options.dossiers;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error("dossiers must be a positive whole number");
  const [province] = rowsOf<{ id: number }>(
    await db.execute(sql`select id from provinces where slug = ${options.provinceSlug}`),
  );
  if (!province) throw new Error(`no province ${options.provinceSlug}`);
  const provinceId = province.id;
  const versions = await loadVersions(db, provinceId);
  if (versions.length === 0)
    throw new Error(`province ${options.provinceSlug} has no procedure with a current version to file under`);
  const variants = buildVariants(versions.map((version) => version.stepIds.length));

  const settings = await getServiceSettings(db, provinceId);
  const pattern = compileDossierCodePattern(settings.codePattern);
  const last = pattern.tokens.at(-1);
  if (last?.kind !== "seq")
    throw new Error(
      `the bench writes codes set-based and needs a pattern ending in {seq:N}, not ${settings.codePattern}`,
    );
  const seqWidth = last.width;
  const cutOffMinutes =
    Number(settings.cutOffTime.slice(0, 2)) * 60 + Number(settings.cutOffTime.slice(3, 5));
  const calendar = await loadWorkingCalendar(db, provinceId);

  // Closed dossiers spread over ~2 years of working days before the in-flight ones.
  const spanWorkingDays = 480;
  const maxDays = Math.max(...versions.map((version) => version.days));
  const today = options.today ?? todayInVietnam();
  const windowFrom = addDays(today, -(Math.ceil(((spanWorkingDays + maxDays + 30) * 7) / 5) + 90));
  const windowTo = addDays(today, Math.ceil(((maxDays + 20) * 7) / 5) + 60);

  log("removing earlier bench dossiers");
  await db.execute(sql`delete from dossiers where applicant_email like ${`%@${benchEmailDomain}`}`);
  for (const table of benchTables) await db.execute(sql`drop table if exists ${sql.identifier(table)}`);

  log("calendar, procedures and history templates");
  await db.execute(sql`create table bench_days (d date primary key, working boolean not null, ord int not null,
    code_prefix text not null)`);
  const dayRows = calendarRows(calendar, windowFrom, windowTo, (day) =>
    formatDossierCode(pattern, {
      agencyCode: settings.agencyCode,
      receivedAt: new Date(`${day}T05:00:00Z`),
      sequence: 1,
    }).slice(0, -seqWidth),
  );
  for (let start = 0; start < dayRows.length; start += 500)
    await db.execute(sql`insert into bench_days values ${values(dayRows.slice(start, start + 500))}`);
  await db.execute(sql`create table bench_work as select ord, d from bench_days where working`);
  await db.execute(sql`create unique index on bench_work (ord)`);
  // The last working day before today: every in-flight event happens on or before it.
  const [lastWorking] = rowsOf<{ ord: number }>(
    await db.execute(sql`select ord from bench_days where d = ${addDays(today, -1)}::date`),
  );
  const lastOrd = Number(lastWorking?.ord ?? 0);
  if (lastOrd < spanWorkingDays + maxDays + 20) throw new Error("calendar window too short");

  await db.execute(sql`create table bench_versions (n int primary key, procedure_id int not null,
    version_id int not null, days int not null, fee bigint not null, reception_unit int not null,
    reception_officer int not null, approval_unit int not null, leader int not null, step_count int not null,
    step_ids text[] not null, step_units int[] not null, step_officers int[] not null)`);
  await db.execute(
    sql`insert into bench_versions values ${values(
      versions.map(
        (v) => sql`(${v.n}::int, ${v.procedureId}::int, ${v.versionId}::int, ${v.days}::int, ${v.fee}::bigint,
        ${v.receptionUnit}::int, ${v.receptionOfficer}::int, ${v.approvalUnit}::int, ${v.leader}::int,
        ${v.stepIds.length}::int, ${textArray(v.stepIds)}, ${intArray(v.stepUnits)}, ${intArray(v.stepOfficers)})`,
      ),
    )}`,
  );

  await db.execute(sql`create table bench_paths (name text primary key, lo int not null, hi int not null,
    recent boolean not null)`);
  let cumulative = 0;
  await db.execute(
    sql`insert into bench_paths values ${values(
      dossierPaths.map((path) => {
        const row = sql`(${path.name}::text, ${cumulative}::int, ${cumulative + path.weight - 1}::int, ${path.recent})`;
        cumulative += path.weight;
        return row;
      }),
    )}`,
  );
  if (cumulative !== 1000) throw new Error(`path weights add up to ${cumulative}, not 1000`);

  await db.execute(sql`create table bench_templates (variant text not null, seq int not null, action text not null,
    actor_kind text not null, step_no int, time_key text not null, offset_min int not null,
    state_after text not null, comment text, with_delivery boolean not null, primary key (variant, seq))`);
  const templateRows = variants.flatMap((variant) =>
    variant.events.map(
      (event, index) => sql`(${variant.variant}::text, ${index + 1}::int, ${event.action}::text,
        ${event.actor}::text, ${int(event.stepNo)}, ${event.time}::text, ${event.offset}::int,
        ${event.stateAfter}::text, ${text(event.comment ?? null)}, ${event.delivery === true})`,
    ),
  );
  for (let start = 0; start < templateRows.length; start += 400)
    await db.execute(
      sql`insert into bench_templates values ${values(templateRows.slice(start, start + 400))}`,
    );

  await db.execute(sql`create table bench_variants (variant text primary key, event_count int not null,
    final_state text not null, current_step_no int, holder_kind text, holder_step_no int, stage_kind text,
    stage_step_no int, stage_role text, submitted boolean not null, received boolean not null,
    decided_key text, decided_off int, completed_key text, completed_off int, paused_key text, paused_off int,
    last_key text, last_off int)`);
  const variantRows = variants.map(
    (v) => sql`(${v.variant}::text, ${v.events.length}::int, ${v.finalState}::text, ${int(v.currentStepNo)},
      ${text(v.holder?.kind ?? null)}, ${int(v.holder?.stepNo ?? null)}, ${text(v.stage?.kind ?? null)},
      ${int(v.stage?.stepNo ?? null)}, ${text(v.stage?.role ?? null)}, ${v.submitted}, ${v.received},
      ${text(v.decided?.time ?? null)}, ${int(v.decided?.offset ?? null)}, ${text(v.completed?.time ?? null)},
      ${int(v.completed?.offset ?? null)}, ${text(v.paused?.time ?? null)}, ${int(v.paused?.offset ?? null)},
      ${text(v.last?.time ?? null)}, ${int(v.last?.offset ?? null)})`,
  );
  for (let start = 0; start < variantRows.length; start += 400)
    await db.execute(sql`insert into bench_variants values ${values(variantRows.slice(start, start + 400))}`);

  const applicantCount = Math.max(20, Math.ceil(total / 500));
  log(`applicant accounts: ${applicantCount}`);
  await db.execute(sql`
    insert into users (province_id, email, full_name, phone, password_hash, status)
    select ${provinceId}, 'bench-applicant-' || g.k || ${`@${benchEmailDomain}`},
      case when g.k % 2 = 1
        then (array['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Hợp tác xã'])[1 + g.k % 4]
          || ' ' || (array['Thương mại', 'Xăng dầu', 'Khí hóa lỏng', 'Thực phẩm', 'Hóa chất'])[1 + (g.k / 4) % 5]
          || ' ' || (array['Vũng Tàu', 'Bà Rịa', 'Phú Mỹ', 'Sa Đéc', 'Cao Lãnh', 'Long Hải'])[1 + (g.k / 20) % 6]
          || ' số ' || g.k
        else (array['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng'])[1 + g.k % 7]
          || ' ' || (array['Văn', 'Thị', 'Minh', 'Hoàng', 'Ngọc'])[1 + (g.k / 7) % 5]
          || ' ' || (array['An', 'Bình', 'Chi', 'Dũng', 'Hạnh', 'Khoa', 'Lan', 'Phúc', 'Tâm'])[1 + (g.k / 35) % 9]
          || ' ' || g.k
      end,
      '09' || lpad((g.k % 100000000)::text, 8, '0'), '!bench-no-login', 'active'
    from generate_series(1, ${applicantCount}) g(k)
    on conflict do nothing`);
  await db.execute(sql`create table bench_applicants as
    select (substring(u.email from 'bench-applicant-(\\d+)@'))::int as u, u.id as user_id, u.full_name as name,
      u.email, u.phone
    from users u where u.email like ${`bench-applicant-%@${benchEmailDomain}`} and u.province_id = ${provinceId}`);
  await db.execute(sql`create unique index on bench_applicants (u)`);
  await db.execute(sql`
    insert into user_roles (user_id, role)
    select user_id, case when u % 2 = 1 then 'enterprise' else 'citizen' end from bench_applicants
    on conflict do nothing`);

  // The big statements: without JIT (compiling the pick() expressions takes PostgreSQL ~20 s of LLVM), and as
  // superuser without the foreign-key triggers (every reference is built from existing rows).
  const [role] = rowsOf<{ superuser: boolean }>(
    await db.execute(sql`select rolsuper as superuser from pg_roles where rolname = current_user`),
  );
  const bulk = (statement: SQL) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      if (role?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(statement);
    });
  // At scale, the secondary indexes are built once after the load rather than maintained row by row.
  const indexResult = await db.execute(sql`
    select indexname, indexdef from pg_indexes
    where tablename in ('dossiers', 'dossier_events') and indexname not in ('dossiers_pkey', 'dossier_events_pkey')`);
  const indexes = total >= 100_000 ? rowsOf<{ indexname: string; indexdef: string }>(indexResult) : [];

  log(`plan of ${total} dossiers`);
  const versionCount = versions.length;
  // Per dossier: procedure, path, channel, delivery, the receipt working day R (ordinal), the decision offset F
  // (working days after receipt), and the instants of its events. In-flight paths end on the last working day
  // before today at the latest; closed ones end 8 working days after their due date at the latest.
  await bulk(sql`
    create table bench_plan as
    with base as (
      select g.k, v.n as vn, v.days, v.step_count as s, pa.name as path, pa.recent,
        ${pick(3, 2)} as claimed, 1 + ${pick(4, sql`v.step_count`)} as at_step,
        case when pa.name <> 'draft' and ${pick(5, 100)} < 12 then 'counter' else 'online' end as channel,
        case when ${pick(6, 10)} < 6 then 'online' when ${pick(6, 10)} < 9 then 'counter' else 'post' end
          as delivery,
        ${pick(7, 100)} as tc,
        case when pa.name = 'submitted' then ${pick(10, 3)} else ${pick(10, sql`v.days + 4`)} end as x,
        ${pick(11, spanWorkingDays)} as back,
        1 + ${pick(15, applicantCount)} as u,
        ${pick(12, 240)} as m_rec, ${pick(13, 2880)} as m_sub, ${pick(14, 20)} as m_step,
        ${pick(16, 15)} as m_prop, ${pick(17, 60)} as m_dec, ${pick(18, 120)} as m_ret, ${pick(19, 10)} as unpaid
      from generate_series(1, ${total}) g(k)
      join bench_versions v on v.n = ${pick(1, versionCount)}
      join bench_paths pa on ${pick(2, 1000)} between pa.lo and pa.hi
    ), offsets as (
      select b.*,
        case when b.recent then ${lastOrd} - b.x else ${lastOrd} - (b.days + 8) - b.back end as r,
        case when b.recent then b.x
          when b.tc < 72 and b.days > 0 then (b.k * 7 + b.back) % b.days
          when b.tc < 92 then b.days
          else b.days + 1 + (b.k + b.back) % 5 end as f
      from base b
    ), timed as (
      select o.k, o.vn, o.days, o.s, o.path, o.channel, o.delivery, o.u, o.r, o.f, o.unpaid,
        o.path || '|' || o.s || '|' || o.claimed || '|' || o.at_step as variant,
        ${localAt(sql`wr.d`, sql`480 - 30 - o.m_sub`)} as t_sub,
        ${localAt(sql`wr.d`, sql`480 + o.m_rec`)} as t_rec,
        ${localAt(sql`ws.d`, sql`780 + o.m_step`)} as t_step,
        ${localAt(sql`wf.d`, sql`870 + o.m_prop`)} as t_prop,
        ${localAt(sql`wf.d`, sql`900 + o.m_dec`)} as t_dec,
        ${localAt(sql`wn.d`, sql`540 + o.m_ret`)} as t_ret,
        wd.d as due_received
      from offsets o
      join bench_work wr on wr.ord = o.r
      join bench_work ws on ws.ord = o.r + o.f / 2
      join bench_work wf on wf.ord = o.r + o.f
      join bench_work wn on wn.ord = o.r + o.f + 1
      join bench_work wd on wd.ord = o.r + o.days
    ), located as (
      select t.*, (t.t_sub at time zone 'UTC') + interval '7 hours' as local_sub from timed t
    )
    -- The code: the submission's Vietnam day and the day's sequence, continued from dossier_sequences; the
    -- provisional due date before receipt counts from the submission (next working day after the cut-off).
    select l.k, l.vn, l.days, l.s, l.path, l.channel, l.delivery, l.u, l.r, l.f, l.unpaid, l.variant,
      l.t_sub, l.t_rec, l.t_step, l.t_prop, l.t_dec, l.t_ret, l.due_received,
      l.local_sub::date as sub_day, wrd.d as rd_due,
      case when l.path <> 'draft' then coalesce(ds.last_value, 0)
        + row_number() over (partition by l.path = 'draft', l.local_sub::date order by l.t_sub, l.k) end as seq
    from located l
    join bench_days d on d.d = l.local_sub::date
    join bench_work wrd on wrd.ord = d.ord + l.days + case when d.working
      and extract(hour from l.local_sub) * 60 + extract(minute from l.local_sub) < ${cutOffMinutes} then 0 else 1 end
    left join dossier_sequences ds on ds.province_id = ${provinceId} and ds.day = l.local_sub::date`);

  const [maxSeq] = rowsOf<{ max: number | null }>(
    await db.execute(sql`select max(seq) as max from bench_plan`),
  );
  if (Number(maxSeq?.max ?? 0) > pattern.maxSequence)
    throw new Error(`more than ${pattern.maxSequence} dossiers on one day: lower --dossiers`);
  await db.execute(sql`create unique index on bench_plan (k)`);

  // Dossier ids: one block reserved from the sequence, id = base + k - 1.
  const [block] = rowsOf<{ base: string }>(
    await db.execute(sql`select nextval(pg_get_serial_sequence('dossiers', 'id')) as base`),
  );
  const baseId = Number(block!.base);
  await db.execute(
    sql`select setval(pg_get_serial_sequence('dossiers', 'id'), ${baseId + total - 1}::bigint)`,
  );

  const timeOf = (key: string, offset: string) => sql`(case ${sql.raw(key)}
    when 'sub' then p.t_sub when 'rec' then p.t_rec when 'step' then p.t_step when 'prop' then p.t_prop
    when 'dec' then p.t_dec when 'ret' then p.t_ret end + make_interval(mins => ${sql.raw(offset)}))`;
  const stepUser = (stepNo: string) => sql`v.step_officers[${sql.raw(stepNo)}]`;

  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.indexname)}`);
  try {
    log("dossiers");
    await bulk(sql`
    insert into dossiers (id, province_id, procedure_id, procedure_version_id, code, applicant_user_id,
      applicant_name, applicant_tax_code, applicant_id_number, applicant_phone, applicant_email,
      applicant_address, answers, channel, delivery_method, delivery_address, declaration_accepted_at, state,
      current_step_id, stage_unit_id, stage_role, holder_user_id, submitted_at, received_at, due_date,
      paused_at, decided_at, completed_at, timeliness, fee_dong, paid_at, event_count, last_action_at,
      created_at, updated_at)
    select ${baseId - 1}::bigint + p.k, ${provinceId}, v.procedure_id, v.version_id,
      case when p.seq is not null then dd.code_prefix || lpad(p.seq::text, ${seqWidth}, '0') end,
      a.user_id, a.name,
      case when a.u % 2 = 1 then '99' || lpad(a.u::text, 8, '0') end,
      case when a.u % 2 = 0 then '0' || lpad(a.u::text, 11, '0') end,
      a.phone, a.email,
      'Số ' || (1 + p.k % 300) || ' đường ' || (array['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', '30/4',
        'Hùng Vương', 'Lý Thường Kiệt'])[1 + p.k % 6] || ', ' || (array['phường Vũng Tàu', 'phường Bà Rịa',
        'phường Phú Mỹ', 'phường Sa Đéc', 'phường Cao Lãnh'])[1 + (p.k / 6) % 5],
      '{}'::jsonb, p.channel, p.delivery,
      case when p.delivery = 'post' then 'Số ' || (1 + p.k % 200) || ' đường Hoàng Hoa Thám, phường Vũng Tàu' end,
      case when va.submitted then p.t_sub end,
      va.final_state,
      case when va.current_step_no is not null then v.step_ids[va.current_step_no] end,
      case va.stage_kind when 'reception' then v.reception_unit when 'approval' then v.approval_unit
        when 'step' then v.step_units[va.stage_step_no] end,
      va.stage_role,
      case va.holder_kind when 'reception' then v.reception_officer when 'leader' then v.leader
        when 'step' then ${stepUser("va.holder_step_no")} end,
      case when va.submitted then p.t_sub end,
      case when va.received then p.t_rec end,
      case when va.received then p.due_received when va.submitted then p.rd_due end,
      case when va.paused_key is not null then ${timeOf("va.paused_key", "va.paused_off")} end,
      case when va.decided_key is not null then ${timeOf("va.decided_key", "va.decided_off")} end,
      case when va.completed_key is not null then ${timeOf("va.completed_key", "va.completed_off")} end,
      case when va.decided_key is not null and va.received then
        case when p.f < p.days then 'early' when p.f = p.days then 'on-time' else 'late' end end,
      v.fee,
      case when v.fee = 0 or not va.submitted then null
        when p.channel = 'counter' then case when va.received then p.t_rec end
        when va.received or p.unpaid >= 3 then p.t_sub + interval '5 minutes' end,
      va.event_count,
      case when va.last_key is not null then ${timeOf("va.last_key", "va.last_off")} end,
      p.t_sub - interval '30 minutes',
      coalesce(case when va.last_key is not null then ${timeOf("va.last_key", "va.last_off")} end,
        p.t_sub - interval '20 minutes')
    from bench_plan p
    join bench_versions v on v.n = p.vn
    join bench_variants va on va.variant = p.variant
    join bench_applicants a on a.u = p.u
    left join bench_days dd on dd.d = p.sub_day`);

    log("histories");
    const iso = (value: SQL) => sql`to_char((${value}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const actorUser = sql`case t.actor_kind
      when 'applicant' then a.user_id
      when 'submitter' then case when p.channel = 'counter' then v.reception_officer else a.user_id end
      when 'reception' then v.reception_officer when 'leader' then v.leader
      when 'step' then ${stepUser("t.step_no")} end`;
    const actorRole = sql`case t.actor_kind
      when 'applicant' then 'applicant'
      when 'submitter' then case when p.channel = 'counter' then 'reception-officer' else 'applicant' end
      when 'reception' then 'reception-officer' when 'leader' then 'leader'
      when 'step' then 'processing-officer' end`;
    const actorUnit = sql`case t.actor_kind
      when 'applicant' then null
      when 'submitter' then case when p.channel = 'counter' then v.reception_unit end
      when 'reception' then v.reception_unit when 'leader' then v.approval_unit
      when 'step' then v.step_units[t.step_no] end`;
    const at = timeOf("t.time_key", "t.offset_min");
    await bulk(sql`
    insert into dossier_events (dossier_id, seq, action, state_after, actor_user_id, entry, at)
    select ${baseId - 1}::bigint + p.k, t.seq, t.action, t.state_after, ${actorUser},
      jsonb_build_object('action', t.action, 'at', ${iso(at)},
        'actor', jsonb_build_object('userId', (${actorUser})::text, 'role', ${actorRole},
          'unitId', (${actorUnit})::text))
        || case when t.comment is not null then jsonb_build_object('comment', t.comment) else '{}'::jsonb end
        || case when t.with_delivery then jsonb_build_object('deliveryMethod', p.delivery) else '{}'::jsonb end,
      ${at}
    from bench_plan p
    join bench_templates t on t.variant = p.variant
    join bench_versions v on v.n = p.vn
    join bench_applicants a on a.u = p.u`);
  } finally {
    if (indexes.length > 0) log(`rebuilding ${indexes.length} indexes`);
    for (const index of indexes) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
        await tx.execute(sql.raw(index.indexdef));
      });
    }
  }

  // The bulk load ran with triggers off (session_replication_role = replica): the inbox's per-state counts
  // (migration 0011's trigger) are rebuilt for the province from the rows.
  log("inbox counts");
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from dossier_stage_counts where province_id = ${provinceId}`);
    await tx.execute(sql`insert into dossier_stage_counts (province_id, stage_unit_id, state, count)
      select province_id, stage_unit_id, state, count(*)::int from dossiers
      where province_id = ${provinceId} and stage_unit_id is not null
        and state in ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')
      group by province_id, stage_unit_id, state`);
  });

  log("dossier sequences");
  await db.execute(sql`
    insert into dossier_sequences (province_id, day, last_value)
    select ${provinceId}, sub_day, max(seq) from bench_plan where seq is not null group by sub_day
    on conflict (province_id, day) do update
      set last_value = greatest(dossier_sequences.last_value, excluded.last_value)`);

  const byStateRows = rowsOf<{ state: string; count: number }>(
    await db.execute(sql`select va.final_state as state, count(*)::int as count from bench_plan p
      join bench_variants va on va.variant = p.variant group by va.final_state order by 1`),
  );
  const [eventCount] = rowsOf<{ count: number }>(
    await db.execute(sql`select coalesce(sum(va.event_count), 0)::int as count from bench_plan p
      join bench_variants va on va.variant = p.variant`),
  );
  const [range] = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`select min(sub_day)::text as first, max(sub_day)::text as last from bench_plan
      where seq is not null`),
  );
  for (const table of benchTables) await db.execute(sql`drop table if exists ${sql.identifier(table)}`);
  return {
    dossiers: total,
    events: Number(eventCount?.count ?? 0),
    procedures: versionCount,
    applicants: applicantCount,
    byState: Object.fromEntries(byStateRows.map((row) => [row.state, Number(row.count)])),
    firstSubmitted: range?.first ?? null,
    lastSubmitted: range?.last ?? null,
  };
}

/**
 * When the province has no procedure yet (a database without the catalogue), three small bench procedures
 * (one, two and three processing steps over the demo units) so the generator has something to file under.
 * Returns how many it created (0 when the province already has procedures).
 */
export async function ensureBenchProcedures(db: Executor, provinceSlug: string): Promise<number> {
  const [province] = rowsOf<{ id: number }>(
    await db.execute(sql`select id from provinces where slug = ${provinceSlug}`),
  );
  if (!province) throw new Error(`no province ${provinceSlug}`);
  const existing = await db
    .select({ id: procedures.id })
    .from(procedures)
    .where(and(eq(procedures.provinceId, province.id), isNotNull(procedures.currentVersionId)))
    .limit(1);
  if (existing.length > 0) return 0;
  const unitRows = await db
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(
      and(eq(units.provinceId, province.id), inArray(units.code, ["SCT", "SCT-MC", "SCT-QLTM", "SCT-KTAT"])),
    );
  const unit = (code: string) => {
    const row = unitRows.find((candidate) => candidate.code === code);
    if (!row) throw new Error(`unit ${code} missing in ${provinceSlug}`);
    return String(row.id);
  };
  const definitions = [
    {
      code: "BENCH.001",
      name: "Cấp Giấy phép bán buôn rượu (bench)",
      days: 15,
      fee: 1_200_000,
      steps: ["SCT-QLTM"],
    },
    {
      code: "BENCH.002",
      name: "Cấp Giấy chứng nhận cửa hàng bán lẻ LPG (bench)",
      days: 15,
      fee: 1_200_000,
      steps: ["SCT-KTAT", "SCT-KTAT"],
    },
    {
      code: "BENCH.003",
      name: "Đăng ký thực hiện khuyến mại (bench)",
      days: 5,
      fee: 0,
      steps: ["SCT-QLTM", "SCT-KTAT", "SCT-QLTM"],
    },
  ];
  for (const definition of definitions) {
    const [procedure] = await db
      .insert(procedures)
      .values({ provinceId: province.id, code: definition.code })
      .returning({ id: procedures.id });
    const [version] = await db
      .insert(procedureVersions)
      .values({
        procedureId: procedure!.id,
        version: 1,
        name: definition.name,
        nameEn: `${definition.code} bench procedure`,
        field: "bench",
        implementingUnitId: Number(unit("SCT")),
        level: 4,
        onlineClass: "full",
        applicantKinds: ["enterprise", "citizen"],
        description: "Thủ tục dùng cho đo hiệu năng.",
        descriptionEn: "A procedure used by the benchmark.",
        workflow: {
          receptionUnitId: unit("SCT-MC"),
          steps: definition.steps.map((code, index) => ({
            id: `buoc-${index + 1}`,
            name: `Bước ${index + 1}`,
            unitId: unit(code),
            workingDays: Math.max(1, Math.floor(definition.days / definition.steps.length) - 1),
          })),
          approvalUnitId: unit("SCT"),
        },
        processingWorkingDays: definition.days,
        fees: [
          {
            label: "Phí thẩm định",
            labelEn: "Appraisal fee",
            amountDong: definition.fee,
            payableOnline: true,
          },
        ],
        onlineFeeDong: definition.fee,
        legalBasis: [],
        resultType: "licence",
        resultName: "Giấy phép",
        resultNameEn: "Licence",
        searchText: definition.name.toLowerCase(),
      })
      .returning({ id: procedureVersions.id });
    await db
      .update(procedures)
      .set({ currentVersionId: version!.id })
      .where(eq(procedures.id, procedure!.id));
    await db.insert(procedureComponents).values({
      versionId: version!.id,
      position: 1,
      name: "Đơn đề nghị",
      nameEn: "Application form",
      copyKind: "original",
      required: true,
    });
  }
  return definitions.length;
}

/**
 * `tsx bench/generate-dossiers.ts --dossiers 100000 [--province ba-ria-vung-tau]` with DATABASE_URL
 * (PostgreSQL) or DATA_DIR (PGlite): migrates, loads the demo data when missing, and generates the dossiers.
 */
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { parseArgs } = await import("node:util");
  const { loadConfig } = await import("../src/config.ts");
  const { prepareDatabase } = await import("../src/startup.ts");
  const { values: flags } = parseArgs({
    options: {
      dossiers: { type: "string", default: "1000000" },
      province: { type: "string", default: "ba-ria-vung-tau" },
    },
  });
  const count = Number(flags.dossiers.replaceAll(/[._,]/g, ""));
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error("--dossiers must be a positive whole number");
  const { database } = await prepareDatabase(loadConfig(), { withDemoData: true });
  const started = Date.now();
  try {
    await ensureBenchProcedures(database.db, flags.province);
    const generated = await generateDossiers(database.db, {
      dossiers: count,
      provinceSlug: flags.province,
      log: (line) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s: ${line}\n`),
    });
    await database.db.execute(sql`vacuum analyze dossiers`);
    await database.db.execute(sql`vacuum analyze dossier_events`);
    process.stdout.write(`${JSON.stringify({ ...generated, seconds: (Date.now() - started) / 1000 })}\n`);
  } finally {
    await database.close();
  }
}
