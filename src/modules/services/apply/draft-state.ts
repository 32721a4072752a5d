import { ConflictError } from "../../../platform/errors.ts";
import type { ServiceContext } from "../../../platform/request-context.ts";
import {
  answersToFormValues,
  type ProcedureQuestion,
  parseAnswers,
  readStoredQuestions,
} from "../catalogue/questions.ts";
import { type DossierRow, getDossierForApplicant } from "../dossiers/index.ts";
import type { ApplicantKind } from "./applicant-kind.ts";
import { CitizenApplicantInput, DeliveryInput, EnterpriseApplicantInput } from "./inputs.ts";
import { computeDraftProgress, type DraftProgress } from "./progress.ts";
import {
  type AttachedFile,
  type ComponentRow,
  getVersion,
  listAttachedFiles,
  listComponents,
  type VersionRow,
} from "./queries.ts";

/** Everything a draft's pages show: the version it is made under, its documents, and how far it has got. */
export type DraftState = {
  dossier: DossierRow;
  kind: ApplicantKind;
  version: VersionRow;
  questions: ProcedureQuestion[];
  components: (ComponentRow & { files: AttachedFile[] })[];
  /** Files that came with supplements (not tied to a component). */
  suppliedFiles: AttachedFile[];
  progress: DraftProgress;
};

export const applicantKindOf = (dossier: Pick<DossierRow, "enterpriseId">): ApplicantKind =>
  dossier.enterpriseId === null ? "citizen" : "enterprise";

/** The stored applicant details as the details form names them. */
export function detailsFormValues(dossier: DossierRow): Record<string, string> {
  return {
    name: dossier.applicantName,
    idNumber: dossier.applicantIdNumber ?? "",
    phone: dossier.applicantPhone,
    email: dossier.applicantEmail,
    address: dossier.applicantAddress,
  };
}

const passes = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

export function isDetailsValid(dossier: DossierRow): boolean {
  const schema = applicantKindOf(dossier) === "enterprise" ? EnterpriseApplicantInput : CitizenApplicantInput;
  return schema.safeParse(detailsFormValues(dossier)).success;
}

export function isDeliveryValid(dossier: DossierRow): boolean {
  return DeliveryInput.safeParse({
    deliveryMethod: dossier.deliveryMethod,
    deliveryAddress: dossier.deliveryAddress ?? "",
  }).success;
}

/** A dossier's components with the files attached to each (removed files left out). */
export async function loadComponentsWithFiles(
  ctx: ServiceContext,
  dossier: DossierRow,
): Promise<{ components: DraftState["components"]; files: AttachedFile[] }> {
  const [components, files] = await Promise.all([
    listComponents(ctx.db, dossier.procedureVersionId),
    listAttachedFiles(ctx.db, dossier.id),
  ]);
  return {
    components: components.map((component) => ({
      ...component,
      files: files.filter((file) => file.componentId === component.id),
    })),
    files,
  };
}

/** The applicant's own dossier with its version, documents and progress; any dossier state. */
export async function loadApplicationState(ctx: ServiceContext, dossierId: number): Promise<DraftState> {
  const dossier = await getDossierForApplicant(ctx, dossierId);
  const version = await getVersion(ctx.db, dossier.procedureVersionId);
  const questions = readStoredQuestions(version.questions);
  const { components, files } = await loadComponentsWithFiles(ctx, dossier);
  const progress = computeDraftProgress({
    detailsValid: isDetailsValid(dossier),
    hasQuestions: questions.length > 0,
    answersValid: passes(() => parseAnswers(questions, answersToFormValues(questions, dossier.answers))),
    answeredCount: Object.keys(dossier.answers ?? {}).length,
    components: components.map((component) => ({
      id: component.id,
      required: component.required,
      fileCount: component.files.length,
    })),
    deliveryValid: isDeliveryValid(dossier),
  });
  const suppliedFiles = files.filter((file) => file.componentId === null);
  return { dossier, kind: applicantKindOf(dossier), version, questions, components, suppliedFiles, progress };
}

/** Only a draft can be edited; a submitted dossier changes through the workflow (supply, withdraw). */
export async function loadDraftState(ctx: ServiceContext, dossierId: number): Promise<DraftState> {
  const state = await loadApplicationState(ctx, dossierId);
  if (state.dossier.state !== "draft") throw new ConflictError("services.apply.errors.notDraft");
  return state;
}
