import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { findActingEnterprise } from "../modules/enterprises/index.ts";
import { listVerifiedEnterprises } from "../modules/enterprises/public-queries.ts";
import { listHostedProvinces } from "../modules/geo/index.ts";
import { userRoles, users } from "../modules/identity/schema.ts";
import type { WorkingCalendar } from "../modules/services/calendar/index.ts";
import { compileSettingsPattern } from "../modules/services/dossiers/calendar-store.ts";
import {
  type ActionRequest,
  getServiceSettings,
  loadWorkingCalendar,
  performDossierAction,
  type ServiceSettings,
} from "../modules/services/dossiers/index.ts";
import {
  type DemoPlan,
  localInstant,
  type PlannedStep,
  planDemoDossier,
} from "../modules/services/oversight/demo-plan.ts";
import {
  type PlayedAction,
  type PlayedEvent,
  playDemoDossier,
} from "../modules/services/oversight/demo-player.ts";
import {
  dossierEvents,
  dossierFiles,
  dossierPayments,
  dossierRatings,
  dossierSequences,
  dossiers,
  procedures,
  procedureVersions,
} from "../modules/services/schema.ts";
import {
  formatDossierCode,
  getSequenceDay,
  type ProcedureWorkflow,
  type Actor as WorkflowActor,
} from "../modules/services/workflow/index.ts";
import type { Actor, HostedProvince, ServiceContext } from "../platform/request-context.ts";
import { uploadedFiles } from "../platform/schema.ts";
import { representativeNames } from "./floor-demo/vocabulary.ts";
import { createRandom } from "./floor-demo-data.ts";

/**
 * The one-stop shop's demo: 300 dossiers per demo province submitted between 05/01/2026 and 20/11/2026
 * across the province's seeded procedures (those whose steps have an officer among the demo accounts). Most are
 * decided early or on time, some late (half of those with an apology and a new date, form 04), some asked for
 * a supplement at reception or during processing, some refused (form 03), rejected or stopped (form 05), the
 * latest still in progress; online fees are paid (simulator payment records) before receipt; about half of
 * the returned results are rated. See `oversight/demo-plan.ts` for the mix.
 *
 * Two ways to play the plans, with the same result in the tables the pages read (tested):
 * - by default in memory with the core's own pure rules (`oversight/demo-player.ts`: `applyAction`,
 *   `computeDeadline`, `snapshotOf`) and a few multi-row inserts — about a second per province; seed data, so
 *   no audit rows and no status e-mails, like the floor's demo;
 * - `throughCore: true`: every action through `performDossierAction` with the planned `now` (audit rows and
 *   e-mails included). That is ~1,800 actions per province at ~12 queries each, 15–30 s per province on
 *   PGlite, too slow for a demo loaded by every test app.
 *
 * Deterministic: one seeded PRNG per province and a fixed horizon (20/11/2026 17:00), never the clock, so two
 * loads make the same dossiers (codes included). Applicants: the demo accounts `doanhnghiep@` and `congdan@`
 * own a share of the online dossiers (their "my dossiers" page and the supplements, which only an applicant
 * can supply); the rest come from the floor's verified enterprises and from household businesses that
 * applied at the counter or through the National Public Service Portal, entered by the one-stop section.
 * Supplement files are records without content (a demo has no real documents).
 */

export const DEMO_DOSSIER_HORIZON = new Date("2026-11-20T17:00:00+07:00");
const DOSSIERS_PER_PROVINCE = 300;
const seedOf: Record<string, number> = { "ba-ria-vung-tau": 20_260_105, "dong-thap": 20_260_106 };

export type DemoDossierSummary = {
  dossiers: number;
  actions: number;
  ratings: number;
  byState: Record<string, number>;
};

type Version = typeof procedureVersions.$inferSelect;
type Applicant = {
  userId: number | null;
  enterpriseId: number | null;
  name: string;
  taxCode: string | null;
  idNumber: string | null;
  phone: string;
  email: string;
  address: string;
};

async function loadActors(db: Executor, provinceId: number): Promise<Map<string, Actor>> {
  // Identity has no public "actor by e-mail" function; the demo reads its two tables as the session does.
  const rows = await db
    .select({ user: users, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.provinceId, provinceId), eq(users.status, "active")));
  const actors = new Map<string, Actor>();
  for (const { user, role } of rows) {
    const actor = actors.get(user.email) ?? {
      userId: user.id,
      provinceId: user.provinceId,
      unitId: user.unitId,
      fullName: user.fullName,
      email: user.email,
      roles: new Set(),
    };
    (actor.roles as Set<string>).add(role);
    actors.set(user.email, actor);
  }
  return actors;
}

