import type { ComponentChildren } from "preact";
import type { FieldIssue } from "../platform/errors.ts";
import { type Flash, usePage } from "./page-context.ts";

export type Crumb = { href?: string; label: string };

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t("layout.breadcrumbs")}>
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            {item.href && index < items.length - 1 ? (
              <a href={item.href}>{item.label}</a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function FlashMessage({ flash }: { flash: Flash }) {
  const { t } = usePage();
  return (
    <div class={`flash flash-${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {t(flash.messageKey, flash.params)}
    </div>
  );
}

/** Values typed by the user and the problems found, so a form re-renders exactly as it was sent. */
export type FormState = { values: Record<string, string>; issues: FieldIssue[] };
export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, issues: [] });

/** GOV.UK pattern: a summary at the top, each problem linking to its field. */
export function ErrorSummary({ issues }: { issues: FieldIssue[] }) {
  const { t } = usePage();
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t("form.errorSummaryTitle")}</h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={index}>
            {/* A problem with the whole form (field "form") has no field to jump to. */}
            {issue.field === "form" ? (
              t(issue.messageKey, issue.params)
            ) : (
              <a href={`#field-${issue.field}`}>{t(issue.messageKey, issue.params)}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A POST form with its CSRF token. */
export function Form(props: {
  action: string;
  children: ComponentChildren;
  enctype?: string;
  class?: string;
  id?: string;
}) {
  const { csrfToken } = usePage();
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.enctype}
      class={props.class ?? "form"}
      id={props.id}
      noValidate
    >
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {props.children}
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  required?: boolean;
};

function fieldIssue(form: FormState, name: string): FieldIssue | undefined {
  return form.issues.find((issue) => issue.field === name);
}

function FieldShell({ name, label, hint, form, children }: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  const issue = fieldIssue(form, name);
  return (
    <div class={issue ? "field field-error" : "field"}>
      <label for={`field-${name}`}>{label}</label>
      {hint && (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
      {issue && (
        <p class="error-message" id={`error-${name}`}>
          <span class="visually-hidden">{t("form.errorPrefix")}</span> {t(issue.messageKey, issue.params)}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : "", fieldIssue(form, name) ? `error-${name}` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  props: FieldProps & {
    type?: string;
    autocomplete?: string;
    inputMode?: string;
    width?: "short" | "medium";
  },
) {
  const { name, form } = props;
  return (
    <FieldShell {...props}>
      <input
        id={`field-${name}`}
        name={name}
        type={(props.type ?? "text") as "text"}
        value={props.type === "password" ? "" : (form.values[name] ?? "")}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode as never}
        class={props.width ? `input input-${props.width}` : "input"}
        required={props.required}
        aria-invalid={fieldIssue(form, name) ? "true" : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      />
    </FieldShell>
  );
}

/** A file input (the form must be multipart); the server keeps no value, so none is shown again. */
export function FileField(props: Omit<FieldProps, "required"> & { accept: string; multiple?: boolean }) {
  return (
    <FieldShell {...props}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        class="input"
        aria-invalid={fieldIssue(props.form, props.name) ? "true" : undefined}
        aria-describedby={describedBy(props.form, props.name, props.hint)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { name, form } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={props.rows ?? 5}
        class="input"
        required={props.required}
        aria-invalid={fieldIssue(form, name) ? "true" : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {form.values[name] ?? ""}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; multiple?: boolean },
) {
  const { name, form } = props;
  const selected = new Set((form.values[name] ?? "").split(","));
  return (
    <FieldShell {...props}>
      <select
        id={`field-${name}`}
        name={name}
        class="input"
        multiple={props.multiple}
        aria-invalid={fieldIssue(form, name) ? "true" : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={selected.has(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup(
  props: FieldProps & { options: { value: string; label: string }[]; selected: readonly string[] },
) {
  const { t } = usePage();
  const issue = fieldIssue(props.form, props.name);
  return (
    <fieldset
      class={issue ? "field field-error" : "field"}
      id={`field-${props.name}`}
      aria-describedby={issue ? `error-${props.name}` : undefined}
    >
      <legend>{props.label}</legend>
      {issue && (
        <p class="error-message" id={`error-${props.name}`}>
          <span class="visually-hidden">{t("form.errorPrefix")}</span> {t(issue.messageKey, issue.params)}
        </p>
      )}
      <div class="checkboxes">
        {props.options.map((option) => (
          <label key={option.value} class="checkbox">
            <input
              type="checkbox"
              name={props.name}
              value={option.value}
              checked={props.selected.includes(option.value)}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ label, variant }: { label: string; variant?: "secondary" | "danger" }) {
  return (
    <button type="submit" class={variant ? `button button-${variant}` : "button"}>
      {label}
    </button>
  );
}

export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = usePage();
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={t("pagination.label")}>
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev">
          {t("pagination.previous")}
        </a>
      )}
      <span>{t("pagination.pageOf", { page, pageCount })}</span>
      {page < pageCount && (
        <a href={hrefFor(page + 1)} rel="next">
          {t("pagination.next")}
        </a>
      )}
    </nav>
  );
}

/** A table that scrolls sideways on narrow screens instead of breaking the page. */
export function TableWrap({ caption, children }: { caption: string; children: ComponentChildren }) {
  return (
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="table">
        <caption>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

/** A one-button POST form (delete, archive): works without JavaScript and carries the CSRF token. */
export function DeleteButton({
  action,
  label,
  itemName,
}: {
  action: string;
  label: string;
  itemName: string;
}) {
  const { t } = usePage();
  // Two steps without JavaScript: the first click opens the confirmation, the second deletes.
  return (
    <details class="confirm-delete">
      <summary class="danger">
        {label}
        <span class="visually-hidden"> {itemName}</span>
      </summary>
      <Form action={action} class="confirm-delete-form">
        <p>{t("form.confirmDelete", { item: itemName })}</p>
        <button type="submit" class="button button-danger">
          {t("form.confirmDeleteButton")}
        </button>
      </Form>
    </details>
  );
}
