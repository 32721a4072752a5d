import { z } from "zod";
import { optionalText, requiredText } from "../../platform/validation.ts";
import { parseVietnameseNumber } from "../../platform/vn-format.ts";
import { FundingSource } from "./plan-document.ts";

const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, "validation.year")
  .transform(Number)
  .pipe(z.number().min(2000, "validation.year").max(2100, "validation.year"));
const optionalYear = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(year.nullable());

/** dd/MM/yyyy as officials type it, stored as an ISO calendar date. */
const vietnameseDate = z
  .string()
  .trim()
  .regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/, "validation.date")
  .transform((value, context) => {
    const [day, month, fullYear] = value.split("/").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(fullYear, month - 1, day));
    if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
      context.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return `${fullYear}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  });

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean).map(Number),
  )
  .pipe(z.array(z.number().int().positive()));

export const PlanHeaderInput = z
  .object({
    title: requiredText(500),
    titleEn: optionalText(500),
    periodStart: year,
    periodEnd: year,
    decisionNumber: requiredText(60),
    decisionDate: vietnameseDate,
    issuer: requiredText(200),
    signerName: requiredText(120),
    signerTitle: requiredText(120),
    budgetDisplayUnit: z.enum(["dong", "million"], "validation.choose"),
    summary: z.string().trim().max(5000, "validation.tooLong").default(""),
  })
  .refine((value) => value.periodEnd >= value.periodStart, {
    path: ["periodEnd"],
    message: "plans.validation.periodOrder",
  });
export type PlanHeaderInput = z.infer<typeof PlanHeaderInput>;

export const ObjectiveInput = z.object({
  code: z.string().trim().max(20, "validation.tooLong").default(""),
  title: requiredText(2000),
});

export const TargetInput = z.object({
  code: z.string().trim().max(20, "validation.tooLong").default(""),
  description: requiredText(2000),
  valueText: optionalText(100),
  value: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const parsed = parseVietnameseNumber(value);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: "validation.number" });
        return z.NEVER;
      }
      return parsed.value;
    }),
  unit: optionalText(40),
  comparator: z
    .enum(["", "eq", "gte", "gt", "lte", "about"], "validation.choose")
    .optional()
    .transform((value) => value || null),
  targetYear: optionalYear,
});

export const ActivityInput = z.object({
  number: requiredText(20),
  title: requiredText(1000),
  description: z.string().trim().max(20000, "validation.tooLong").default(""),
  leadUnitIds: idList,
  coordinatingUnitIds: idList,
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const BudgetLineInput = z.object({
  activityId: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(z.number().int().positive().nullable()),
  year: optionalYear,
  source: FundingSource,
  amount: requiredText(40),
  label: optionalText(500),
});
