import type { ProcedureWorkflow } from "./procedure-steps.ts";
import type { DossierAction, DossierState, FormNumber, Role, StaffRole } from "./transitions.ts";

/** Who performed an action. Applicants have no unit; staff act for exactly one unit. */
export type Actor = { readonly userId: string; readonly role: Role; readonly unitId: string | null };

/** An officer who holds (or is handed) a dossier. */
export type StaffRef = { readonly userId: string; readonly role: StaffRole; readonly unitId: string };

export type FileRef = { readonly id: string; readonly name: string };

/** How the result reached the applicant; post is the National Public Service Portal's practice. */
export const DELIVERY_METHODS = ["counter", "online", "post"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

type EntryBase = {
  /** ISO 8601 instant, e.g. "2026-11-23T02:15:00Z". History is append-only and never goes back in time. */
  readonly at: string;
  readonly actor: Actor;
  readonly comment?: string;
  readonly files?: readonly FileRef[];
  /**
   * The step the dossier was at when the action was taken (for form 06 queries without replay). Optional;
   * when present, replay checks it against the computed step so a stored row cannot lie about it.
   */
  readonly stepId?: string | null;
};

/** Actions with their own required payload; every other action may name who receives a hand-over. */
type PayloadByAction = {
  extend: { readonly newDueDate: string };
  assign: { readonly assignee: StaffRef };
  "return-result": { readonly deliveryMethod: DeliveryMethod };
};
type Payload<A extends DossierAction> = A extends keyof PayloadByAction
  ? PayloadByAction[A]
  : { readonly assignTo?: StaffRef };

/** One line of a dossier's append-only history, discriminated by `action`. */
export type HistoryEntry = {
  [A in DossierAction]: EntryBase & { readonly action: A } & Payload<A>;
}[DossierAction];

export type HistoryEntryOf<A extends DossierAction> = Extract<HistoryEntry, { action: A }>;

/** What a replay needs besides the history: the procedure version's steps and the dossier's owner. */
export type DossierContext = {
  readonly workflow: ProcedureWorkflow;
  readonly applicantUserId: string;
  /** The appointment date on form 01 (from the deadline engine), "YYYY-MM-DD"; an extension must be later. */
  readonly dueDate?: string | null;
};

export type Pause = { readonly from: string; readonly to: string | null };

/** One stay at a processing step: the rows of the processing control slip (form 06). */
export type StepVisit = {
  readonly stepId: string;
  readonly unitId: string;
  readonly from: string;
  readonly to: string | null;
};

export type Extension = { readonly at: string; readonly newDueDate: string; readonly reason: string };

export type IssuedForm = { readonly form: FormNumber; readonly at: string; readonly entryIndex: number };

/** A dossier's status, computed from its history by replay(); never stored as the source of truth. */
export type DossierStatus = {
  readonly state: DossierState;
  /** The processing step in hand; non-null only in "in-review" and "awaiting-supplement". */
  readonly currentStepId: string | null;
  readonly holder: StaffRef | null;
  readonly submittedAt: string | null;
  /** Clock start (form 01). */
  readonly receivedAt: string | null;
  /** Clock end: the result or refusal was signed, or processing stopped. */
  readonly decidedAt: string | null;
  readonly completedAt: string | null;
  readonly pauses: readonly Pause[];
  readonly extendedDueDate: string | null;
  readonly extensions: readonly Extension[];
  readonly stepVisits: readonly StepVisit[];
  readonly formsIssued: readonly IssuedForm[];
  readonly deliveryMethod: DeliveryMethod | null;
  readonly lastActionAt: string | null;
  readonly entryCount: number;
};
