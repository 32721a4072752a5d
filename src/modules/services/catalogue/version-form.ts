// The administrator's "publish a new version" form: flat fields, plus repeated rows for processing steps,
// dossier components and fees (`component-0-name`, …) so the page works without JavaScript. This file turns
// the posted form into a VersionDraft (or field-by-field problems) and a stored version back into the form.
import { z } from "zod";
import { type FieldIssue, ValidationError } from "../../../platform/errors.ts";
import { parseVietnameseNumber } from "../../../platform/vn-number-parse.ts";
import { type CopyKind, copyKinds, onlineClasses, type ProcedureFee, procedureKinds } from "../schema.ts";
import type { ProcedureWorkflow, ProcessingStep } from "../workflow/index.ts";
import type { ComponentRow, ProcedureVersionRow } from "./queries.ts";
import { ProcedureQuestions } from "./questions.ts";
import {
  type ApplicantKind,
  applicantKinds,
  type ComponentDraft,
  isProcedureField,
  type ProcedureField,
  resultTypes,
  type VersionDraft,
} from "./version-draft.ts";

export const MAX_STEPS = 8;
export const MAX_COMPONENTS = 25;
export const MAX_FEES = 10;

type Body = Record<string, unknown>;

const text = (body: Body, name: string): string => {
  const value = body[name];
  return typeof value === "string" ? value.normalize("NFC").trim() : "";
};

const list = (body: Body, name: string): string[] => {
  const value = body[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value ? value.split(",") : [];
};

class IssueList {
  readonly issues: FieldIssue[] = [];
  add(field: string, messageKey: string, params?: Record<string, string | number>) {
    if (!this.issues.some((issue) => issue.field === field))
      this.issues.push(params ? { field, messageKey, params } : { field, messageKey });
  }
  required(body: Body, field: string, max: number): string {
    const value = text(body, field);
    if (!value) this.add(field, "validation.required");
    else if (value.length > max) this.add(field, "validation.tooLong", { max });
    return value;
  }
  integer(body: Body, field: string, min: number, max: number, optional = false): number | null {
    const raw = text(body, field);
    if (!raw) {
      if (!optional) this.add(field, "validation.required");
      return null;
    }
    const parsed = parseVietnameseNumber(raw);
    if (!parsed.ok || !Number.isInteger(parsed.value)) {
      this.add(field, "validation.number");
      return null;
    }
    if (parsed.value < min) this.add(field, "validation.tooSmall", { min });
    if (parsed.value > max) this.add(field, "validation.tooBig", { max });
    return parsed.value;
  }
}

/** The first version of a new procedure also names its code and kind. */
export const NewProcedureInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(40, "validation.tooLong")
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, "services.catalogue.admin.badCode"),
  kind: z.enum(procedureKinds, { message: "validation.choose" }),
});

/**
 * Reads the posted form. `unitIds` are the portal's units (a unit of another province is refused);
 * `carried` keeps what the form does not edit (a subsidy's terms and plan budget line).
 */
