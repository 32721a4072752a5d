// The one-stop dossier workflow as a typed transition table (Decree 118/2025/NĐ-CP, Circular 03/2025/TT-VPCP).
// The table is the single source of truth: replay (history.ts), the officer inbox's action buttons and the
// "every illegal pair is refused" test all read it. Per-procedure steps sit on top (procedure-steps.ts).
// The legal texts themselves could not be read here; see README.md "Sources and what is unverified".

import { IllegalTransitionError } from "./errors.ts";

/**
 * Why these states, and not others:
 * - draft: the GOV.UK "save and come back" form; nothing exists for the agency yet.
 * - submitted: sent online (it already has its dossier code, see dossier-code.ts), waiting for the
 *   reception officer's check; the agency has not received it yet, so there is no form 01 and no clock.
 * - needs-completion: the reception check found the file incomplete; guidance on form 02 goes back to the
 *   applicant BEFORE receipt, so the processing clock never started.
 * - received: accepted with form 01 (receipt and appointment slip); the clock runs from here; the one-stop
 *   section still has to hand it to the processing unit.
 * - in-review: at one of the procedure's processing steps (which one is `currentStepId` in replay).
 * - awaiting-supplement: form 02 issued during processing; the clock is paused until the applicant supplies.
 * - proposed: the processing officer submitted a draft result to the leader for signature.
 * - approved / rejected: the leader signed the result (grant) or the written refusal with reasons; the
 *   result is ready at the one-stop section. There is no separate "result-ready" state: both are it.
 * - completed: the result was handed over (counter, online account or post) and entered in form 07.
 * - refused: refused at reception on form 03 (not within competence, or not eligible to be received).
 * - stopped: processing stopped with the notice on form 05 (e.g. at the applicant's request after receipt,
 *   or when a requested supplement never came).
 * - withdrawn: the applicant withdrew before receipt; after receipt only the agency can stop (form 05).
 * "extended" is NOT a state: form 04 (apology, new date) changes the due date while the dossier stays
 * where it is; making it a state would lose the step it sits at. Replay carries `extendedDueDate` instead.
 */
