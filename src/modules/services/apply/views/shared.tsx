import type { ComponentChildren } from "preact";
import type { FieldIssue } from "../../../../platform/errors.ts";
import type { FormState } from "../../../../views/components.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { VersionRow } from "../queries.ts";

/** Paths of an applicant's dossier pages. */
export function dossierPaths(provinceSlug: string, dossierId: number) {
  const base = `/${provinceSlug}/my/dossiers/${dossierId}`;
  return {
    base,
    details: `${base}/details`,
    questions: `${base}/questions`,
    documents: `${base}/documents`,
    delivery: `${base}/delivery`,
    check: `${base}/check`,
    submit: `${base}/submit`,
    withdraw: `${base}/withdraw`,
    supply: `${base}/supply`,
    receipt: `${base}/receipt.pdf`,
    pay: `${base}/pay`,
    result: `${base}/result`,
    rating: `${base}/rating`,
    /** A file attached to the dossier (private: served after the ownership check). */
    file: (fileId: number) => `${base}/files/${fileId}`,
  };
}

export const myDossiersPath = (provinceSlug: string) => `/${provinceSlug}/my/dossiers`;

export function procedureName(version: Pick<VersionRow, "name" | "nameEn">, locale: string): string {
  return locale === "en" ? version.nameEn : version.name;
}

export function StateTag({ state }: { state: string }) {
  const { t } = usePage();
  return <span class="tag">{t(`services.state.${state}`)}</span>;
}

/** The two buttons of every draft page (GOV.UK "save and come back later"). */
export function DraftButtons() {
  const { t } = usePage();
  return (
    <div class="actions">
      <button type="submit" name="intent" value="continue" class="button">
        {t("services.apply.saveAndContinue")}
      </button>
      <button type="submit" name="intent" value="later" class="button button-secondary">
        {t("services.apply.saveForLater")}
      </button>
    </div>
  );
}

function issueOf(issues: readonly FieldIssue[], name: string): FieldIssue | undefined {
  return issues.find((issue) => issue.field === name);
}

export function FieldError({ issues, name }: { issues: readonly FieldIssue[]; name: string }) {
  const { t } = usePage();
  const issue = issueOf(issues, name);
  if (!issue) return null;
  return (
    <p class="error-message" id={`error-${name}`}>
      <span class="visually-hidden">{t("form.errorPrefix")}</span> {t(issue.messageKey, issue.params)}
    </p>
  );
}

/** Radio buttons in a fieldset: the legend is the question, each option its own label. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  form: FormState;
  options: { value: string; label: string; hint?: string; conditional?: ComponentChildren }[];
}) {
  const issue = issueOf(props.form.issues, props.name);
  const selected = props.form.values[props.name] ?? "";
  return (
    <fieldset
      class={issue ? "field field-error" : "field"}
      id={`field-${props.name}`}
      aria-describedby={issue ? `error-${props.name}` : undefined}
    >
      <legend>{props.legend}</legend>
      <FieldError issues={props.form.issues} name={props.name} />
      <div class="checkboxes">
        {props.options.map((option) => (
          <div key={option.value}>
            <label class="checkbox">
              <input
                type="radio"
                name={props.name}
                value={option.value}
                checked={selected === option.value}
              />{" "}
              {option.label}
            </label>
            {option.hint && <p class="hint">{option.hint}</p>}
            {option.conditional}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** File sizes as people read them: "245 KB", "1,2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