export function readVersionForm(
  body: Body,
  unitIds: ReadonlySet<number>,
  carried: Pick<VersionDraft, "subsidy" | "budgetLineId">,
): VersionDraft {
  const issues = new IssueList();
  const unit = (field: string): number => {
    const raw = text(body, field);
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!raw) issues.add(field, "validation.choose");
    else if (!unitIds.has(id)) issues.add(field, "validation.choose");
    return id;
  };
  const name = issues.required(body, "name", 500);
  const nameEn = issues.required(body, "nameEn", 500);
  const fieldValue = text(body, "field");
  if (!isProcedureField(fieldValue)) issues.add("field", "validation.choose");
  const implementingUnitId = unit("implementingUnitId");
  const level = text(body, "level");
  if (!/^[1-4]$/.test(level)) issues.add("level", "validation.choose");
  const onlineClass = text(body, "onlineClass");
  if (!(onlineClasses as readonly string[]).includes(onlineClass))
    issues.add("onlineClass", "validation.choose");
  const kinds = list(body, "applicantKinds").filter((kind): kind is ApplicantKind =>
    (applicantKinds as readonly string[]).includes(kind),
  );
  if (kinds.length === 0) issues.add("applicantKinds", "validation.chooseAtLeastOne");
  const description = issues.required(body, "description", 5000);
  const descriptionEn = issues.required(body, "descriptionEn", 5000);
  const processingWorkingDays = issues.integer(body, "processingWorkingDays", 0, 365) ?? 0;
  const legalBasis = text(body, "legalBasis")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (legalBasis.length === 0) issues.add("legalBasis", "validation.required");
  if (legalBasis.some((line) => line.length > 1000))
    issues.add("legalBasis", "validation.tooLong", { max: 1000 });
  const resultType = text(body, "resultType");
  if (!(resultTypes as readonly string[]).includes(resultType)) issues.add("resultType", "validation.choose");
  const resultName = issues.required(body, "resultName", 500);
  const resultNameEn = issues.required(body, "resultNameEn", 500);
  const resultValidityMonths = issues.integer(body, "resultValidityMonths", 1, 1200, true);

  const receptionUnitId = unit("receptionUnitId");
  const approvalUnitId = unit("approvalUnitId");
  const steps: ProcessingStep[] = [];
  for (let index = 0; index < MAX_STEPS; index += 1) {
    const prefix = `step-${index}`;
    const stepName = text(body, `${prefix}-name`);
    if (!stepName && !text(body, `${prefix}-unit`) && !text(body, `${prefix}-days`)) continue;
    if (!stepName) issues.add(`${prefix}-name`, "validation.required");
    else if (stepName.length > 300) issues.add(`${prefix}-name`, "validation.tooLong", { max: 300 });
    const stepId = text(body, `${prefix}-id`);
    steps.push({
      id:
        /^[a-z0-9-]{1,40}$/.test(stepId) && !steps.some((step) => step.id === stepId)
          ? stepId
          : `buoc-${index + 1}`,
      name: stepName,
      unitId: String(unit(`${prefix}-unit`)),
      workingDays: issues.integer(body, `${prefix}-days`, 0, 365) ?? 0,
    });
  }
  if (steps.length === 0) issues.add("step-0-name", "services.catalogue.admin.stepRequired");
  const stepDays = steps.reduce((sum, step) => sum + step.workingDays, 0);
  if (steps.length > 0 && stepDays > processingWorkingDays)
    issues.add("processingWorkingDays", "services.catalogue.admin.stepDaysExceed", { days: stepDays });

  const components: ComponentDraft[] = [];
  for (let index = 0; index < MAX_COMPONENTS; index += 1) {
    const prefix = `component-${index}`;
    const componentName = text(body, `${prefix}-name`);
    if (!componentName && !text(body, `${prefix}-nameEn`)) continue;
    const copyKind = text(body, `${prefix}-copyKind`);
    if (!(copyKinds as readonly string[]).includes(copyKind))
      issues.add(`${prefix}-copyKind`, "validation.choose");
    components.push({
      name: issues.required(body, `${prefix}-name`, 500),
      nameEn: issues.required(body, `${prefix}-nameEn`, 500),
      copyKind: copyKind as CopyKind,
      quantity: issues.integer(body, `${prefix}-quantity`, 1, 99) ?? 1,
      required: text(body, `${prefix}-required`) === "yes",
      templateName: text(body, `${prefix}-templateName`).slice(0, 300) || null,
    });
  }

  const fees: ProcedureFee[] = [];
  for (let index = 0; index < MAX_FEES; index += 1) {
    const prefix = `fee-${index}`;
    if (!text(body, `${prefix}-label`) && !text(body, `${prefix}-amount`)) continue;
    fees.push({
      label: issues.required(body, `${prefix}-label`, 500),
      labelEn: issues.required(body, `${prefix}-labelEn`, 500),
      amountDong: issues.integer(body, `${prefix}-amount`, 0, 10_000_000_000) ?? 0,
      payableOnline: text(body, `${prefix}-online`) === "yes",
    });
  }

  let questions: VersionDraft["questions"] = [];
  const questionsText = text(body, "questions");
  if (questionsText) {
    try {
      const parsed = ProcedureQuestions.safeParse(JSON.parse(questionsText));
      if (parsed.success) questions = parsed.data;
      else issues.add("questions", "services.catalogue.admin.badQuestions");
    } catch {
      issues.add("questions", "services.catalogue.admin.badQuestions");
    }
  }

  if (issues.issues.length > 0) throw new ValidationError(issues.issues);
  const workflow: ProcedureWorkflow = {
    receptionUnitId: String(receptionUnitId),
    steps: steps as unknown as ProcedureWorkflow["steps"],
    approvalUnitId: String(approvalUnitId),
  };
  return {
    name,
    nameEn,
    field: fieldValue as ProcedureField,
    implementingUnitId,
    level: Number(level) as VersionDraft["level"],
    onlineClass: onlineClass as VersionDraft["onlineClass"],
    applicantKinds: kinds,
    description,
    descriptionEn,
    workflow,
    processingWorkingDays,
    fees,
    legalBasis,
    resultType: resultType as VersionDraft["resultType"],
    resultName,
    resultNameEn,
    resultValidityMonths,
    questions,
    subsidy: carried.subsidy,
    budgetLineId: carried.budgetLineId,
    components,
  };
}