/** The officer who works a unit's steps: the first active officer (not leader) of that unit. */
function officersByUnit(actors: Map<string, Actor>): Map<string, Actor> {
  const byUnit = new Map<string, Actor>();
  const sorted = [...actors.values()].sort((a, b) => a.userId - b.userId);
  for (const actor of sorted) {
    if (actor.unitId === null || !actor.roles.has("officer") || actor.roles.has("leader")) continue;
    if (actor.roles.has("admin")) continue;
    if (!byUnit.has(String(actor.unitId))) byUnit.set(String(actor.unitId), actor);
  }
  return byUnit;
}

async function loadVersions(db: Executor, provinceId: number): Promise<Version[]> {
  const rows = await db
    .select({ version: procedureVersions })
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
  return rows.map((row) => row.version);
}

export async function loadDemoDossiers(
  tx: Executor,
  {
    provinceSlug,
    provinceId,
    throughCore = false,
    count = DOSSIERS_PER_PROVINCE,
  }: {
    provinceSlug: string;
    provinceId: number;
    /** Each action through `performDossierAction` (audit rows, e-mails; ~10 ms of database work each). */
    throughCore?: boolean;
    /** How many dossiers (300 by default; tests play fewer). */
    count?: number;
  },
): Promise<DemoDossierSummary> {
  const random = createRandom(seedOf[provinceSlug] ?? provinceId);
  const province = (await listHostedProvinces(tx)).find((candidate) => candidate.id === provinceId);
  if (!province) throw new Error(`Province ${provinceSlug} is not hosted`);
  const actors = await loadActors(tx, provinceId);
  const byEmail = (local: string) => {
    const actor = actors.get(`${local}@${provinceSlug}.demo`);
    if (!actor) throw new Error(`Demo account ${local}@${provinceSlug}.demo is missing`);
    return actor;
  };
  const reception = byEmail("motcua");
  const leader = byEmail("lanhdao");
  const officers = officersByUnit(actors);
  const versions = (await loadVersions(tx, provinceId)).filter((version) => {
    const workflow = version.workflow as ProcedureWorkflow;
    return (
      workflow.receptionUnitId === String(reception.unitId) &&
      workflow.steps.every((step) => officers.has(String(step.unitId)))
    );
  });
  if (versions.length === 0) return { dossiers: 0, actions: 0, ratings: 0, byState: {} };
  // Popular procedures get more dossiers (alcohol and tobacco retail, promotions), as in any Department.
  const weights = versions.map(() => 1 + random.int(0, 6));
  const pickVersion = () => {
    let roll = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) return versions[index]!;
    }
    return versions.at(-1)!;
  };

  const calendar = await loadWorkingCalendar(tx, provinceId);
  const { cutOffTime } = await getServiceSettings(tx, provinceId);
  const enterprisePool = (await listVerifiedEnterprises(tx, province.scopeIds, "", 1)).items;
  const enterpriseOwner = byEmail("doanhnghiep");
  const citizenOwner = byEmail("congdan");
  const actingEnterprise = await findActingEnterprise(tx, enterpriseOwner, province.scopeIds);
  const ctxOf = (actor: Actor): ServiceContext => ({ db: tx, actor, province: province as HostedProvince });

  function applicantFor(version: Version, owned: boolean): Applicant {
    const kinds = version.applicantKinds;
    const asEnterprise = kinds.includes("enterprise") && (!kinds.includes("citizen") || random.chance(0.8));
    if (owned && asEnterprise && actingEnterprise) {
      return {
        userId: enterpriseOwner.userId,
        enterpriseId: actingEnterprise.id,
        name: actingEnterprise.name,
        taxCode: actingEnterprise.taxCode,
        idNumber: null,
        phone: actingEnterprise.phone ?? "0254 3800 123",
        email: enterpriseOwner.email,
        address: actingEnterprise.addressLine,
      };
    }
    if (owned) {
      return {
        userId: citizenOwner.userId,
        enterpriseId: null,
        name: citizenOwner.fullName.replace(/ \(.*\)$/, ""),
        taxCode: null,
        idNumber: `0${random.int(10, 99)}${random.int(100_000_000, 999_999_999)}`,
        phone: "0912 345 678",
        email: citizenOwner.email,
        address: `${random.int(1, 300)} đường 30/4, ${province!.name}`,
      };
    }
    const enterprise = asEnterprise && enterprisePool.length > 0 ? random.pick(enterprisePool) : null;
    if (enterprise) {
      return {
        userId: null,
        enterpriseId: enterprise.id,
        name: enterprise.name,
        taxCode: enterprise.taxCode,
        idNumber: null,
        phone: enterprise.phone ?? `09${random.int(10_000_000, 99_999_999)}`,
        email: enterprise.email ?? `lienhe.${enterprise.taxCode}@example.vn`,
        address: enterprise.addressLine,
      };
    }
    const person = random.pick(representativeNames);
    return {
      userId: null,
      enterpriseId: null,
      name: `Hộ kinh doanh ${person}`,
      taxCode: null,
      idNumber: `0${random.int(10, 99)}${random.int(100_000_000, 999_999_999)}`,
      phone: `09${random.int(10_000_000, 99_999_999)}`,
      email: `hkd${random.int(1000, 9999)}@example.vn`,
      address: `${random.int(1, 300)} Quốc lộ ${random.pick(["51", "55", "30", "80"])}, ${province!.name}`,
    };
  }

  const summary: DemoDossierSummary = { dossiers: 0, actions: 0, ratings: 0, byState: {} };
  const bulk = createBulkWriter(tx, provinceId, await getServiceSettings(tx, provinceId));
  await bulk.loadSequences();
  const submissions = submissionTimes(calendar, random, count);
  for (const [index, submittedAt] of submissions.entries()) {
    const version = pickVersion();
    const owned = random.chance(0.12);
    const applicant = applicantFor(version, owned);
    const online = owned || random.chance(version.level >= 4 ? 0.8 : 0.5);
    const deliveryMethod = random.pick(["online", "online", "online", "counter", "counter", "post"] as const);
    const totalFee = version.fees.reduce((sum, fee) => sum + fee.amountDong, 0);
    const values = {
      provinceId,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      applicantUserId: applicant.userId,
      enterpriseId: applicant.enterpriseId,
      applicantName: applicant.name,
      applicantTaxCode: applicant.taxCode,
      applicantIdNumber: applicant.idNumber,
      applicantPhone: applicant.phone,
      applicantEmail: applicant.email,
      applicantAddress: applicant.address,
      channel: online ? "online" : "counter",
      deliveryMethod,
      deliveryAddress: deliveryMethod === "post" ? applicant.address : null,
      declarationAcceptedAt: submittedAt,
      feeDong: online ? version.onlineFeeDong : totalFee,
      createdAt: submittedAt,
    } satisfies DossierValues;
    const plan: DemoPlan = planDemoDossier({
      random,
      calendar,
      cutOffTime,
      submittedAt,
      workflow: version.workflow as ProcedureWorkflow,
      processingWorkingDays: version.processingWorkingDays,
      isOwned: applicant.userId !== null,
      paysOnline: online && values.feeDong > 0,
      deliveryMethod,
    });
    const horizon = plan.steps.findIndex((step) => step.at > DEMO_DOSSIER_HORIZON);
    const steps = horizon === -1 ? plan.steps : plan.steps.slice(0, horizon);
    const applicantActor = applicant.userId === enterpriseOwner.userId ? enterpriseOwner : citizenOwner;
    const actorFor = (step: PlannedStep): Actor =>
      step.by === "applicant"
        ? applicantActor
        : step.by === "reception"
          ? reception
          : step.by === "leader"
            ? leader
            : officers.get(step.unitId!)!;
    const dossier: DemoDossier = { index, values, steps, actorFor, version };
    const state = throughCore
      ? await playThroughCore(tx, dossier, ctxOf)
      : await bulk.add(dossier, { calendar, cutOffTime });
    summary.dossiers += 1;
    summary.actions += steps.filter((step) => step.kind === "action").length;
    summary.ratings += steps.filter((step) => step.kind === "rate").length;
    summary.byState[state] = (summary.byState[state] ?? 0) + 1;
  }
  if (!throughCore) await bulk.flush();
  return summary;
}

