import type { ComponentChildren } from "preact";
import {
  type Crumb,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import { answerFieldName, type ProcedureQuestion, questionLabel } from "../../catalogue/questions.ts";
import type { DraftState } from "../draft-state.ts";
import { DraftButtons, dossierPaths, myDossiersPath, procedureName, RadioGroup } from "./shared.tsx";

export type DraftPageProps = { state: DraftState; form: FormState; fromCheck: boolean };

/** The frame of a draft's short pages: title, procedure, error summary, the fields, the two buttons. */
function DraftFormPage(props: {
  state: DraftState;
  title: string;
  action: string;
  form: FormState;
  lead?: string;
  fromCheck: boolean;
  children: ComponentChildren;
}) {
  const { t, locale, province } = usePage();
  const slug = province!.slug;
  const paths = dossierPaths(slug, props.state.dossier.id);
  const breadcrumbs: Crumb[] = [
    { href: myDossiersPath(slug), label: t("services.apply.my.title") },
    { href: paths.base, label: t("services.apply.tasks.title") },
    { label: props.title },
  ];
  return (
    <Layout title={props.title} breadcrumbs={breadcrumbs}>
      <div class="narrow">
        <p class="meta">{procedureName(props.state.version, locale)}</p>
        <h1>{props.title}</h1>
        {props.lead && <p class="lead">{props.lead}</p>}
        <ErrorSummary issues={props.form.issues} />
        <Form action={props.fromCheck ? `${props.action}?from=check` : props.action}>
          {props.children}
          <DraftButtons />
        </Form>
        <p>
          <a href={paths.base}>{t("services.apply.backToTasks")}</a>
        </p>
      </div>
    </Layout>
  );
}

export function DetailsPage({ state, form, fromCheck }: DraftPageProps) {
  const { t, province } = usePage();
  const paths = dossierPaths(province!.slug, state.dossier.id);
  const isEnterprise = state.kind === "enterprise";
  return (
    <DraftFormPage
      state={state}
      title={t("services.apply.task.details")}
      action={paths.details}
      form={form}
      fromCheck={fromCheck}
      lead={t(isEnterprise ? "services.apply.details.leadEnterprise" : "services.apply.details.leadCitizen")}
    >
      {isEnterprise ? (
        <dl class="summary-list">
          <dt>{t("services.apply.field.enterpriseName")}</dt>
          <dd>{state.dossier.applicantName}</dd>
          <dt>{t("services.apply.field.taxCode")}</dt>
          <dd>{state.dossier.applicantTaxCode}</dd>
        </dl>
      ) : (
        <>
          <TextField name="name" label={t("services.apply.field.name")} form={form} autocomplete="name" />
          <TextField
            name="idNumber"
            label={t("services.apply.field.idNumber")}
            hint={t("services.apply.field.idNumberHint")}
            form={form}
            inputMode="numeric"
            width="medium"
          />
        </>
      )}
      <TextField
        name="phone"
        label={t("services.apply.field.phone")}
        hint={t("services.apply.field.phoneHint")}
        form={form}
        type="tel"
        autocomplete="tel"
        width="medium"
      />
      <TextField
        name="email"
        label={t("services.apply.field.email")}
        hint={t("services.apply.field.emailHint")}
        form={form}
        type="email"
        autocomplete="email"
      />
      <TextArea name="address" label={t("services.apply.field.address")} form={form} rows={3} />
    </DraftFormPage>
  );
}

function QuestionField({ question, form }: { question: ProcedureQuestion; form: FormState }) {
  const { t, locale } = usePage();
  const name = answerFieldName(question);
  const hintText = locale === "en" ? (question.hintEn ?? question.hint) : question.hint;
  const label = `${questionLabel(question, locale)}${question.required ? "" : ` (${t("services.apply.optional")})`}`;
  switch (question.kind) {
    case "select":
      return (
        <SelectField
          name={name}
          label={label}
          form={form}
          {...(hintText ? { hint: hintText } : {})}
          options={[
            { value: "", label: t("services.apply.chooseOne") },
            ...(question.options ?? []).map((option) => ({
              value: option.value,
              label: locale === "en" ? option.labelEn : option.label,
            })),
          ]}
        />
      );
    case "date":
      return (
        <TextField
          name={name}
          label={label}
          form={form}
          hint={hintText ?? t("form.dateHint")}
          width="medium"
        />
      );
    case "number":
      return (
        <TextField
          name={name}
          label={label}
          form={form}
          inputMode="decimal"
          width="medium"
          {...(hintText ? { hint: hintText } : {})}
        />
      );
    case "text":
      return (question.maxLength ?? 500) > 200 ? (
        <TextArea name={name} label={label} form={form} rows={4} {...(hintText ? { hint: hintText } : {})} />
      ) : (
        <TextField name={name} label={label} form={form} {...(hintText ? { hint: hintText } : {})} />
      );
  }
}

export function QuestionsPage({ state, form, fromCheck }: DraftPageProps) {
  const { t, province } = usePage();
  return (
    <DraftFormPage
      state={state}
      title={t("services.apply.task.questions")}
      action={dossierPaths(province!.slug, state.dossier.id).questions}
      form={form}
      fromCheck={fromCheck}
    >
      {state.questions.map((question) => (
        <QuestionField key={question.id} question={question} form={form} />
      ))}
    </DraftFormPage>
  );
}

export function DeliveryPage({ state, form, fromCheck }: DraftPageProps) {
  const { t, province } = usePage();
  return (
    <DraftFormPage
      state={state}
      title={t("services.apply.task.delivery")}
      action={dossierPaths(province!.slug, state.dossier.id).delivery}
      form={form}
      fromCheck={fromCheck}
    >
      <RadioGroup
        name="deliveryMethod"
        legend={t("services.apply.delivery.legend")}
        form={form}
        options={[
          {
            value: "online",
            label: t("services.apply.delivery.online"),
            hint: t("services.apply.delivery.onlineHint"),
          },
          {
            value: "counter",
            label: t("services.apply.delivery.counter"),
            hint: t("services.apply.delivery.counterHint"),
          },
          {
            value: "post",
            label: t("services.apply.delivery.post"),
            hint: t("services.apply.delivery.postHint"),
          },
        ]}
      />
      <TextArea
        name="deliveryAddress"
        label={t("services.apply.field.deliveryAddress")}
        hint={t("services.apply.field.deliveryAddressHint")}
        form={form}
        rows={3}
      />
    </DraftFormPage>
  );
}
