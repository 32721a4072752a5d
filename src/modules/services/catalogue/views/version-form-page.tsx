import {
  CheckboxGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { copyKinds, onlineClasses, procedureKinds } from "../../schema.ts";
import type { UnitName } from "../queries.ts";
import { applicantKinds, procedureFields, resultTypes } from "../version-draft.ts";
import { MAX_COMPONENTS, MAX_FEES, MAX_STEPS, rowCount } from "../version-form.ts";
import { adminBase } from "./admin-pages.tsx";

function YesCheckbox({ name, label, form }: { name: string; label: string; form: FormState }) {
  return (
    <div class="field">
      <label class="checkbox" for={`field-${name}`}>
        <input
          id={`field-${name}`}
          type="checkbox"
          name={name}
          value="yes"
          checked={form.values[name] === "yes"}
        />{" "}
        {label}
      </label>
    </div>
  );
}

/**
 * The form that publishes a new version (or, with `isNew`, creates a procedure): every fact of the catalogue,
 * with repeated rows for steps, components and fees, and the questions as JSON (see catalogue/README.md).
 */
export function VersionFormPage(props: {
  form: FormState;
  units: UnitName[];
  isNew: boolean;
  code?: string;
  currentName?: string;
}) {
  const { t, province, locale } = usePage();
  const { form } = props;
  const base = adminBase(province!.slug);
  const action = props.isNew ? `${base}/new` : `${base}/${encodeURIComponent(props.code!)}/versions`;
  const title = props.isNew ? t("services.catalogue.admin.new") : t("services.catalogue.admin.publish");
  const unitOptions = [
    { value: "", label: t("services.catalogue.admin.chooseUnit") },
    ...props.units.map((unit) => ({
      value: String(unit.id),
      label: locale === "en" && unit.nameEn ? unit.nameEn : unit.name,
    })),
  ];
  const choose = (values: readonly string[], prefix: string) => [
    { value: "", label: t("services.catalogue.admin.choose") },
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}`) })),
  ];
  const steps = Math.max(1, rowCount(form.values, "step", MAX_STEPS, 1));
  const components = rowCount(form.values, "component", MAX_COMPONENTS);
  const fees = rowCount(form.values, "fee", MAX_FEES);
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("services.catalogue.admin.title") },
        ...(props.code
          ? [{ href: `${base}/${encodeURIComponent(props.code)}`, label: props.currentName ?? props.code }]
          : []),
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      {!props.isNew && <p class="lead">{t("services.catalogue.admin.publishLead")}</p>}
      <ErrorSummary issues={form.issues} />
      <Form action={action}>
        {props.isNew && (
          <fieldset class="field">
            <legend>{t("services.catalogue.admin.identity")}</legend>
            <TextField
              name="code"
              label={t("services.catalogue.code")}
              hint={t("services.catalogue.admin.codeHint")}
              form={form}
              width="medium"
            />
            <SelectField
              name="kind"
              label={t("services.catalogue.kindLabel")}
              form={form}
              options={choose(procedureKinds, "services.catalogue.kind")}
            />
          </fieldset>
        )}
        <TextField name="name" label={t("services.catalogue.admin.nameVi")} form={form} />
        <TextField name="nameEn" label={t("services.catalogue.admin.nameEn")} form={form} />
        <div class="field-row">
          <SelectField
            name="field"
            label={t("services.catalogue.fieldLabel")}
            form={form}
            options={choose(procedureFields, "services.catalogue.field")}
          />
          <SelectField
            name="implementingUnitId"
            label={t("services.catalogue.implementingUnit")}
            form={form}
            options={unitOptions}
          />
        </div>
        <div class="field-row">
          <SelectField
            name="level"
            label={t("services.catalogue.levelLabel")}
            form={form}
            options={[
              { value: "", label: t("services.catalogue.admin.choose") },
              ...["1", "2", "3", "4"].map((level) => ({
                value: level,
                label: t("services.catalogue.levelValue", { level }),
              })),
            ]}
          />
          <SelectField
            name="onlineClass"
            label={t("services.catalogue.admin.onlineClass")}
            form={form}
            options={choose(onlineClasses, "services.catalogue.onlineClass")}
          />
        </div>
        <CheckboxGroup
          name="applicantKinds"
          label={t("services.catalogue.applicants")}
          form={form}
          selected={(form.values.applicantKinds ?? "").split(",")}
          options={applicantKinds.map((kind) => ({
            value: kind,
            label: t(`services.catalogue.applicantKind.${kind}`),
          }))}
        />
        <TextArea
          name="description"
          label={t("services.catalogue.admin.descriptionVi")}
          form={form}
          rows={5}
        />
        <TextArea
          name="descriptionEn"
          label={t("services.catalogue.admin.descriptionEn")}
          form={form}
          rows={5}
        />
        <TextField
          name="processingWorkingDays"
          label={t("services.catalogue.admin.processingDays")}
          form={form}
          width="short"
          inputMode="numeric"
        />

        <fieldset class="field">
          <legend>{t("services.catalogue.steps.heading")}</legend>
          <p class="hint">{t("services.catalogue.admin.stepsHint")}</p>
          <div class="field-row">
            <SelectField
              name="receptionUnitId"
              label={t("services.catalogue.admin.receptionUnit")}
              form={form}
              options={unitOptions}
            />
            <SelectField
              name="approvalUnitId"
              label={t("services.catalogue.approvalUnit")}
              form={form}
              options={unitOptions}
            />
          </div>
          {Array.from({ length: steps }, (_, index) => (
            <div class="field-row" key={`step-${index}`}>
              <input type="hidden" name={`step-${index}-id`} value={form.values[`step-${index}-id`] ?? ""} />
              <TextField
                name={`step-${index}-name`}
                label={t("services.catalogue.admin.stepName", { n: index + 1 })}
                form={form}
              />
              <SelectField
                name={`step-${index}-unit`}
                label={t("services.catalogue.admin.stepUnit", { n: index + 1 })}
                form={form}
                options={unitOptions}
              />
              <TextField
                name={`step-${index}-days`}
                label={t("services.catalogue.admin.stepDays", { n: index + 1 })}
                form={form}
                width="short"
                inputMode="numeric"
              />
            </div>
          ))}
        </fieldset>

        <fieldset class="field">
          <legend>{t("services.catalogue.components.heading")}</legend>
          <p class="hint">{t("services.catalogue.admin.rowsHint")}</p>
          {Array.from({ length: components }, (_, index) => {
            const prefix = `component-${index}`;
            return (
              <fieldset class="field" key={prefix}>
                <legend>{t("services.catalogue.admin.componentN", { n: index + 1 })}</legend>
                <TextField name={`${prefix}-name`} label={t("services.catalogue.admin.nameVi")} form={form} />
                <TextField
                  name={`${prefix}-nameEn`}
                  label={t("services.catalogue.admin.nameEn")}
                  form={form}
                />
                <div class="field-row">
                  <SelectField
                    name={`${prefix}-copyKind`}
                    label={t("services.catalogue.components.copyKind")}
                    form={form}
                    options={choose(copyKinds, "services.catalogue.copyKind")}
                  />
                  <TextField
                    name={`${prefix}-quantity`}
                    label={t("services.catalogue.components.quantity")}
                    form={form}
                    width="short"
                    inputMode="numeric"
                  />
                </div>
                <TextField
                  name={`${prefix}-templateName`}
                  label={t("services.catalogue.components.template")}
                  form={form}
                />
                <YesCheckbox
                  name={`${prefix}-required`}
                  label={t("services.catalogue.components.required")}
                  form={form}
                />
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset class="field">
          <legend>{t("services.catalogue.fees.heading")}</legend>
          <p class="hint">{t("services.catalogue.admin.feesHint")}</p>
          {Array.from({ length: fees }, (_, index) => {
            const prefix = `fee-${index}`;
            return (
              <fieldset class="field" key={prefix}>
                <legend>{t("services.catalogue.admin.feeN", { n: index + 1 })}</legend>
                <TextField
                  name={`${prefix}-label`}
                  label={t("services.catalogue.admin.nameVi")}
                  form={form}
                />
                <TextField
                  name={`${prefix}-labelEn`}
                  label={t("services.catalogue.admin.nameEn")}
                  form={form}
                />
                <TextField
                  name={`${prefix}-amount`}
                  label={t("services.catalogue.fees.amount")}
                  form={form}
                  width="medium"
                  inputMode="numeric"
                />
                <YesCheckbox
                  name={`${prefix}-online`}
                  label={t("services.catalogue.fees.online")}
                  form={form}
                />
              </fieldset>
            );
          })}
        </fieldset>

        <TextArea
          name="legalBasis"
          label={t("services.catalogue.legalBasis")}
          hint={t("services.catalogue.admin.legalBasisHint")}
          form={form}
          rows={5}
        />
        <div class="field-row">
          <SelectField
            name="resultType"
            label={t("services.catalogue.admin.resultType")}
            form={form}
            options={choose(resultTypes, "services.catalogue.resultType")}
          />
          <TextField
            name="resultValidityMonths"
            label={t("services.catalogue.admin.validityMonths")}
            hint={t("services.catalogue.admin.validityHint")}
            form={form}
            width="short"
            inputMode="numeric"
          />
        </div>
        <TextField name="resultName" label={t("services.catalogue.admin.resultNameVi")} form={form} />
        <TextField name="resultNameEn" label={t("services.catalogue.admin.resultNameEn")} form={form} />
        <TextArea
          name="questions"
          label={t("services.catalogue.admin.questions")}
          hint={t("services.catalogue.admin.questionsHint")}
          form={form}
          rows={10}
        />
        <SubmitButton
          label={
            props.isNew ? t("services.catalogue.admin.create") : t("services.catalogue.admin.publishButton")
          }
        />
      </Form>
      <p>
        <a href={props.code ? `${base}/${encodeURIComponent(props.code)}` : base}>{t("form.cancel")}</a>
      </p>
    </Layout>
  );
}
