import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { recordAudit } from "../../../platform/audit.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../../platform/errors.ts";
import { createTranslator, isLocale } from "../../../platform/i18n.ts";
import { queueMail } from "../../../platform/mail.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { users } from "../../identity/schema.ts";
import { dossierEvents, dossierFiles, dossierSequences, dossiers } from "../schema.ts";
import {
  type ActionEffects,
  applyAction,
  type DeliveryMethod,
  type DossierAction,
  type DossierStatus,
  type FileRef,
  formatDossierCode,
  getSequenceDay,
  getStage,
  type HistoryEntry,
  type ProcedureWorkflow,
  replay,
  type StaffRef,
} from "../workflow/index.ts";
import { compileSettingsPattern, getServiceSettings, loadWorkingCalendar } from "./calendar-store.ts";
import { applicantDossierUrl } from "./links.ts";
import { type DossierRow, notifyDossierActed } from "./listeners.ts";
import { computeDeadline, snapshotOf } from "./snapshot.ts";
import { contextOf, loadVersionWorkflow, toWorkflowActor } from "./workflow-context.ts";

export type ActionRequest = {
  action: DossierAction;
  comment?: string;
  /** Files already stored (uploaded_files) by the person acting, attached with this entry. */
  fileIds?: number[];
  assignToUserId?: number;
  newDueDate?: string;
  deliveryMethod?: DeliveryMethod;
};

export type ActionResult = { dossier: DossierRow; effects: ActionEffects; seq: number };

/** Reads and replays a dossier's stored history (oldest first). */
export async function replayDossier(db: Executor, dossier: DossierRow, workflow: ProcedureWorkflow) {
  const events = await db
    .select({ entry: dossierEvents.entry })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossier.id))
    .orderBy(asc(dossierEvents.seq));
  const history = events.map((event) => event.entry as HistoryEntry);
  // Extensions were checked against the due date of their time when appended; replay does not re-judge them.
  return { history, status: replay(history, contextOf(dossier, workflow, null)) };
}

/** Files the actor just uploaded (nobody may attach someone else's file to a dossier). */
async function loadFileRefs(db: Executor, fileIds: readonly number[], userId: number): Promise<FileRef[]> {
  if (fileIds.length === 0) return [];
  const rows = await db
    .select({ id: uploadedFiles.id, name: uploadedFiles.originalName })
    .from(uploadedFiles)
    .where(and(inArray(uploadedFiles.id, [...fileIds]), eq(uploadedFiles.ownerUserId, userId)));
  if (rows.length !== new Set(fileIds).size) {
    throw new ValidationError([{ field: "files", messageKey: "services.validation.fileNotYours" }]);
  }
  return rows.map((row) => ({ id: String(row.id), name: row.name }));
}

