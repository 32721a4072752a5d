import { DomainError } from "../../../platform/errors.ts";
import type { DossierAction, DossierState } from "./transitions.ts";

/**
 * Why an action that exists in the table is still not allowed on this dossier:
 * - `not-in-table`: the (state, action) pair has no edge in WORKFLOW_TABLE;
 * - `no-next-step` / `no-previous-step` / `steps-remaining`: the procedure's step list forbids it here.
 */
export type IllegalTransitionReason =
  | "not-in-table"
  | "no-next-step"
  | "no-previous-step"
  | "steps-remaining";

/** The action is not allowed from the dossier's state. Maps to 409: the dossier moved on, or the UI is stale. */
export class IllegalTransitionError extends DomainError {
  constructor(
    readonly action: DossierAction,
    readonly state: DossierState,
    readonly reason: IllegalTransitionReason = "not-in-table",
  ) {
    super(409, "services.workflow.illegalTransition", { action, state, reason });
  }
}

export type ForbiddenActionReason =
  | "role" // the actor's role may not perform this action from this state
  | "unit" // the actor belongs to another unit than the one handling the dossier's current stage
  | "not-owner" // an applicant acting on somebody else's dossier
  | "held-by-other" // another officer holds the dossier (one holder at a time)
  | "not-holder"; // release by someone who neither holds the dossier nor leads its unit

/** The actor may not perform the action (403). `action` and `state` name what was attempted. */
export class ForbiddenActionError extends DomainError {
  constructor(
    readonly action: DossierAction,
    readonly state: DossierState,
    readonly reason: ForbiddenActionReason,
  ) {
    super(403, "services.workflow.forbidden", { action, state, reason });
  }
}

export type ActionInputProblem =
  | "comment-required"
  | "files-required"
  | "new-due-date-required"
  | "new-due-date-invalid"
  | "new-due-date-not-later"
  | "assignee-required"
  | "assignee-ineligible"
  | "delivery-method-required"
  | "time-invalid"
  | "step-mismatch"
  | "time-goes-backwards";

/** The action is allowed but its inputs are missing or wrong (422). */
export class ActionInputError extends DomainError {
  constructor(
    readonly action: DossierAction,
    readonly problem: ActionInputProblem,
  ) {
    super(422, "services.workflow.invalidInput", { action, problem });
  }
}

/** A stored history that cannot be replayed: entry `index` failed with `cause`. Data corruption, 500. */
export class InvalidHistoryError extends DomainError {
  constructor(
    readonly index: number,
    override readonly cause: DomainError,
  ) {
    super(500, "services.workflow.invalidHistory", { index, cause: cause.messageKey });
  }
}

/** A procedure's step list is malformed (caught when the procedure version is saved). */
export class WorkflowDefinitionError extends DomainError {
  constructor(problem: string) {
    super(422, "services.workflow.invalidDefinition", { problem });
  }
}
