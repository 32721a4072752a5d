import { z } from "zod";
import { type FieldIssue, ValidationError } from "../../../../platform/errors.ts";
import { optionalText, optionalVietnameseDate, parseInput } from "../../../../platform/validation.ts";
import { formatDate } from "../../../../platform/vn-format.ts";
import type { ActionRequest } from "../../dossiers/index.ts";
import { DELIVERY_METHODS, DOSSIER_ACTIONS, type DossierAction } from "../../workflow/index.ts";

// Staff action forms. Several forms sit on one dossier page, so each field is named after its action
// ("refuse-comment") to keep ids unique; this file strips the prefix, checks what each action needs with a
// message the officer can act on, and builds the core's ActionRequest.

export const STAFF_ACTIONS = [
  "claim",
  "receive",
  "request-supplement",
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
  "release",
] as const satisfies readonly DossierAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const isStaffAction = (value: string): value is StaffAction =>
  (STAFF_ACTIONS as readonly string[]).includes(value) &&
  (DOSSIER_ACTIONS as readonly string[]).includes(value);

/** Actions whose form asks for a reason or content (the forms 02–05 print it; the applicant reads it). */
export const COMMENT_REQUIRED: ReadonlySet<StaffAction> = new Set([
  "request-supplement",
  "refuse",
  "send-back",
  "reject",
  "extend",
  "stop",
]);

/** Actions that may name who receives the dossier next. */
export const TAKES_ASSIGNEE: ReadonlySet<StaffAction> = new Set(["forward", "assign"]);

export const fieldName = (action: StaffAction, field: string) => `${action}-${field}`;

const ActionFields = z.object({
  comment: optionalText(4000),
  deadline: optionalVietnameseDate,
  newDueDate: optionalVietnameseDate,
  assignTo: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, "validation.invalid")
        .nullable(),
    ),
  deliveryMethod: z
    .enum(["", ...DELIVERY_METHODS], "services.processing.action.validation.deliveryMethod")
    .optional()
    .transform((value) => value || null),
});

/** Form 02 asks for a date by which the supplement is expected; it is printed as the last line of the request. */
export const SUPPLEMENT_DEADLINE_LABEL = "Thời hạn bổ sung";

function withPrefix(action: StaffAction, error: unknown): never {
  if (!(error instanceof ValidationError)) throw error;
  throw new ValidationError(
    error.issues.map((issue): FieldIssue => ({ ...issue, field: fieldName(action, issue.field) })),
  );
}

/** The action's own fields from a posted form, checked, as the core's request. */
export function parseActionForm(action: StaffAction, body: unknown, today: string): ActionRequest {
  const source = (body ?? {}) as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  for (const field of Object.keys(ActionFields.shape)) own[field] = source[fieldName(action, field)];
  let input: z.output<typeof ActionFields>;
  try {
    input = parseInput(ActionFields, own);
  } catch (error) {
    withPrefix(action, error);
  }
  const issues: FieldIssue[] = [];
  const require = (field: string, isGiven: boolean, messageKey: string) => {
    if (!isGiven) issues.push({ field: fieldName(action, field), messageKey });
  };
  if (COMMENT_REQUIRED.has(action)) {
    require("comment", input.comment !== null, `services.processing.action.validation.comment.${action}`);
  }
  if (action === "extend") {
    require("newDueDate", input.newDueDate !== null, "services.processing.action.validation.newDueDate");
    if (input.newDueDate !== null && input.newDueDate <= today) {
      issues.push({
        field: fieldName(action, "newDueDate"),
        messageKey: "services.processing.action.validation.newDueDateFuture",
      });
    }
  }
  if (action === "request-supplement" && input.deadline !== null && input.deadline <= today) {
    issues.push({
      field: fieldName(action, "deadline"),
      messageKey: "services.processing.action.validation.deadlineFuture",
    });
  }
  if (action === "assign")
    require("assignTo", input.assignTo !== null, "services.processing.action.validation.assignTo");
  if (action === "return-result") {
    require("deliveryMethod", input.deliveryMethod !==
      null, "services.processing.action.validation.deliveryMethod");
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const comment =
    action === "request-supplement" && input.deadline !== null
      ? `${input.comment}\n${SUPPLEMENT_DEADLINE_LABEL}: ${formatDate(input.deadline)}`
      : input.comment;
  return {
    action,
    ...(comment ? { comment } : {}),
    ...(TAKES_ASSIGNEE.has(action) && input.assignTo ? { assignToUserId: Number(input.assignTo) } : {}),
    ...(action === "extend" && input.newDueDate ? { newDueDate: input.newDueDate } : {}),
    ...(action === "return-result" && input.deliveryMethod ? { deliveryMethod: input.deliveryMethod } : {}),
  };
}
