import type { ComponentChildren } from "preact";
import {
  CheckboxGroup,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { usePage } from "../../../views/page-context.ts";
import { fundingSources } from "../plan-document.ts";

type PlanRef = { id: number; title: string } | null;

/** Every plan form: breadcrumbs back through the plans list to the plan, and back to the plan. */
function PlanFormFrame(props: {
  plan: PlanRef;
  title: string;
  action: string;
  form: FormState;
  children: ComponentChildren;
}) {
  const { t, province } = usePage();
  const plansHref = `/${province!.slug}/plans`;
  const planHref = props.plan ? `${plansHref}/${props.plan.id}` : plansHref;
  return (
    <FormPage
      title={props.title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: plansHref, label: t("plans.title") },
        ...(props.plan ? [{ href: planHref, label: props.plan.title }] : []),
      ]}
      action={props.action}
      form={props.form}
      backHref={planHref}
    >
      {props.children}
    </FormPage>
  );
}

export function PlanHeaderFormPage({ plan, form }: { plan: PlanRef; form: FormState }) {
  const { t, province } = usePage();
  const action = plan ? `/${province!.slug}/plans/${plan.id}` : `/${province!.slug}/plans`;
  return (
    <PlanFormFrame
      plan={plan}
      title={plan ? t("plans.editHeader") : t("plans.create")}
      action={action}
      form={form}
    >
      <TextArea name="title" label={t("plans.field.title")} form={form} rows={2} required />
      <TextField name="titleEn" label={t("plans.field.titleEn")} form={form} />
      <div class="field-row">
        <TextField
          name="periodStart"
          label={t("plans.field.periodStart")}
          form={form}
          inputMode="numeric"
          width="short"
          required
        />
        <TextField
          name="periodEnd"
          label={t("plans.field.periodEnd")}
          form={form}
          inputMode="numeric"
          width="short"
          required
        />
      </div>
      <TextField
        name="decisionNumber"
        label={t("plans.field.decisionNumber")}
        hint={t("plans.hint.decisionNumber")}
        form={form}
        width="medium"
        required
      />
      <TextField
        name="decisionDate"
        label={t("plans.field.decisionDate")}
        hint={t("form.dateHint")}
        form={form}
        width="medium"
        required
      />
      <TextField name="issuer" label={t("plans.field.issuer")} form={form} required />
      <TextField
        name="signerTitle"
        label={t("plans.field.signerTitle")}
        hint={t("plans.hint.signerTitle")}
        form={form}
        required
      />
      <TextField name="signerName" label={t("plans.field.signerName")} form={form} required />
      <SelectField
        name="budgetDisplayUnit"
        label={t("plans.field.budgetDisplayUnit")}
        form={form}
        options={[
          { value: "million", label: t("plans.unit.million") },
          { value: "dong", label: t("plans.unit.dong") },
        ]}
      />
      <TextArea name="summary" label={t("plans.field.summary")} form={form} rows={4} />
    </PlanFormFrame>
  );
}

