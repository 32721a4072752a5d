import { eq } from "drizzle-orm";
import { recordAudit } from "../../../../platform/audit.ts";
import { type FieldIssue, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { type DossierRow, performDossierAction } from "../../dossiers/index.ts";
import { dossiers } from "../../schema.ts";
import { type DraftState, loadDraftState } from "../draft-state.ts";
import { DeclarationInput } from "../inputs.ts";

/**
 * What stops a draft from being sent, as issues of the check-your-answers page: each incomplete section, each
 * required document without a file (by name, so the applicant knows what to add), the declaration.
 */
export function findSubmissionProblems(state: DraftState, form: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const task of state.progress.tasks) {
    if (task.status === "completed" || task.task === "documents") continue;
    issues.push({
      field: `section-${task.task}`,
      messageKey: `services.apply.validation.incomplete.${task.task}`,
    });
  }
  for (const componentId of state.progress.missingComponentIds) {
    const component = state.components.find((candidate) => candidate.id === componentId)!;
    issues.push({
      field: `component-${componentId}`,
      messageKey: "services.apply.validation.componentMissing",
      params: { name: component.name },
    });
  }
  if (!DeclarationInput.safeParse(form ?? {}).success) {
    issues.push({ field: "declaration", messageKey: "services.apply.validation.declaration" });
  }
  return issues;
}

/**
 * Sends a complete draft: records the declaration and submits through the workflow (which gives the dossier
 * its code, the provisional appointment date and the e-mail), all in one transaction.
 */
export async function submitDraft(input: {
  ctx: ServiceContext;
  dossierId: number;
  form: unknown;
  now?: Date;
}): Promise<DossierRow> {
  const { ctx } = input;
  const state = await loadDraftState(ctx, input.dossierId);
  const issues = findSubmissionProblems(state, input.form);
  if (issues.length > 0) throw new ValidationError(issues);
  const now = input.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    await tx.update(dossiers).set({ declarationAcceptedAt: now }).where(eq(dossiers.id, state.dossier.id));
    await recordAudit(tx, {
      provinceId: state.dossier.provinceId,
      actorUserId: ctx.actor!.userId,
      action: "dossier.draft.declare",
      entityType: "dossier",
      entityId: state.dossier.id,
      after: { declarationAcceptedAt: now.toISOString() },
      ipAddress: ctx.ipAddress,
    });
    const result = await performDossierAction(
      { ...ctx, db: tx },
      state.dossier.id,
      { action: "submit" },
      { now },
    );
    return result.dossier;
  });
}
