import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
} from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import { fundingSources } from "../plan-document.ts";

export function BudgetImportPage({ plan, form }: { plan: { id: number; title: string }; form: FormState }) {
  const { t, province } = usePage();
  const planHref = `/${province!.slug}/plans/${plan.id}`;
  const fileIssue = form.issues.some((issue) => issue.field === "file");
  return (
    <Layout
      title={t("budgetImport.title")}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/plans`, label: t("plans.title") },
        { href: planHref, label: plan.title },
        { label: t("budgetImport.title") },
      ]}
    >
      <div class="narrow">
        <h1>{t("budgetImport.title")}</h1>
        <p class="lead">{t("budgetImport.lead")}</p>
        <ErrorSummary issues={form.issues} />
        <Form action={`${planHref}/budget/import`} enctype="multipart/form-data">
          <div class={fileIssue ? "field field-error" : "field"}>
            <label for="field-file">{t("budgetImport.file")}</label>
            <p class="hint" id="hint-file">
              {t("budgetImport.fileHint")}
            </p>
            <input
              id="field-file"
              name="file"
              type="file"
              class="input"
              accept=".xlsx,.csv,.tsv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="hint-file"
              aria-invalid={fileIssue ? "true" : undefined}
            />
          </div>
          <TextArea
            name="pasted"
            label={t("budgetImport.pasted")}
            hint={t("budgetImport.pastedHint")}
            form={form}
            rows={8}
          />
          <SelectField
            name="unit"
            label={t("budgetImport.unit")}
            form={form}
            options={[
              { value: "million", label: t("plans.unit.million") },
              { value: "dong", label: t("plans.unit.dong") },
            ]}
          />
          <SelectField
            name="defaultSource"
            label={t("budgetImport.defaultSource")}
            hint={t("budgetImport.defaultSourceHint")}
            form={form}
            options={fundingSources.map((source) => ({ value: source, label: t(`fundingSource.${source}`) }))}
          />
          <p class="panel panel-warning">{t("budgetImport.replaceWarning")}</p>
          <SubmitButton label={t("budgetImport.submit")} />
        </Form>
        <p>
          <a href={planHref}>{t("form.cancel")}</a>
        </p>
      </div>
    </Layout>
  );
}