type DossierValues = typeof dossiers.$inferInsert;
type DemoDossier = {
  index: number;
  values: DossierValues;
  steps: PlannedStep[];
  actorFor: (step: PlannedStep) => Actor;
  version: Version;
};

/** Each planned action through `performDossierAction` (one transaction each, audit rows and e-mails). */
async function playThroughCore(
  tx: Executor,
  { index, values, steps, actorFor }: DemoDossier,
  ctxOf: (actor: Actor) => ServiceContext,
): Promise<string> {
  const [draft] = await tx.insert(dossiers).values(values).returning();
  const dossier = draft!;
  let state: string = dossier.state;
  for (const step of steps) {
    if (step.kind === "pay") {
      await recordDemoPayment(tx, {
        ...values,
        dossierId: dossier.id,
        amountDong: dossier.feeDong,
        at: step.at,
        index,
      });
      await tx.update(dossiers).set({ paidAt: step.at }).where(eq(dossiers.id, dossier.id));
    } else if (step.kind === "rate") {
      await tx.insert(dossierRatings).values({
        dossierId: dossier.id,
        score: step.score!,
        comment: step.comment ?? null,
        createdAt: step.at,
      });
    } else {
      const actor = actorFor(step);
      const request: ActionRequest = { ...step.request! };
      if (request.action === "supply") {
        request.fileIds = [
          (
            await recordDemoFile(tx, {
              provinceId: values.provinceId,
              ownerUserId: actor.userId,
              at: step.at,
            })
          ).id,
        ];
      }
      state = (await performDossierAction(ctxOf(actor), dossier.id, request, { now: step.at })).dossier.state;
    }
  }
  return state;
}

