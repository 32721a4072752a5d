import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { assertCan } from "../../../platform/authorization.ts";
import { DomainError, NotFoundError, UnauthenticatedError } from "../../../platform/errors.ts";
import { readStoredObject } from "../../../platform/files.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import { uploadedFiles } from "../../../platform/schema.ts";
import { users } from "../../identity/schema.ts";
import { dossierEvents, dossierFiles, dossiers } from "../schema.ts";
import {
  ActionInputError,
  applyAction,
  type DossierAction,
  type DossierStatus,
  type HistoryEntry,
  listAllowedActions,
  type ProcedureWorkflow,
} from "../workflow/index.ts";
import { getServiceSettings, loadWorkingCalendar } from "./calendar-store.ts";
import type { DossierRow } from "./listeners.ts";
import { replayDossier } from "./perform-action.ts";
import { clockOf, computeDeadline, type DossierClock } from "./snapshot.ts";
import {
  contextOf,
  loadVersionWorkflow,
  type ProcedureVersionRow,
  toWorkflowActor,
} from "./workflow-context.ts";

async function findInProvince(ctx: ServiceContext, dossierId: number): Promise<DossierRow | undefined> {
  if (!Number.isSafeInteger(dossierId) || dossierId < 1) return undefined;
  const [row] = await ctx.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  return row && ctx.province.scopeIds.includes(row.provinceId) ? row : undefined;
}

/** The signed-in applicant's own dossier; anybody else's (or none) is simply not found. */
export async function getDossierForApplicant(ctx: ServiceContext, dossierId: number): Promise<DossierRow> {
  if (!ctx.actor) throw new UnauthenticatedError();
  const row = await findInProvince(ctx, dossierId);
  if (!row || row.applicantUserId !== ctx.actor.userId) throw new NotFoundError();
  return row;
}

/** A dossier of the province for its staff (drafts are the applicant's alone until submitted). */
export async function getDossierForStaff(ctx: ServiceContext, dossierId: number): Promise<DossierRow> {
  assertCan(ctx.actor, "services.process", ctx.province);
  const row = await findInProvince(ctx, dossierId);
  if (!row || row.state === "draft") throw new NotFoundError();
  return row;
}

export type HistoryLine = {
  seq: number;
  action: DossierAction;
  stateAfter: string;
  at: Date;
  actorUserId: number | null;
  actorName: string | null;
  comment: string | null;
  files: { id: string; name: string }[];
  entry: HistoryEntry;
};

/** The dossier's history with the names of those who acted, oldest first. */
export async function readDossierHistory(db: Executor, dossierId: number): Promise<HistoryLine[]> {
  const rows = await db
    .select({
      seq: dossierEvents.seq,
      action: dossierEvents.action,
      stateAfter: dossierEvents.stateAfter,
      at: dossierEvents.at,
      actorUserId: dossierEvents.actorUserId,
      actorName: users.fullName,
      entry: dossierEvents.entry,
    })
    .from(dossierEvents)
    .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.seq));
  return rows.map((row) => {
    const entry = row.entry as HistoryEntry;
    return {
      ...row,
      action: row.action as DossierAction,
      comment: entry.comment ?? null,
      files: [...(entry.files ?? [])],
      entry,
    };
  });
}

/** The dossier's version, step list and replayed status: read once per page, shared by the helpers below. */
export type LoadedDossier = {
  version: ProcedureVersionRow;
  workflow: ProcedureWorkflow;
  status: DossierStatus;
};

export async function loadDossierState(db: Executor, dossier: DossierRow): Promise<LoadedDossier> {
  const { version, workflow } = await loadVersionWorkflow(db, dossier.procedureVersionId);
  const { status } = await replayDossier(db, dossier, workflow);
  return { version, workflow, status };
}

/** Due date, working days left, paused, overdue and (once decided) early / on time / late, as of `now`. */
export async function summarizeDossierClockFor(
  db: Executor,
  dossier: DossierRow,
  now: Date,
  loaded?: LoadedDossier,
): Promise<DossierClock | null> {
  if (dossier.submittedAt === null) return null;
  const { version, status } = loaded ?? (await loadDossierState(db, dossier));
  const settings = await getServiceSettings(db, dossier.provinceId);
  const calendar = await loadWorkingCalendar(db, dossier.provinceId);
  const deadline = computeDeadline({
    calendar,
    status,
    processingWorkingDays: version.processingWorkingDays,
    cutOff: settings.cutOffTime,
    now,
  });
  return clockOf({ calendar, status, deadline, now });
}

/**
 * The actions this person may take on the dossier now (the buttons to show). Each candidate from the table is
 * tried against the rules with stand-in inputs: only an input problem (which the form will ask for) is allowed
 * through; a wrong role, unit, holder or step removes the action.
 */
export async function allowedActionsFor(
  ctx: ServiceContext,
  dossier: DossierRow,
  loaded?: LoadedDossier,
): Promise<DossierAction[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const { workflow, status } = loaded ?? (await loadDossierState(ctx.db, dossier));
  const context = contextOf(dossier, workflow, dossier.dueDate);
  const at = new Date(
    Math.max(Date.now(), Date.parse(status.lastActionAt ?? "1970-01-01T00:00:00Z")),
  ).toISOString();
  const allowed: DossierAction[] = [];
  for (const action of listAllowedActions(status.state)) {
    const workflowActor = toWorkflowActor(actor, dossier, status, context, action);
    const stage = workflow.steps[0];
    const standIn = {
      at,
      actor: workflowActor,
      action,
      comment: "…",
      files: [{ id: "0", name: "…" }],
      newDueDate: "9999-12-31",
      deliveryMethod: "online",
      assignee: { userId: "0", role: "processing-officer", unitId: stage.unitId },
    } as unknown as HistoryEntry;
    try {
      applyAction(status, standIn, context);
      allowed.push(action);
    } catch (error) {
      if (error instanceof ActionInputError) allowed.push(action);
      else if (!(error instanceof DomainError)) throw error;
    }
  }
  return allowed;
}

/**
 * One file attached to the dossier (never a file of another dossier), with its bytes: dossier files are private
 * uploads, served only by the applicant's and the staff's routes after their own checks.
 */
export async function readDossierFile(db: Executor, dossier: DossierRow, fileId: number) {
  const [file] = await db
    .select({
      name: uploadedFiles.originalName,
      contentType: uploadedFiles.contentType,
      storageKey: uploadedFiles.storageKey,
    })
    .from(dossierFiles)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, dossierFiles.fileId))
    .where(and(eq(dossierFiles.dossierId, dossier.id), eq(dossierFiles.fileId, fileId)));
  if (!file) throw new NotFoundError();
  const bytes = await readStoredObject(file.storageKey);
  if (!bytes) throw new NotFoundError();
  return { ...file, bytes };
}
