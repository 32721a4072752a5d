// A dossier's status is computed from its append-only history (OpenCRVS practice: the case's status is a
// fold over its actions). The same applyAction() decides a new action before it is appended and replays
// stored ones, so what was allowed when it happened is what replay accepts later.

import { DomainError } from "../../../platform/errors.ts";
import { checkInputs } from "./action-inputs.ts";
import { ActionInputError, IllegalTransitionError, InvalidHistoryError } from "./errors.ts";
import type {
  DossierContext,
  DossierStatus,
  HistoryEntry,
  Pause,
  StaffRef,
  StepVisit,
} from "./history-types.ts";
import { applyHolderAction, checkActor, nextHolder } from "./holder.ts";
import { getStage, getStepIndex } from "./procedure-steps.ts";
import {
  type ClockEffect,
  type DossierState,
  type Edge,
  type FormNumber,
  getEdgeOrThrow,
  isTerminal,
  type StatusEmail,
  WORKFLOW_TABLE,
} from "./transitions.ts";

export const INITIAL_STATUS: DossierStatus = {
  state: "draft",
  currentStepId: null,
  holder: null,
  submittedAt: null,
  receivedAt: null,
  decidedAt: null,
  completedAt: null,
  pauses: [],
  extendedDueDate: null,
  extensions: [],
  stepVisits: [],
  formsIssued: [],
  deliveryMethod: null,
  lastActionAt: null,
  entryCount: 0,
};

/** What appending an entry causes, for the service that appends it (PDF forms, e-mail, form 06/07 lines). */
export type ActionEffects = {
  readonly from: DossierState;
  readonly to: DossierState;
  readonly clock: ClockEffect;
  readonly form: FormNumber | null;
  readonly email: StatusEmail | null;
  readonly controlSlipLine: boolean;
  readonly registerEntry: boolean;
};

export type ActionOutcome = { readonly status: DossierStatus; readonly effects: ActionEffects };

/**
 * Decides one action against the current status. Checks, in order: the table (IllegalTransitionError), the
 * procedure's steps (IllegalTransitionError), the actor (ForbiddenActionError), the inputs (ActionInputError).
 */
export function applyAction(
  status: DossierStatus,
  entry: HistoryEntry,
  context: DossierContext,
): ActionOutcome {
  const { action, actor } = entry;
  const from = status.state;
  const edge = getEdgeOrThrow(from, action);
  if (entry.stepId !== undefined && entry.stepId !== status.currentStepId) {
    throw new ActionInputError(action, "step-mismatch");
  }
  const stepId = resolveStep(status, entry, edge, context);
  const rule = WORKFLOW_TABLE[action];
  const to = edge.to === "unchanged" ? from : edge.to;

  let holder: StaffRef | null;
  if (entry.action === "assign" || entry.action === "claim" || entry.action === "release") {
    const assignee = entry.action === "assign" ? entry.assignee : undefined;
    holder = applyHolderAction(entry.action, status, actor, context, assignee);
    checkInputs(entry, rule.requires, status, context);
  } else {
    checkActor(action, edge.roles, status, actor, context);
    checkInputs(entry, rule.requires, status, context);
    holder = nextHolder({
      action,
      before: status,
      afterState: to,
      afterStage: getStage(context.workflow, to, stepId),
      handover: edge.handover,
      isTerminal: isTerminal(to),
      actor,
      assignTo: "assignTo" in entry ? entry.assignTo : undefined,
      context,
    });
  }
  if (status.lastActionAt !== null && Date.parse(entry.at) < Date.parse(status.lastActionAt)) {
    throw new ActionInputError(action, "time-goes-backwards");
  }

  const at = entry.at;
  const next: DossierStatus = {
    ...status,
    state: to,
    currentStepId: stepId,
    holder,
    submittedAt: action === "submit" ? at : status.submittedAt,
    receivedAt: edge.clock === "start" ? at : status.receivedAt,
    decidedAt: edge.clock === "end" ? at : status.decidedAt,
    completedAt: to === "completed" ? at : status.completedAt,
    pauses: updatePauses(status.pauses, edge.clock, at),
    extendedDueDate: entry.action === "extend" ? entry.newDueDate : status.extendedDueDate,
    extensions:
      entry.action === "extend"
        ? [...status.extensions, { at, newDueDate: entry.newDueDate, reason: entry.comment ?? "" }]
        : status.extensions,
    stepVisits: updateStepVisits(status, stepId, at, context),
    formsIssued: rule.form
      ? [...status.formsIssued, { form: rule.form, at, entryIndex: status.entryCount }]
      : status.formsIssued,
    deliveryMethod: entry.action === "return-result" ? entry.deliveryMethod : status.deliveryMethod,
    lastActionAt: at,
    entryCount: status.entryCount + 1,
  };
  return {
    status: next,
    effects: {
      from,
      to,
      clock: edge.clock,
      form: rule.form,
      email: edge.email,
      controlSlipLine: rule.controlSlipLine,
      registerEntry: rule.registerEntry,
    },
  };
}

/** The step the dossier is at after the action, enforcing the procedure's step order. */
function resolveStep(
  status: DossierStatus,
  entry: HistoryEntry,
  edge: Edge,
  context: DossierContext,
): string | null {
  const { steps } = context.workflow;
  const index = getStepIndex(context.workflow, status.currentStepId);
  const lastIndex = steps.length - 1;
  switch (entry.action) {
    case "forward": {
      const target = status.state === "received" ? 0 : index + 1;
      const step = steps[target];
      if (!step) throw new IllegalTransitionError("forward", status.state, "no-next-step");
      return step.id;
    }
    case "send-back": {
      const target = status.state === "proposed" ? lastIndex : index - 1;
      const step = steps[target];
      if (target < 0 || !step)
        throw new IllegalTransitionError("send-back", status.state, "no-previous-step");
      return step.id;
    }
    case "propose":
      if (index !== lastIndex) throw new IllegalTransitionError("propose", status.state, "steps-remaining");
      return null;
    default: {
      const to = edge.to === "unchanged" ? status.state : edge.to;
      return to === "in-review" || to === "awaiting-supplement" ? status.currentStepId : null;
    }
  }
}

function updatePauses(pauses: readonly Pause[], clock: ClockEffect, at: string): readonly Pause[] {
  if (clock === "pause") return [...pauses, { from: at, to: null }];
  if (clock !== "resume" && clock !== "end") return pauses;
  const last = pauses.at(-1);
  if (!last || last.to !== null) return pauses;
  return [...pauses.slice(0, -1), { from: last.from, to: at }];
}

function updateStepVisits(
  before: DossierStatus,
  stepId: string | null,
  at: string,
  context: DossierContext,
): readonly StepVisit[] {
  if (stepId === before.currentStepId) return before.stepVisits;
  const visits = before.stepVisits.map((visit) => (visit.to === null ? { ...visit, to: at } : visit));
  const step = context.workflow.steps.find((candidate) => candidate.id === stepId);
  return step ? [...visits, { stepId: step.id, unitId: step.unitId, from: at, to: null }] : visits;
}

/** Computes the status from a stored history; refuses (InvalidHistoryError) any entry that was illegal. */
export function replay(history: readonly HistoryEntry[], context: DossierContext): DossierStatus {
  let status = INITIAL_STATUS;
  history.forEach((entry, index) => {
    try {
      status = applyAction(status, entry, context).status;
    } catch (error) {
      if (error instanceof DomainError) throw new InvalidHistoryError(index, error);
      throw error;
    }
  });
  return status;
}