/** The workflow actor `performDossierAction` derives for the demo's accounts (see `toWorkflowActor`). */
function workflowActorOf(step: PlannedStep, actor: Actor): WorkflowActor {
  const userId = String(actor.userId);
  if (step.by === "applicant") return { userId, role: "applicant", unitId: null };
  if (step.by === "leader") return { userId, role: "leader", unitId: String(actor.unitId) };
  if (step.by === "reception") return { userId, role: "reception-officer", unitId: String(actor.unitId) };
  return { userId, role: "processing-officer", unitId: step.unitId! };
}

/**
 * Plays dossiers in memory (`playDemoDossier`: the core's pure rules and snapshot) and writes them with a few
 * multi-row inserts: dossiers, history rows, supplement files, payments, ratings, the day sequences of codes.
 */
function createBulkWriter(tx: Executor, provinceId: number, settings: ServiceSettings) {
  const pattern = compileSettingsPattern(settings);
  const sequences = new Map<string, number>();
  const pending: {
    values: DossierValues;
    events: PlayedEvent[];
    files: { fileId: number; seq: number; by: number; at: Date }[];
    payment: { at: Date; index: number } | null;
    ratings: PlannedStep[];
  }[] = [];
  return {
    async loadSequences() {
      const rows = await tx
        .select()
        .from(dossierSequences)
        .where(eq(dossierSequences.provinceId, provinceId));
      for (const row of rows) sequences.set(row.day, row.lastValue);
    },
    async add(
      dossier: DemoDossier,
      clock: { calendar: WorkingCalendar; cutOffTime: string },
    ): Promise<string> {
      const actions: PlayedAction[] = [];
      const files: { fileId: number; seq: number; by: number; at: Date }[] = [];
      let payment: { at: Date; index: number } | null = null;
      for (const step of dossier.steps) {
        if (step.kind === "pay") payment = { at: step.at, index: dossier.index };
        if (step.kind !== "action") continue;
        const actor = dossier.actorFor(step);
        const played: PlayedAction = {
          request: step.request!,
          at: step.at,
          actor: workflowActorOf(step, actor),
          actorUserId: actor.userId,
        };
        if (step.request!.action === "supply") {
          const file = await recordDemoFile(tx, { provinceId, ownerUserId: actor.userId, at: step.at });
          played.files = [{ id: String(file.id), name: file.originalName }];
          files.push({ fileId: file.id, seq: actions.length + 1, by: actor.userId, at: step.at });
        }
        actions.push(played);
      }
      const result = playDemoDossier({
        dossier: {
          applicantUserId: dossier.values.applicantUserId ?? null,
          deliveryMethod: dossier.values.deliveryMethod!,
        },
        workflow: dossier.version.workflow as ProcedureWorkflow,
        calendar: clock.calendar,
        cutOffTime: clock.cutOffTime,
        processingWorkingDays: dossier.version.processingWorkingDays,
        actions,
      });
      const submittedAt = actions[0]!.at;
      const day = getSequenceDay(submittedAt);
      const sequence = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, sequence);
      const code = formatDossierCode(pattern, {
        agencyCode: settings.agencyCode,
        receivedAt: submittedAt,
        sequence,
      });
      pending.push({
        values: {
          ...dossier.values,
          ...result.snapshot,
          code,
          deliveryMethod: result.deliveryMethod,
          paidAt: payment?.at ?? null,
          updatedAt: result.updatedAt,
        },
        events: result.events,
        files,
        payment,
        ratings: dossier.steps.filter((step) => step.kind === "rate"),
      });
      return result.snapshot.state;
    },
    async flush() {
      for (let start = 0; start < pending.length; start += 100) {
        const chunk = pending.slice(start, start + 100);
        const ids = await tx
          .insert(dossiers)
          .values(chunk.map((item) => item.values))
          .returning({ id: dossiers.id });
        const events = chunk.flatMap((item, index) =>
          item.events.map((event) => ({ ...event, dossierId: ids[index]!.id })),
        );
        for (let from = 0; from < events.length; from += 500) {
          await tx.insert(dossierEvents).values(events.slice(from, from + 500));
        }
        const files = chunk.flatMap((item, index) =>
          item.files.map((file) => ({
            dossierId: ids[index]!.id,
            fileId: file.fileId,
            eventSeq: file.seq,
            addedBy: file.by,
            addedAt: file.at,
          })),
        );
        if (files.length > 0) await tx.insert(dossierFiles).values(files);
        for (const [index, item] of chunk.entries()) {
          if (item.payment) {
            await recordDemoPayment(tx, {
              provinceId,
              dossierId: ids[index]!.id,
              amountDong: item.values.feeDong ?? 0,
              ...item.payment,
            });
          }
        }
        const ratings = chunk.flatMap((item, index) =>
          item.ratings.map((rating) => ({
            dossierId: ids[index]!.id,
            score: rating.score!,
            comment: rating.comment ?? null,
            createdAt: rating.at,
          })),
        );
        if (ratings.length > 0) await tx.insert(dossierRatings).values(ratings);
      }
      for (const [day, lastValue] of sequences) {
        await tx
          .insert(dossierSequences)
          .values({ provinceId, day, lastValue })
          .onConflictDoUpdate({
            target: [dossierSequences.provinceId, dossierSequences.day],
            set: { lastValue: sql`greatest(${dossierSequences.lastValue}, excluded.last_value)` },
          });
      }
    },
  };
}

