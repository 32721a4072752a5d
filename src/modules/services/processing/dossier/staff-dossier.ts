import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../../../db/client.ts";
import { NotFoundError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { uploadedFiles } from "../../../../platform/schema.ts";
import { units, userRoles, users } from "../../../identity/schema.ts";
import { type ProcedureQuestion, readStoredQuestions } from "../../catalogue/questions.ts";
import {
  allowedActionsFor,
  type DossierClock,
  type DossierRow,
  getDossierForStaff,
  type HistoryLine,
  loadDossierState,
  type ProcedureVersionRow,
  readDossierFile,
  readDossierHistory,
  summarizeDossierClockFor,
} from "../../dossiers/index.ts";
import { dossierFiles, procedureComponents, procedures } from "../../schema.ts";
import {
  type DossierAction,
  type DossierStatus,
  getStage,
  type ProcedureWorkflow,
} from "../../workflow/index.ts";
import { buildControlSlip, type ControlSlip } from "../forms/control-slip.ts";
import { STAFF_ACTIONS, type StaffAction } from "./action-input.ts";

export type StaffOption = { id: number; fullName: string; unitId: number };

export type DossierFileLine = {
  fileId: number;
  name: string;
  byteSize: number;
  componentId: number | null;
  eventSeq: number | null;
  addedAt: Date;
};

export type StaffDossierView = {
  dossier: DossierRow;
  procedureCode: string;
  version: ProcedureVersionRow;
  workflow: ProcedureWorkflow;
  status: DossierStatus;
  /** null when the stored questions do not parse (answers are then shown by id). */
  questions: ProcedureQuestion[] | null;
  components: { id: number; name: string; nameEn: string; required: boolean }[];
  files: DossierFileLine[];
  history: HistoryLine[];
  clock: DossierClock | null;
  actions: StaffAction[];
  unitNames: Map<number, { name: string; nameEn: string | null }>;
  holderName: string | null;
  /** Who may be named for `forward` (officers of the next step's unit) and `assign` (the current stage's). */
  assignees: { forward: StaffOption[]; assign: StaffOption[] };
  controlSlip: ControlSlip | null;
};

/**
 * The version's questions, or none when the stored list does not parse: the page then lists the answers under
 * their ids rather than failing (a version is immutable, so a stored list the catalogue no longer accepts must
 * still be shown).
 */
function readQuestionsLeniently(stored: unknown): ProcedureQuestion[] | null {
  try {
    return readStoredQuestions(stored);
  } catch {
    return null;
  }
}

/** Active staff of some units with a given identity role (officer or leader). */
async function listStaff(db: Executor, provinceId: number, unitIds: number[], role: "officer" | "leader") {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, unitId: users.unitId })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .where(and(eq(users.provinceId, provinceId), inArray(users.unitId, unitIds), eq(users.status, "active")))
    .orderBy(asc(users.fullName));
  return rows.map((row) => ({ ...row, unitId: row.unitId! }));
}

/** The unit (as a number) of the step after the current one, where `forward` sends the dossier. */
function nextStepUnit(workflow: ProcedureWorkflow, status: DossierStatus): number | null {
  if (status.state === "received") return Number(workflow.steps[0].unitId);
  if (status.state !== "in-review") return null;
  const index = workflow.steps.findIndex((step) => step.id === status.currentStepId);
  const next = workflow.steps[index + 1];
  return next ? Number(next.unitId) : null;
}

export async function listDossierFiles(db: Executor, dossierId: number): Promise<DossierFileLine[]> {
  return db
    .select({
      fileId: dossierFiles.fileId,
      name: uploadedFiles.originalName,
      byteSize: uploadedFiles.byteSize,
      componentId: dossierFiles.componentId,
      eventSeq: dossierFiles.eventSeq,
      addedAt: dossierFiles.addedAt,
    })
    .from(dossierFiles)
    .innerJoin(uploadedFiles, eq(uploadedFiles.id, dossierFiles.fileId))
    .where(and(eq(dossierFiles.dossierId, dossierId), isNull(dossierFiles.removedAt)))
    .orderBy(asc(dossierFiles.id));
}

/** Everything the staff page shows about one dossier; the dossier must be in the province (else 404). */
export async function loadStaffDossier(
  ctx: ServiceContext,
  dossierId: number,
  now = new Date(),
): Promise<StaffDossierView> {
  const dossier = await getDossierForStaff(ctx, dossierId);
  const loaded = await loadDossierState(ctx.db, dossier);
  const { version, workflow, status } = loaded;
  const [procedure] = await ctx.db
    .select({ code: procedures.code })
    .from(procedures)
    .where(eq(procedures.id, dossier.procedureId));
  if (!procedure) throw new NotFoundError();
  const components = await ctx.db
    .select({
      id: procedureComponents.id,
      name: procedureComponents.name,
      nameEn: procedureComponents.nameEn,
      required: procedureComponents.required,
    })
    .from(procedureComponents)
    .where(eq(procedureComponents.versionId, version.id))
    .orderBy(asc(procedureComponents.position));
  const history = await readDossierHistory(ctx.db, dossier.id);
  const clock = await summarizeDossierClockFor(ctx.db, dossier, now, loaded);
  const allowed = new Set<DossierAction>(await allowedActionsFor(ctx, dossier, loaded));
  const unitIds = [
    ...new Set([
      workflow.receptionUnitId,
      workflow.approvalUnitId,
      ...workflow.steps.map((step) => step.unitId),
    ]),
  ].map(Number);
  const unitRows = await ctx.db
    .select({ id: units.id, name: units.name, nameEn: units.nameEn })
    .from(units)
    .where(inArray(units.id, unitIds));
  const [holder] = dossier.holderUserId
    ? await ctx.db.select({ fullName: users.fullName }).from(users).where(eq(users.id, dossier.holderUserId))
    : [];
  const nextUnit = nextStepUnit(workflow, status);
  const stage = getStage(workflow, status.state, status.currentStepId);
  const unitNames = new Map(unitRows.map((unit) => [unit.id, { name: unit.name, nameEn: unit.nameEn }]));
  return {
    dossier,
    procedureCode: procedure.code,
    version,
    workflow,
    status,
    questions: readQuestionsLeniently(version.questions),
    components,
    files: await listDossierFiles(ctx.db, dossier.id),
    history,
    clock,
    actions: STAFF_ACTIONS.filter((action) => allowed.has(action)),
    unitNames,
    holderName: holder?.fullName ?? null,
    assignees: {
      forward:
        allowed.has("forward") && nextUnit !== null
          ? await listStaff(ctx.db, dossier.provinceId, [nextUnit], "officer")
          : [],
      assign:
        allowed.has("assign") && stage && stage.role !== "applicant"
          ? await listStaff(
              ctx.db,
              dossier.provinceId,
              [Number(stage.unitId)],
              stage.role === "leader" ? "leader" : "officer",
            )
          : [],
    },
    controlSlip: await buildControlSlip(ctx.db, { dossier, version, workflow, status, now }),
  };
}

/** A file attached to a dossier, for its staff (download through the app, never by a guessable link). */
export async function getDossierFileForStaff(ctx: ServiceContext, dossierId: number, fileId: number) {
  return readDossierFile(ctx.db, await getDossierForStaff(ctx, dossierId), fileId);
}
