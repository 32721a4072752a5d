import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { Actor as PlatformActor } from "../../../platform/request-context.ts";
import { procedureVersions } from "../schema.ts";
import {
  type Actor,
  type DossierAction,
  type DossierContext,
  type DossierStatus,
  defineProcedureWorkflow,
  getStageOf,
  type ProcedureWorkflow,
  type Role,
} from "../workflow/index.ts";
import type { DossierRow } from "./listeners.ts";

export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;

/** The version a dossier was received under, with its step list (unit ids are the `units.id` as strings). */
export async function loadVersionWorkflow(
  db: Executor,
  versionId: number,
): Promise<{ version: ProcedureVersionRow; workflow: ProcedureWorkflow }> {
  const [version] = await db.select().from(procedureVersions).where(eq(procedureVersions.id, versionId));
  if (!version) throw new NotFoundError();
  return { version, workflow: defineProcedureWorkflow(version.workflow as ProcedureWorkflow) };
}

export function contextOf(
  dossier: DossierRow,
  workflow: ProcedureWorkflow,
  dueDate: string | null,
): DossierContext {
  return { workflow, applicantUserId: String(dossier.applicantUserId ?? ""), dueDate };
}

const applicantActions: readonly DossierAction[] = ["submit", "withdraw", "supply"];

/**
 * The workflow role a signed-in person acts in. The dossier's own applicant acts as `applicant` for the
 * applicant's actions; a `leader` as `leader`; an officer (or an administrator at the counter) as the staff
 * role of the stage the dossier is at, or by their unit when the stage is not theirs (the rules refuse it).
 */
export function toWorkflowActor(
  actor: PlatformActor,
  dossier: DossierRow,
  status: DossierStatus,
  context: DossierContext,
  action: DossierAction,
): Actor {
  const userId = String(actor.userId);
  if (dossier.applicantUserId === actor.userId && applicantActions.includes(action)) {
    return { userId, role: "applicant", unitId: null };
  }
  const unitId = actor.unitId === null ? null : String(actor.unitId);
  const isStaff = actor.roles.has("officer") || actor.roles.has("leader") || actor.roles.has("admin");
  if (!isStaff) return { userId, role: "applicant", unitId: null };
  if (actor.roles.has("leader")) return { userId, role: "leader", unitId };
  const stage = getStageOf(status, context);
  let role: Role = unitId === context.workflow.receptionUnitId ? "reception-officer" : "processing-officer";
  if (stage && stage.role !== "leader" && stage.role !== "applicant" && stage.unitId === unitId)
    role = stage.role;
  return { userId, role, unitId };
}