/** Submission instants over 05/01–20/11/2026, on working days, in office hours and a few after the cut-off. */
function submissionTimes(
  calendar: WorkingCalendar,
  random: ReturnType<typeof createRandom>,
  count: number,
): Date[] {
  const days: string[] = [];
  for (let day = "2026-01-05"; day <= "2026-11-20"; day = calendar.findNextWorkingDay(day)) days.push(day);
  return Array.from({ length: count }, () => {
    return localInstant(random.pick(days), random.int(7 * 60 + 30, 17 * 60 + 30));
  }).sort((a, b) => a.getTime() - b.getTime());
}

/** What the payment IPN records when the simulator confirms (gateway "simulator", a receipt number). */
async function recordDemoPayment(
  tx: Executor,
  input: { provinceId: number; dossierId: number; amountDong: number; at: Date; index: number },
): Promise<void> {
  const reference = `DEMO${input.provinceId}${String(input.dossierId).padStart(8, "0")}`;
  await tx.insert(dossierPayments).values({
    provinceId: input.provinceId,
    dossierId: input.dossierId,
    txnRef: reference,
    amountDong: input.amountDong,
    gateway: "simulator",
    status: "paid",
    bankCode: "NCB",
    gatewayTransactionNo: String(14_000_000 + input.index),
    responseCode: "00",
    receiptNumber: `BL-${input.at.getUTCFullYear()}-${String(input.dossierId).padStart(6, "0")}`,
    paidAt: input.at,
    ipnCount: 1,
    createdAt: input.at,
    updatedAt: input.at,
  });
}

/** A supplement's file record (no content: the demo has no real documents). */
async function recordDemoFile(
  tx: Executor,
  input: { provinceId: number; ownerUserId: number; at: Date },
): Promise<{ id: number; originalName: string }> {
  const [row] = await tx
    .insert(uploadedFiles)
    .values({
      provinceId: input.provinceId,
      ownerUserId: input.ownerUserId,
      storageKey: `private/demo/${input.provinceId}-${input.at.getTime()}-${input.ownerUserId}.pdf`,
      originalName: "ho-so-bo-sung.pdf",
      contentType: "application/pdf",
      byteSize: 0,
      sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      createdAt: input.at,
    })
    .returning({ id: uploadedFiles.id, originalName: uploadedFiles.originalName });
  return row!;
}
