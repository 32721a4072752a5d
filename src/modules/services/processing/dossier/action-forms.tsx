import type { FieldIssue } from "../../../../platform/errors.ts";
import {
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { DELIVERY_METHODS } from "../../workflow/index.ts";
import { COMMENT_REQUIRED, fieldName, type StaffAction } from "./action-input.ts";
import type { StaffDossierView } from "./staff-dossier.ts";

/** The form that was posted and refused, to show again with its values and problems. */
export type PostedAction = { action: StaffAction; form: FormState };

const BUTTON_VARIANT: Partial<Record<StaffAction, "secondary" | "danger">> = {
  refuse: "danger",
  reject: "danger",
  stop: "danger",
  "send-back": "secondary",
  release: "secondary",
  claim: "secondary",
};

function ActionFields({
  action,
  view,
  form,
}: {
  action: StaffAction;
  view: StaffDossierView;
  form: FormState;
}) {
  const { t } = usePage();
  const name = (field: string) => fieldName(action, field);
  const label = (field: string) => t(`services.processing.action.field.${field}`);
  const comment = (
    <TextArea
      name={name("comment")}
      label={t(`services.processing.action.comment.${action}`)}
      hint={t(`services.processing.action.commentHint.${action}`)}
      form={form}
      rows={COMMENT_REQUIRED.has(action) ? 4 : 2}
      required={COMMENT_REQUIRED.has(action)}
    />
  );
  const assignees = action === "forward" ? view.assignees.forward : view.assignees.assign;
  const assigneeSelect = (
    <SelectField
      name={name("assignTo")}
      label={label(action === "forward" ? "assignToOptional" : "assignTo")}
      form={form}
      options={[
        ...(action === "forward"
          ? [{ value: "", label: t("services.processing.action.field.nextInbox") }]
          : []),
        ...assignees.map((person) => ({ value: String(person.id), label: person.fullName })),
      ]}
    />
  );
  switch (action) {
    case "claim":
    case "release":
      return null;
    case "assign":
      return assigneeSelect;
    case "forward":
      return (
        <>
          {assigneeSelect}
          {comment}
        </>
      );
    case "request-supplement":
      return (
        <>
          {comment}
          <TextField
            name={name("deadline")}
            label={label("deadline")}
            hint={t("services.processing.action.field.dateHint")}
            form={form}
            width="medium"
          />
        </>
      );
    case "extend":
      return (
        <>
          {comment}
          <TextField
            name={name("newDueDate")}
            label={label("newDueDate")}
            hint={t("services.processing.action.field.dateHint")}
            form={form}
            width="medium"
            required
          />
        </>
      );
    case "return-result":
      return (
        <>
          <SelectField
            name={name("deliveryMethod")}
            label={label("deliveryMethod")}
            form={form}
            options={DELIVERY_METHODS.map((method) => ({
              value: method,
              label: t(`services.processing.delivery.${method}`),
            }))}
          />
          {comment}
        </>
      );
    default:
      return comment;
  }
}

/** Defaults a fresh form starts with (the applicant's chosen delivery method, say). */
function freshForm(action: StaffAction, view: StaffDossierView): FormState {
  if (action === "return-result") {
    return { values: { [fieldName(action, "deliveryMethod")]: view.dossier.deliveryMethod }, issues: [] };
  }
  return { values: {}, issues: [] };
}

/**
 * One form per action this officer may take now (`allowedActionsFor`). Forms with a reason or a date sit in
 * a disclosure so the page stays short; the posted form opens again with its problems.
 */
export function ActionForms({ view, posted }: { view: StaffDossierView; posted: PostedAction | null }) {
  const { t, province } = usePage();
  if (view.actions.length === 0) return <p>{t("services.processing.action.none")}</p>;
  const base = `/${province!.slug}/admin/services/dossiers/${view.dossier.id}/actions`;
  return (
    <div class="card-list">
      {view.actions.map((action) => {
        const form = posted?.action === action ? posted.form : freshForm(action, view);
        const fields = <ActionFields action={action} view={view} form={form} />;
        const submit = (
          <SubmitButton label={t(`services.action.${action}`)} variant={BUTTON_VARIANT[action]} />
        );
        if (action === "claim" || action === "release") {
          return (
            <Form key={action} action={`${base}/${action}`} class="inline-form">
              {submit}
            </Form>
          );
        }
        return (
          <details key={action} class="card" open={posted?.action === action}>
            <summary>
              <span class="strong">{t(`services.action.${action}`)}</span>
              {action in FORM_OF && (
                <span class="meta"> – {t(`services.processing.form.${FORM_OF[action]}`)}</span>
              )}
            </summary>
            <Form action={`${base}/${action}`}>
              {fields}
              {submit}
            </Form>
          </details>
        );
      })}
    </div>
  );
}

const FORM_OF: Partial<Record<StaffAction, string>> = {
  "request-supplement": "02",
  refuse: "03",
  extend: "04",
  stop: "05",
};

export const issuesOf = (posted: PostedAction | null): FieldIssue[] => posted?.form.issues ?? [];
