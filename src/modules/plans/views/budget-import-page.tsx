import { type FormState, SelectField, TextArea } from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { usePage } from "../../../views/page-context.ts";
import { fundingSources } from "../plan-document.ts";

export function BudgetImportPage({ plan, form }: { plan: { id: number; title: string }; form: FormState }) {
  const { t, province } = usePage();
  const planHref = `/${province!.slug}/plans/${plan.id}`;
  const fileIssue = form.issues.some((issue) => issue.field === "file");
  return (
    <FormPage
      title={t("budgetImport.title")}
      lead={t("budgetImport.lead")}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: `/${province!.slug}/plans`, label: t("plans.title") },
        { href: planHref, label: plan.title },
      ]}
      action={`${planHref}/budget/import`}
      enctype="multipart/form-data"
      form={form}
      backHref={planHref}
      submitLabel={t("budgetImport.submit")}
    >
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
    </FormPage>
  );
}