export const DOSSIER_STATES = [
  "draft",
  "submitted",
  "needs-completion",
  "received",
  "in-review",
  "awaiting-supplement",
  "proposed",
  "approved",
  "rejected",
  "completed",
  "refused",
  "stopped",
  "withdrawn",
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const TERMINAL_STATES = [
  "completed",
  "refused",
  "stopped",
  "withdrawn",
] as const satisfies readonly DossierState[];

export const DOSSIER_ACTIONS = [
  "submit",
  "withdraw",
  "receive",
  "request-supplement",
  "supply",
  "refuse",
  "forward",
  "send-back",
  "propose",
  "approve",
  "reject",
  "extend",
  "stop",
  "return-result",
  "assign",
  "claim",
  "release",
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const ROLES = ["applicant", "reception-officer", "processing-officer", "leader"] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "applicant">;

/**
 * Circular 03/2025/TT-VPCP Annex I forms. Titles as quoted by two independent public documents (the
 * circular's own text was not available here). 06 and 07 are the agency's records, not letters.
 */
export const FORMS = {
  "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
  "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
  "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
  "04": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
  "05": "Thông báo dừng giải quyết hồ sơ",
  "06": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
  "07": "Sổ theo dõi hồ sơ",
} as const;
export type FormNumber = keyof typeof FORMS;

/** What the transition does to the processing clock (the deadline engine reads these from replay). */
export type ClockEffect = "none" | "start" | "pause" | "resume" | "end";

/** Status e-mail templates; internal moves (forward, assign…) send none: the public status does not change. */
export type StatusEmail =
  | "dossier-submitted"
  | "dossier-withdrawn"
  | "dossier-received"
  | "completion-requested"
  | "supplement-requested"
  | "supplement-received"
  | "dossier-refused"
  | "result-approved"
  | "result-rejected"
  | "processing-extended"
  | "processing-stopped"
  | "result-returned";

export type Edge = {
  /** Resulting state; "unchanged" for actions that act on the holder or the due date only. */
  readonly to: DossierState | "unchanged";
  readonly roles: readonly Role[];
  readonly clock: ClockEffect;
  /** The dossier changes hands: the holder becomes `assignTo` (if given) or nobody (the next inbox). */
  readonly handover: boolean;
  /** The status e-mail for this edge (it can differ by origin, e.g. form 02 at reception vs in review). */
  readonly email: StatusEmail | null;
};

export type RequiredInputs = {
  readonly comment: boolean;
  readonly files: boolean;
  readonly newDueDate: boolean;
  readonly assignee: boolean;
  readonly deliveryMethod: boolean;
};

export type ActionRule = {
  readonly edges: Partial<Readonly<Record<DossierState, Edge>>>;
  readonly requires: RequiredInputs;
  /** The form this action produces (a PDF the next session renders), or null. */
  readonly form: FormNumber | null;
  /** Adds a hand-over line to the processing control slip (form 06): who passed it to whom, when. */
  readonly controlSlipLine: boolean;
  /** Enters (or closes) the dossier's row in the tracking register (form 07). */
  readonly registerEntry: boolean;
};

const NONE: RequiredInputs = {
  comment: false,
  files: false,
  newDueDate: false,
  assignee: false,
  deliveryMethod: false,
};
const COMMENT: RequiredInputs = { ...NONE, comment: true };

const APPLICANT = ["applicant"] as const;
const RECEPTION = ["reception-officer"] as const;
const PROCESSING = ["processing-officer"] as const;
const LEADER = ["leader"] as const;
const STAFF = ["reception-officer", "processing-officer", "leader"] as const;

function edge(
  to: DossierState | "unchanged",
  roles: readonly Role[],
  options: { clock?: ClockEffect; handover?: boolean; email?: StatusEmail } = {},
): Edge {
  return {
    to,
    roles,
    clock: options.clock ?? "none",
    handover: options.handover ?? false,
    email: options.email ?? null,
  };
}

/** Holder-only actions are legal wherever an officer (not the applicant) has the dossier in hand. */
const STAFF_STAGES = [
  "submitted",
  "received",
  "in-review",
  "awaiting-supplement",
  "proposed",
  "approved",
  "rejected",
] as const satisfies readonly DossierState[];

function holderEdges(roles: readonly Role[]): Partial<Record<DossierState, Edge>> {
  return Object.fromEntries(STAFF_STAGES.map((state) => [state, edge("unchanged", roles)]));
}

/** While the agency is processing: received through the leader's desk (extend and stop apply here). */
const PROCESSING_STAGES = ["received", "in-review", "awaiting-supplement", "proposed"] as const;

export const WORKFLOW_TABLE: Readonly<Record<DossierAction, ActionRule>> = {
  // Online submission; at the counter the reception officer submits on the applicant's behalf.
  submit: {
    edges: {
      draft: edge("submitted", [...APPLICANT, ...RECEPTION], { handover: true, email: "dossier-submitted" }),
    },
    requires: NONE,
    form: null,
    controlSlipLine: false,
    registerEntry: false,
  },
  // Before receipt the applicant may simply withdraw; after receipt the agency stops it with form 05.
  withdraw: {
    edges: {
      draft: edge("withdrawn", APPLICANT),
      submitted: edge("withdrawn", APPLICANT, { email: "dossier-withdrawn" }),
      "needs-completion": edge("withdrawn", APPLICANT, { email: "dossier-withdrawn" }),
    },
    requires: NONE,
    form: null,
    controlSlipLine: false,
    registerEntry: false,
  },
  // Form 01: receipt and appointment slip; the processing time counts from receipt.
  receive: {
    edges: {
      submitted: edge("received", RECEPTION, { clock: "start", email: "dossier-received" }),
    },
    requires: NONE,
    form: "01",
    controlSlipLine: true,
    registerEntry: true,
  },
  // Form 02. At reception it is guidance before receipt (clock not started); during processing it pauses
  // the clock until the applicant supplies (issue 4: "request a supplement (form 02, pauses the clock)").
  "request-supplement": {
    edges: {
      submitted: edge("needs-completion", RECEPTION, { handover: true, email: "completion-requested" }),
      "in-review": edge("awaiting-supplement", PROCESSING, { clock: "pause", email: "supplement-requested" }),
    },
    requires: COMMENT,
    form: "02",
    controlSlipLine: false,
    registerEntry: false,
  },
  supply: {
    edges: {
      "needs-completion": edge("submitted", APPLICANT, { handover: true, email: "supplement-received" }),
      // The officer who asked keeps the dossier and gets the supplement back in the same step.
      "awaiting-supplement": edge("in-review", APPLICANT, { clock: "resume", email: "supplement-received" }),
    },
    requires: { ...NONE, files: true },
    form: null,
    controlSlipLine: false,
    registerEntry: false,
  },
  // Form 03 at reception: not within the agency's competence or not eligible to be received.
  refuse: {
    edges: { submitted: edge("refused", RECEPTION, { email: "dossier-refused" }) },
    requires: COMMENT,
    form: "03",
    controlSlipLine: false,
    registerEntry: true,
  },
  // To the next step of the procedure (possibly another unit or agency: một cửa liên thông).
  forward: {
    edges: {
      received: edge("in-review", RECEPTION, { handover: true }),
      "in-review": edge("in-review", PROCESSING, { handover: true }),
    },
    requires: NONE,
    form: null,
    controlSlipLine: true,
    registerEntry: false,
  },
  // Back to the previous step, or from the leader back to the last processing step, with reasons.
  "send-back": {
    edges: {
      "in-review": edge("in-review", PROCESSING, { handover: true }),
      proposed: edge("in-review", LEADER, { handover: true }),
    },
    requires: COMMENT,
    form: null,
    controlSlipLine: true,
    registerEntry: false,
  },
  // The last step's officer submits the draft result (tờ trình) to the leader.
  propose: {
    edges: { "in-review": edge("proposed", PROCESSING, { handover: true }) },
    requires: NONE,
    form: null,
    controlSlipLine: true,
    registerEntry: false,
  },
  // The leader signs the result; it goes to the one-stop section to be returned.
  approve: {
    edges: { proposed: edge("approved", LEADER, { clock: "end", handover: true, email: "result-approved" }) },
    requires: NONE,
    form: null,
    controlSlipLine: true,
    registerEntry: false,
  },
  // The leader signs a refusal with written reasons (not eligible on the merits).
  reject: {
    edges: { proposed: edge("rejected", LEADER, { clock: "end", handover: true, email: "result-rejected" }) },
    requires: COMMENT,
    form: null,
    controlSlipLine: true,
    registerEntry: false,
  },
  // Form 04: written apology with the reason for lateness and a new appointment date. It is a letter of
  // the agency, so a leader issues it (the officer drafts it outside the workflow).
  extend: {
    edges: Object.fromEntries(
      PROCESSING_STAGES.map((state) => [state, edge("unchanged", LEADER, { email: "processing-extended" })]),
    ),
    requires: { ...COMMENT, newDueDate: true },
    form: "04",
    controlSlipLine: false,
    registerEntry: false,
  },
  // Form 05: notice that processing stops, signed by the agency.
  stop: {
    edges: Object.fromEntries(
      PROCESSING_STAGES.map((state) => [
        state,
        edge("stopped", LEADER, { clock: "end", email: "processing-stopped" }),
      ]),
    ),
    requires: COMMENT,
    form: "05",
    controlSlipLine: true,
    registerEntry: true,
  },
  // Handing over the result (or the written refusal) closes the dossier's row in form 07.
  "return-result": {
    edges: {
      approved: edge("completed", RECEPTION, { email: "result-returned" }),
      rejected: edge("completed", RECEPTION, { email: "result-returned" }),
    },
    requires: { ...NONE, deliveryMethod: true },
    form: null,
    controlSlipLine: true,
    registerEntry: true,
  },
  // One officer holds a dossier at a time: a unit leader assigns, an officer claims or releases.
  assign: { ...holderRule(LEADER), requires: { ...NONE, assignee: true } },
  claim: holderRule(STAFF),
  release: holderRule(STAFF),
};

function holderRule(roles: readonly Role[]): ActionRule {
  return {
    edges: holderEdges(roles),
    requires: NONE,
    form: null,
    controlSlipLine: false,
    registerEntry: false,
  };
}

export function isTerminal(state: DossierState): boolean {
  return (TERMINAL_STATES as readonly DossierState[]).includes(state);
}

export function findEdge(state: DossierState, action: DossierAction): Edge | undefined {
  return WORKFLOW_TABLE[action].edges[state];
}

/** The edge for (state, action), or IllegalTransitionError naming both. */
export function getEdgeOrThrow(state: DossierState, action: DossierAction): Edge {
  const found = findEdge(state, action);
  if (!found) throw new IllegalTransitionError(action, state);
  return found;
}

/** Actions an inbox may offer for a dossier in `state` (before role, holder and step checks). */
export function listAllowedActions(state: DossierState): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => findEdge(state, action) !== undefined);
}