/** A stored version as the form's values, the starting point of the next version. */
export function versionToFormValues(
  version: ProcedureVersionRow,
  components: readonly ComponentRow[],
): Record<string, string> {
  const workflow = version.workflow as ProcedureWorkflow;
  const values: Record<string, string> = {
    name: version.name,
    nameEn: version.nameEn,
    field: version.field,
    implementingUnitId: String(version.implementingUnitId),
    level: String(version.level),
    onlineClass: version.onlineClass,
    applicantKinds: version.applicantKinds.join(","),
    description: version.description,
    descriptionEn: version.descriptionEn,
    processingWorkingDays: String(version.processingWorkingDays),
    legalBasis: version.legalBasis.join("\n"),
    resultType: version.resultType,
    resultName: version.resultName,
    resultNameEn: version.resultNameEn,
    resultValidityMonths: version.resultValidityMonths === null ? "" : String(version.resultValidityMonths),
    questions: JSON.stringify(version.questions ?? [], null, 2),
    receptionUnitId: workflow.receptionUnitId,
    approvalUnitId: workflow.approvalUnitId,
  };
  workflow.steps.forEach((step, index) => {
    values[`step-${index}-id`] = step.id;
    values[`step-${index}-name`] = step.name;
    values[`step-${index}-unit`] = step.unitId;
    values[`step-${index}-days`] = String(step.workingDays);
  });
  components.forEach((component, index) => {
    values[`component-${index}-name`] = component.name;
    values[`component-${index}-nameEn`] = component.nameEn;
    values[`component-${index}-copyKind`] = component.copyKind;
    values[`component-${index}-quantity`] = String(component.quantity);
    if (component.required) values[`component-${index}-required`] = "yes";
    values[`component-${index}-templateName`] = component.templateName ?? "";
  });
  (version.fees as ProcedureFee[]).forEach((fee, index) => {
    values[`fee-${index}-label`] = fee.label;
    values[`fee-${index}-labelEn`] = fee.labelEn;
    values[`fee-${index}-amount`] = String(fee.amountDong);
    if (fee.payableOnline) values[`fee-${index}-online`] = "yes";
  });
  return values;
}

/** How many rows of a repeated group the form shows: those filled in, plus `blank` empty ones. */
export function rowCount(values: Record<string, string>, prefix: string, max: number, blank = 2): number {
  let last = -1;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}-(\\d+)-`).exec(key);
    if (match && values[key]) last = Math.max(last, Number(match[1]));
  }
  return Math.min(max, last + 1 + blank);
}