/** The officer named to receive the dossier, in the role of the stage it goes to. */
async function loadAssignee(
  db: Executor,
  dossier: DossierRow,
  userId: number,
  role: StaffRef["role"],
): Promise<StaffRef> {
  const [user] = await db
    .select({ id: users.id, unitId: users.unitId, provinceId: users.provinceId, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.provinceId !== dossier.provinceId || user.status !== "active" || user.unitId === null) {
    throw new ValidationError([{ field: "assignTo", messageKey: "services.validation.assigneeUnknown" }]);
  }
  return { userId: String(user.id), role, unitId: String(user.unitId) };
}

/** The day's next sequence number for the province, taken atomically (two submissions never share one). */
async function nextDossierCode(db: Executor, provinceId: number, at: Date): Promise<string> {
  const settings = await getServiceSettings(db, provinceId);
  const day = getSequenceDay(at);
  const [row] = await db
    .insert(dossierSequences)
    .values({ provinceId, day, lastValue: 1 })
    .onConflictDoUpdate({
      target: [dossierSequences.provinceId, dossierSequences.day],
      set: { lastValue: sql`${dossierSequences.lastValue} + 1` },
    })
    .returning({ lastValue: dossierSequences.lastValue });
  return formatDossierCode(compileSettingsPattern(settings), {
    agencyCode: settings.agencyCode,
    receivedAt: at,
    sequence: row!.lastValue,
  });
}

function buildEntry(
  request: ActionRequest,
  base: Pick<HistoryEntry, "at" | "actor"> & { files?: FileRef[]; assignee?: StaffRef },
): HistoryEntry {
  const common = {
    at: base.at,
    actor: base.actor,
    ...(request.comment?.trim() ? { comment: request.comment.trim() } : {}),
    ...(base.files && base.files.length > 0 ? { files: base.files } : {}),
  };
  switch (request.action) {
    case "extend":
      return { ...common, action: "extend", newDueDate: request.newDueDate ?? "" };
    case "assign":
      return { ...common, action: "assign", assignee: base.assignee! };
    case "return-result":
      return { ...common, action: "return-result", deliveryMethod: request.deliveryMethod! };
    default:
      return {
        ...common,
        action: request.action,
        ...(base.assignee ? { assignTo: base.assignee } : {}),
      } as HistoryEntry;
  }
}

/** The staff role of the stage the dossier goes to after `entry` (who may be named to receive it). */
function roleAfter(
  status: DossierStatus,
  entry: HistoryEntry,
  dossier: DossierRow,
  workflow: ProcedureWorkflow,
): StaffRef["role"] {
  if (entry.action === "assign") {
    const stage = getStage(workflow, status.state, status.currentStepId);
    if (!stage || stage.role === "applicant")
      throw new ValidationError([{ field: "assignTo", messageKey: "services.validation.assigneeUnknown" }]);
    return stage.role;
  }
  const preview = applyAction(status, entry, contextOf(dossier, workflow, dossier.dueDate)).status;
  const stage = getStage(workflow, preview.state, preview.currentStepId);
  if (!stage || stage.role === "applicant") {
    throw new ValidationError([{ field: "assignTo", messageKey: "services.validation.assigneeUnknown" }]);
  }
  return stage.role;
}

/**
 * Performs one workflow action on a dossier, in one transaction: lock the row, replay the history, check the
 * action (table, steps, actor, inputs — typed errors), append the entry, rewrite the snapshot, attach the
 * files, give the code on first submission, write the audit row, queue the applicant's status e-mail, and let
 * listeners (signed results) act. Either all of it happens or none.
 */
export async function performDossierAction(
  ctx: ServiceContext,
  dossierId: number,
  request: ActionRequest,
  options: { now?: Date } = {},
): Promise<ActionResult> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const now = options.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for("update");
    if (!before || !ctx.province.scopeIds.includes(before.provinceId)) throw new NotFoundError();
    const isOwner = before.applicantUserId === actor.userId;
    if (!isOwner) {
      // Staff only; an applicant probing someone else's dossier learns nothing.
      const isStaff = actor.roles.has("officer") || actor.roles.has("leader") || actor.roles.has("admin");
      if (!isStaff) throw new NotFoundError();
      assertCan(actor, "services.process", ctx.province);
    }
    const { version, workflow } = await loadVersionWorkflow(tx, before.procedureVersionId);
    const { history, status } = await replayDossier(tx, before, workflow);
    const context = contextOf(before, workflow, before.dueDate);
    const workflowActor = toWorkflowActor(actor, before, status, context, request.action);
    const files = await loadFileRefs(tx, request.fileIds ?? [], actor.userId);
    const at = now.toISOString();
    let entry = buildEntry(request, { at, actor: workflowActor, files });
    if (request.assignToUserId !== undefined) {
      const role = roleAfter(status, entry, before, workflow);
      const assignee = await loadAssignee(tx, before, request.assignToUserId, role);
      entry = buildEntry(request, { at, actor: workflowActor, files, assignee });
    }
    const outcome = applyAction(status, entry, context);
    if (
      request.action === "receive" &&
      before.channel === "online" &&
      before.feeDong > 0 &&
      before.paidAt === null
    ) {
      throw new ValidationError([{ field: "action", messageKey: "services.validation.feeUnpaid" }]);
    }

    const seq = history.length + 1;
    await tx.insert(dossierEvents).values({
      dossierId: before.id,
      seq,
      action: entry.action,
      stateAfter: outcome.status.state,
      actorUserId: actor.userId,
      entry,
      at: now,
    });
    if (files.length > 0) {
      await tx.insert(dossierFiles).values(
        files.map((file) => ({
          dossierId: before.id,
          fileId: Number(file.id),
          eventSeq: seq,
          addedBy: actor.userId,
          addedAt: now,
        })),
      );
    }
    const settings = await getServiceSettings(tx, before.provinceId);
    const calendar = await loadWorkingCalendar(tx, before.provinceId);
    const deadline = computeDeadline({
      calendar,
      status: outcome.status,
      processingWorkingDays: version.processingWorkingDays,
      cutOff: settings.cutOffTime,
      now,
    });
    const snapshot = snapshotOf({ status: outcome.status, context, deadline });
    const code =
      before.code ?? (entry.action === "submit" ? await nextDossierCode(tx, before.provinceId, now) : null);
    const [after] = await tx
      .update(dossiers)
      .set({
        ...snapshot,
        code,
        ...(entry.action === "return-result" ? { deliveryMethod: entry.deliveryMethod } : {}),
        updatedAt: now,
      })
      .where(eq(dossiers.id, before.id))
      .returning();
    await recordAudit(tx, {
      provinceId: before.provinceId,
      actorUserId: actor.userId,
      action: `dossier.${entry.action}`,
      entityType: "dossier",
      entityId: before.id,
      before: { state: before.state, holderUserId: before.holderUserId, dueDate: before.dueDate },
      after: {
        state: after!.state,
        holderUserId: after!.holderUserId,
        dueDate: after!.dueDate,
        seq,
        ...(entry.comment ? { comment: entry.comment } : {}),
      },
      ipAddress: ctx.ipAddress,
    });
    if (outcome.effects.email) await queueStatusMail(tx, ctx, after!, outcome.effects, entry);
    await notifyDossierActed(tx, { ctx, before, dossier: after!, entry, effects: outcome.effects, seq });
    return { dossier: after!, effects: outcome.effects, seq };
  });
}

/** The applicant's e-mail at a status change, in the applicant's language. */
async function queueStatusMail(
  tx: Executor,
  ctx: ServiceContext,
  dossier: DossierRow,
  effects: ActionEffects,
  entry: HistoryEntry,
): Promise<void> {
  const [account] = dossier.applicantUserId
    ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, dossier.applicantUserId))
    : [];
  const t = createTranslator(isLocale(account?.locale) ? account.locale : "vi");
  const params = {
    code: dossier.code ?? "",
    name: dossier.applicantName,
    state: t(`services.state.${dossier.state}`),
    dueDate: dossier.dueDate ? dossier.dueDate.split("-").reverse().join("/") : "—",
    comment: entry.comment ?? "—",
    link: applicantDossierUrl(ctx.province.slug, dossier.id),
    receipt: `${applicantDossierUrl(ctx.province.slug, dossier.id)}/receipt.pdf`,
  };
  await queueMail(tx, {
    provinceId: dossier.provinceId,
    to: dossier.applicantEmail,
    subject: t(`services.mail.${effects.email}.subject`, params),
    text: t(`services.mail.${effects.email}.body`, params),
  });
}
