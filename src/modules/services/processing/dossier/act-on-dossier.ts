import { assertCan } from "../../../../platform/authorization.ts";
import { NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import type { ServiceContext } from "../../../../platform/request-context.ts";
import { todayInVietnam } from "../../../../platform/vn-format.ts";
import { type ActionResult, getDossierForStaff, performDossierAction } from "../../dossiers/index.ts";
import { ActionInputError, ForbiddenActionError, IllegalTransitionError } from "../../workflow/index.ts";
import { fieldName, isStaffAction, parseActionForm, type StaffAction } from "./action-input.ts";

/** A refusal by the workflow rules: the page says why instead of showing a bare error page. */
export type WorkflowProblem = IllegalTransitionError | ForbiddenActionError | ActionInputError;

export const isWorkflowProblem = (error: unknown): error is WorkflowProblem =>
  error instanceof IllegalTransitionError ||
  error instanceof ForbiddenActionError ||
  error instanceof ActionInputError;

const ownFields = new Set(["comment", "deadline", "newDueDate", "assignTo", "deliveryMethod"]);

/**
 * Performs a staff action from its form on the dossier page. The form is checked here first (clear messages
 * per field); the core then checks the workflow (state, unit, holder, step) inside its transaction and
 * writes the event, snapshot, audit row and e-mail. Nothing changes when either refuses.
 */
export async function actOnDossier(
  ctx: ServiceContext,
  dossierId: number,
  action: string,
  form: unknown,
  now = new Date(),
): Promise<ActionResult & { action: StaffAction }> {
  assertCan(ctx.actor, "services.process", ctx.province);
  if (!isStaffAction(action)) throw new NotFoundError();
  await getDossierForStaff(ctx, dossierId);
  const request = parseActionForm(action, form, todayInVietnam(now));
  try {
    return { ...(await performDossierAction(ctx, dossierId, request, { now })), action };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The core names its own fields ("assignTo", "action"): point them at this action's form.
    throw new ValidationError(
      error.issues.map((issue) => ({
        ...issue,
        field: ownFields.has(issue.field) ? fieldName(action, issue.field) : "form",
      })),
    );
  }
}
