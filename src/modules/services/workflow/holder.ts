// Who may act, and "one officer holds a dossier at a time" (issue 4, officer inbox: assign or claim).
// Rules:
// - Staff act only for the unit handling the dossier's current stage; a leader of the approval unit
//   (the Department's directorate) may act on any stage, by authority.
// - The holder rule binds the stage's own role: while officer A holds a dossier, officer B of the same
//   role cannot act on it, claim it or release it. A leader can reassign (assign) or release it.
// - An officer acting on an unheld dossier implicitly claims it; a hand-over (forward, propose, approve…)
//   leaves it unheld in the next unit's inbox, or held by the `assignTo` officer named in the action.
// - Terminal states have no holder.

import { ActionInputError, ForbiddenActionError } from "./errors.ts";
import type { Actor, DossierContext, DossierStatus, StaffRef } from "./history-types.ts";
import { getStage, type Stage } from "./procedure-steps.ts";
import type { DossierAction, DossierState, Role } from "./transitions.ts";

export function getStageOf(status: DossierStatus, context: DossierContext): Stage {
  if (status.state === "draft")
    return { unitId: context.workflow.receptionUnitId, role: "reception-officer" };
  return getStage(context.workflow, status.state, status.currentStepId);
}

function isDirectorateLeader(actor: Actor, context: DossierContext): boolean {
  return actor.role === "leader" && actor.unitId === context.workflow.approvalUnitId;
}

/** Role, ownership, unit and holder checks for a regular (non-holder) action. Throws ForbiddenActionError. */
export function checkActor(
  action: DossierAction,
  allowedRoles: readonly Role[],
  status: DossierStatus,
  actor: Actor,
  context: DossierContext,
): void {
  const state = status.state;
  if (!allowedRoles.includes(actor.role)) throw new ForbiddenActionError(action, state, "role");
  if (actor.role === "applicant") {
    if (actor.userId !== context.applicantUserId) throw new ForbiddenActionError(action, state, "not-owner");
    return;
  }
  const stage = getStageOf(status, context);
  const isStageUnit = stage !== null && actor.unitId === stage.unitId;
  if (!isStageUnit && !isDirectorateLeader(actor, context)) {
    throw new ForbiddenActionError(action, state, "unit");
  }
  if (stage && actor.role === stage.role && status.holder && status.holder.userId !== actor.userId) {
    throw new ForbiddenActionError(action, state, "held-by-other");
  }
}

/** The officer who may receive a hand-over into `state`: the new stage's role and unit. */
export function checkAssignee(action: DossierAction, assignee: StaffRef, stage: Stage): StaffRef {
  if (!stage || assignee.role !== stage.role || assignee.unitId !== stage.unitId) {
    throw new ActionInputError(action, "assignee-ineligible");
  }
  return assignee;
}

function actorAsStaff(actor: Actor, state: DossierState, action: DossierAction): StaffRef {
  if (actor.role === "applicant" || actor.unitId === null)
    throw new ForbiddenActionError(action, state, "role");
  return { userId: actor.userId, role: actor.role, unitId: actor.unitId };
}

/** The holder after assign / claim / release (the table has already allowed the action in this state). */
export function applyHolderAction(
  action: "assign" | "claim" | "release",
  status: DossierStatus,
  actor: Actor,
  context: DossierContext,
  assignee: StaffRef | undefined,
): StaffRef | null {
  const state = status.state;
  const stage = getStageOf(status, context);
  const leadsStage =
    actor.role === "leader" && (actor.unitId === stage?.unitId || isDirectorateLeader(actor, context));
  switch (action) {
    case "assign": {
      if (actor.role !== "leader") throw new ForbiddenActionError(action, state, "role");
      if (!leadsStage) throw new ForbiddenActionError(action, state, "unit");
      if (!assignee) throw new ActionInputError(action, "assignee-required");
      return checkAssignee(action, assignee, stage);
    }
    case "claim": {
      if (!stage || actor.role !== stage.role) throw new ForbiddenActionError(action, state, "role");
      if (actor.unitId !== stage.unitId) throw new ForbiddenActionError(action, state, "unit");
      if (status.holder && status.holder.userId !== actor.userId) {
        throw new ForbiddenActionError(action, state, "held-by-other");
      }
      return actorAsStaff(actor, state, action);
    }
    case "release": {
      const isHolder = status.holder !== null && status.holder.userId === actor.userId;
      if (!isHolder && !(leadsStage && status.holder !== null)) {
        throw new ForbiddenActionError(action, state, "not-holder");
      }
      return null;
    }
  }
}

/** The holder after a regular action: see the rules at the top of this file. */
export function nextHolder(input: {
  action: DossierAction;
  before: DossierStatus;
  afterState: DossierState;
  afterStage: Stage;
  handover: boolean;
  isTerminal: boolean;
  actor: Actor;
  assignTo: StaffRef | undefined;
  context: DossierContext;
}): StaffRef | null {
  const { action, before, afterStage, actor } = input;
  if (input.isTerminal) return null;
  if (input.handover) return input.assignTo ? checkAssignee(action, input.assignTo, afterStage) : null;
  const beforeStage = getStageOf(before, input.context);
  if (beforeStage && actor.role === beforeStage.role && afterStage?.role === actor.role) {
    return actorAsStaff(actor, input.afterState, action);
  }
  return before.holder;
}
