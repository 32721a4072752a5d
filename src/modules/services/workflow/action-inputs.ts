// Required inputs per action (WORKFLOW_TABLE[action].requires). The reasons a form states are its content:
// form 02 lists what is missing, forms 03/05 and a leader's refusal give reasons, form 04 gives the reason
// for lateness and the new date.

import { ActionInputError } from "./errors.ts";
import {
  DELIVERY_METHODS,
  type DossierContext,
  type DossierStatus,
  type HistoryEntry,
} from "./history-types.ts";
import type { RequiredInputs } from "./transitions.ts";
import { formatIsoDate, parseIsoDate, toVietnamDate } from "./vietnam-date.ts";

export function checkInputs(
  entry: HistoryEntry,
  requires: RequiredInputs,
  status: DossierStatus,
  context: DossierContext,
): void {
  const { action } = entry;
  if (Number.isNaN(Date.parse(entry.at))) throw new ActionInputError(action, "time-invalid");
  if (requires.comment && (entry.comment ?? "").trim() === "") {
    throw new ActionInputError(action, "comment-required");
  }
  if (requires.files && (entry.files ?? []).length === 0)
    throw new ActionInputError(action, "files-required");
  if (requires.assignee && !("assignee" in entry && entry.assignee)) {
    throw new ActionInputError(action, "assignee-required");
  }
  if (requires.deliveryMethod) {
    const method = "deliveryMethod" in entry ? entry.deliveryMethod : undefined;
    if (!method || !(DELIVERY_METHODS as readonly string[]).includes(method)) {
      throw new ActionInputError(action, "delivery-method-required");
    }
  }
  if (requires.newDueDate) checkNewDueDate(entry, status, context);
}

/** Form 04: the new appointment must be a real date later than both today and the date it replaces. */
function checkNewDueDate(entry: HistoryEntry, status: DossierStatus, context: DossierContext): void {
  const text = "newDueDate" in entry ? entry.newDueDate : undefined;
  if (!text) throw new ActionInputError(entry.action, "new-due-date-required");
  if (!parseIsoDate(text)) throw new ActionInputError(entry.action, "new-due-date-invalid");
  // ISO dates compare correctly as strings.
  const today = formatIsoDate(toVietnamDate(new Date(entry.at)));
  const current = status.extendedDueDate ?? context.dueDate ?? null;
  if (text <= today || (current !== null && text <= current)) {
    throw new ActionInputError(entry.action, "new-due-date-not-later");
  }
}