export function ObjectiveFormPage({
  plan,
  objectiveId,
  form,
}: {
  plan: { id: number; title: string };
  objectiveId: number | null;
  form: FormState;
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/plans/${plan.id}/objectives`;
  return (
    <PlanFormFrame
      plan={plan}
      title={objectiveId ? t("plans.objective.edit") : t("plans.objective.add")}
      action={objectiveId ? `${base}/${objectiveId}` : base}
      form={form}
    >
      <TextField
        name="code"
        label={t("plans.objective.code")}
        hint={t("plans.hint.code")}
        form={form}
        width="short"
      />
      <TextArea name="title" label={t("plans.objective.title")} form={form} rows={3} required />
    </PlanFormFrame>
  );
}

export function TargetFormPage({
  plan,
  objectiveId,
  targetId,
  form,
}: {
  plan: { id: number; title: string };
  objectiveId: number;
  targetId: number | null;
  form: FormState;
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/plans/${plan.id}/objectives/${objectiveId}/targets`;
  return (
    <PlanFormFrame
      plan={plan}
      title={targetId ? t("plans.target.edit") : t("plans.target.add")}
      action={targetId ? `${base}/${targetId}` : base}
      form={form}
    >
      <TextField name="code" label={t("plans.target.code")} form={form} width="short" />
      <TextArea name="description" label={t("plans.target.description")} form={form} rows={3} required />
      <TextField
        name="valueText"
        label={t("plans.target.valueText")}
        hint={t("plans.hint.valueText")}
        form={form}
        width="medium"
      />
      <div class="field-row">
        <TextField
          name="value"
          label={t("plans.target.value")}
          hint={t("plans.hint.number")}
          form={form}
          inputMode="decimal"
          width="short"
        />
        <TextField name="unit" label={t("plans.target.unit")} form={form} width="short" />
        <TextField
          name="targetYear"
          label={t("plans.target.year")}
          form={form}
          inputMode="numeric"
          width="short"
        />
      </div>
      <SelectField
        name="comparator"
        label={t("plans.target.comparator")}
        form={form}
        options={["", "eq", "gte", "gt", "lte", "about"].map((value) => ({
          value,
          label: t(`plans.comparator.${value || "none"}`),
        }))}
      />
    </PlanFormFrame>
  );
}

type UnitOption = { id: number; name: string };

export function ActivityFormPage({
  plan,
  activityId,
  form,
  units,
  selected,
}: {
  plan: { id: number; title: string };
  activityId: number | null;
  form: FormState;
  units: UnitOption[];
  selected: { lead: string[]; coordinating: string[] };
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/plans/${plan.id}/activities`;
  const options = units.map((unit) => ({ value: String(unit.id), label: unit.name }));
  return (
    <PlanFormFrame
      plan={plan}
      title={activityId ? t("plans.activity.edit") : t("plans.activity.add")}
      action={activityId ? `${base}/${activityId}` : base}
      form={form}
    >
      <TextField
        name="number"
        label={t("plans.activity.number")}
        hint={t("plans.hint.activityNumber")}
        form={form}
        width="short"
        required
      />
      <TextArea name="title" label={t("plans.activity.title")} form={form} rows={2} required />
      <TextArea name="description" label={t("plans.activity.description")} form={form} rows={6} />
      <CheckboxGroup
        name="leadUnitIds"
        label={t("plans.activity.lead")}
        form={form}
        options={options}
        selected={selected.lead}
      />
      <CheckboxGroup
        name="coordinatingUnitIds"
        label={t("plans.activity.coordinating")}
        form={form}
        options={options}
        selected={selected.coordinating}
      />
    </PlanFormFrame>
  );
}

export function BudgetLineFormPage({
  plan,
  lineId,
  form,
  activities,
}: {
  plan: { id: number; title: string; budgetDisplayUnit: "dong" | "million" };
  lineId: number | null;
  form: FormState;
  activities: { id: number; number: string }[];
}) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/plans/${plan.id}/budget-lines`;
  const unit = t(plan.budgetDisplayUnit === "million" ? "plans.unit.million" : "plans.unit.dong");
  return (
    <PlanFormFrame
      plan={plan}
      title={lineId ? t("plans.budgetLine.edit") : t("plans.budgetLine.add")}
      action={lineId ? `${base}/${lineId}` : base}
      form={form}
    >
      <SelectField
        name="activityId"
        label={t("plans.budgetLine.activity")}
        form={form}
        options={[
          { value: "", label: t("plans.budgetLine.noActivity") },
          ...activities.map((activity) => ({ value: String(activity.id), label: activity.number })),
        ]}
      />
      <TextField
        name="year"
        label={t("plans.budgetLine.year")}
        hint={t("plans.hint.yearOrWhole")}
        form={form}
        inputMode="numeric"
        width="short"
      />
      <SelectField
        name="source"
        label={t("plans.budgetLine.source")}
        form={form}
        options={fundingSources.map((source) => ({ value: source, label: t(`fundingSource.${source}`) }))}
      />
      <TextField
        name="amount"
        label={t("plans.budgetLine.amountIn", { unit })}
        hint={t("plans.hint.amount")}
        form={form}
        inputMode="decimal"
        width="medium"
        required
      />
      <TextField name="label" label={t("plans.budgetLine.label")} form={form} />
    </PlanFormFrame>
  );
}
