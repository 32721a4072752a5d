import type { WorkingCalendar } from "../calendar/index.ts";
import type { ActionRequest, DossierRow } from "../dossiers/index.ts";
import { computeDeadline, type DossierSnapshot, snapshotOf } from "../dossiers/snapshot.ts";
import { contextOf } from "../dossiers/workflow-context.ts";
import {
  type Actor,
  applyAction,
  type DossierStatus,
  type FileRef,
  type HistoryEntry,
  INITIAL_STATUS,
  type ProcedureWorkflow,
} from "../workflow/index.ts";

/**
 * Plays a demo dossier's planned actions in memory with the core's own pure rules — `applyAction` (every
 * transition, actor and input checked exactly as `performDossierAction` checks them) and the core's
 * `computeDeadline`/`snapshotOf` for the snapshot columns after each action — and returns the history rows
 * and the final snapshot to insert in bulk. It is what `performDossierAction` writes, minus the audit rows and
 * status e-mails (seed data, like the floor's demo) and minus the per-action round trips that make the
 * core take ~10 ms of database work per action on PGlite. `services-demo-dossiers.test.ts` plays the same
 * plans both ways and compares.
 */

export type PlayedAction = {
  request: ActionRequest;
  at: Date;
  actor: Actor;
  actorUserId: number;
  files?: FileRef[];
};

export type PlayedEvent = {
  seq: number;
  action: HistoryEntry["action"];
  stateAfter: string;
  actorUserId: number;
  entry: HistoryEntry;
  at: Date;
};

export type PlayedDossier = {
  events: PlayedEvent[];
  snapshot: DossierSnapshot;
  deliveryMethod: DossierRow["deliveryMethod"];
  updatedAt: Date;
};

/** The history entry `performDossierAction` builds for a request (comment trimmed, files, payload). */
function entryOf(action: PlayedAction): HistoryEntry {
  const { request } = action;
  const common = {
    at: action.at.toISOString(),
    actor: action.actor,
    ...(request.comment?.trim() ? { comment: request.comment.trim() } : {}),
    ...(action.files && action.files.length > 0 ? { files: action.files } : {}),
  };
  switch (request.action) {
    case "extend":
      return { ...common, action: "extend", newDueDate: request.newDueDate ?? "" };
    case "return-result":
      return { ...common, action: "return-result", deliveryMethod: request.deliveryMethod! };
    case "assign":
      throw new Error("The demo does not assign");
    default:
      return { ...common, action: request.action } as HistoryEntry;
  }
}

export function playDemoDossier(input: {
  dossier: Pick<DossierRow, "applicantUserId" | "deliveryMethod">;
  workflow: ProcedureWorkflow;
  calendar: WorkingCalendar;
  cutOffTime: string;
  processingWorkingDays: number;
  actions: readonly PlayedAction[];
}): PlayedDossier {
  let status: DossierStatus = INITIAL_STATUS;
  let dueDate: string | null = null;
  let snapshot: DossierSnapshot | null = null;
  let deliveryMethod = input.dossier.deliveryMethod;
  const events: PlayedEvent[] = [];
  for (const action of input.actions) {
    const entry = entryOf(action);
    const context = contextOf(input.dossier as DossierRow, input.workflow, dueDate);
    status = applyAction(status, entry, context).status;
    const deadline = computeDeadline({
      calendar: input.calendar,
      status,
      processingWorkingDays: input.processingWorkingDays,
      cutOff: input.cutOffTime,
      now: action.at,
    });
    snapshot = snapshotOf({ status, context, deadline });
    dueDate = snapshot.dueDate;
    if (entry.action === "return-result") deliveryMethod = entry.deliveryMethod;
    events.push({
      seq: events.length + 1,
      action: entry.action,
      stateAfter: status.state,
      actorUserId: action.actorUserId,
      entry,
      at: action.at,
    });
  }
  if (!snapshot) throw new Error("A demo dossier needs at least its submission");
  return { events, snapshot, deliveryMethod, updatedAt: input.actions.at(-1)!.at };
}
